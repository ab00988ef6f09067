-- Search relevance over a fixed set of 20 popular queries, one after another per connection.
local queries = {
  "interest rates", "oil prices", "prime minister", "central bank", "security council",
  "government budget", "foreign affairs", "stock exchange", "nuclear power", "gas pipeline",
  "trade sanctions", "space launch", "election campaign", "health vaccine", "climate emissions",
  "russia china", "president talks", "lavrov", "ключевой ставки", "переговоры министр"
}

local function encode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local paths = {}
for i, q in ipairs(queries) do
  paths[i] = "/api/v1/search?q=" .. encode(q)
end

local counter = 0
function setup(thread)
  thread:set("offset", counter * 7)
  counter = counter + 1
end

local n = 0
function request()
  n = n + 1
  return wrk.format("GET", paths[((n + (offset or 0)) % #paths) + 1])
end
