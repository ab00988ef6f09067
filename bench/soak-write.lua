-- Editor writes and reader preference saves for the soak, one chain per connection:
-- create a draft -> publish it (If-Match) -> PATCH it (If-Match) -> a reader saves preferences.
-- Every answer must be 2xx: the chain never sends a stale ETag, so a 412 is an error here too.
-- The chain's state lives in the thread's Lua state: run it with one connection per thread.
counts = {}
local readers = {}
local topics = {}
local step, location, etag, n = 1, nil, nil, 0

function init(args)
  for line in io.lines(os.getenv("SOAK_READERS")) do readers[#readers + 1] = line end
  for line in io.lines(os.getenv("SOAK_TOPICS")) do topics[#topics + 1] = line end
  counts = { ok = 0, c4xx = 0, c5xx = 0, chains = 0 }
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % 100000)
end

local editor = "Bearer " .. os.getenv("SOAK_EDITOR_TOKEN")

local function json_headers(extra)
  local h = { ["Authorization"] = editor, ["Content-Type"] = "application/json" }
  for k, v in pairs(extra or {}) do h[k] = v end
  return h
end

function request()
  if step == 1 or location == nil then
    step = 1
    n = n + 1
    local topic = topics[math.random(#topics)]
    local body = string.format('{"headline": "Soak %d-%d: grain deal talks resume", "lead": "Talks go on.",'
      .. ' "body": "<p>Delegations met again on %d.</p>", "dateline": "MOSCOW", "source": "Dateline",'
      .. ' "language": "en", "topics": ["%s"]}', math.random(1000000), n, n, topic)
    return wrk.format("POST", "/api/v1/newsroom/articles", json_headers(), body)
  elseif step == 2 then
    return wrk.format("POST", location .. "/publish", json_headers({ ["If-Match"] = etag }), "{}")
  elseif step == 3 then
    local h = json_headers({ ["If-Match"] = etag, ["Content-Type"] = "application/merge-patch+json" })
    return wrk.format("PATCH", location, h, '{"lead": "Talks went on into the night."}')
  else
    local topic = topics[math.random(#topics)]
    local h = { ["Authorization"] = "Bearer " .. readers[math.random(#readers)],
                ["Content-Type"] = "application/json" }
    local body = string.format('{"filterEnabled": true, "followedTopics": ["%s"], "mutedTopics": [],'
      .. ' "languages": ["en"]}', topic)
    return wrk.format("PUT", "/api/v1/me/preferences", h, body)
  end
end

local function header(headers, name)
  return headers[name] or headers[name:lower()] or headers[name:upper()]
end

function response(status, headers, body)
  if status >= 500 then
    counts.c5xx = counts.c5xx + 1
  elseif status >= 400 then
    counts.c4xx = counts.c4xx + 1
  else
    counts.ok = counts.ok + 1
  end
  if status >= 300 then
    step, location = 1, nil
    return
  end
  if step == 1 then
    location = (header(headers, "Location") or ""):gsub("^https?://[^/]+", "")
    etag = header(headers, "ETag")
    if location == "" then
      counts.c4xx = counts.c4xx + 1
      step, location = 1, nil
      return
    end
  elseif step == 2 or step == 3 then
    etag = header(headers, "ETag") or etag
  end
  step = step + 1
  if step > 4 then
    step = 1
    counts.chains = counts.chains + 1
  end
end

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function done(summary, latency, requests)
  local ok, c4xx, c5xx, chains = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    ok, c4xx, c5xx, chains = ok + c.ok, c4xx + c.c4xx, c5xx + c.c5xx, chains + c.chains
  end
  local e = summary.errors
  io.write(string.format("SOAK kind=write requests=%d ok=%d c4xx=%d c5xx=%d socket=%d p50ms=%.1f p99ms=%.1f chains=%d\n",
    summary.requests, ok, c4xx, c5xx, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, chains))
end
