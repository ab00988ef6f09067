-- Anonymous reads for the soak: All news, articles, topic streams, search, conversion.
-- The paths come from a file that soak.sh writes (one per line), picked at random.
counts = {}
local paths = {}

function init(args)
  for line in io.lines(os.getenv("SOAK_READ_PATHS")) do
    paths[#paths + 1] = line
  end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % 100000)
  counts = { ok = 0, c4xx = 0, c5xx = 0 }
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
  if status >= 500 then
    counts.c5xx = counts.c5xx + 1
  elseif status >= 400 then
    counts.c4xx = counts.c4xx + 1
  else
    counts.ok = counts.ok + 1
  end
end

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function done(summary, latency, requests)
  local ok, c4xx, c5xx = 0, 0, 0
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    ok, c4xx, c5xx = ok + c.ok, c4xx + c.c4xx, c5xx + c.c5xx
  end
  local e = summary.errors
  io.write(string.format("SOAK kind=read requests=%d ok=%d c4xx=%d c5xx=%d socket=%d p50ms=%.1f p99ms=%.1f\n",
    summary.requests, ok, c4xx, c5xx, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
