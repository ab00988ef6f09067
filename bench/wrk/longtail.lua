-- Search relevance, long tail: every request a different random pair of words drawn uniformly
-- from the seed's English vocabulary (bench/run.sh writes it to target/bench/words.txt), so no
-- response cache can answer it. The word list path comes from the environment (BENCH_WORDS).
local words = {}
for line in io.lines(os.getenv("BENCH_WORDS") or "target/bench/words.txt") do
  if #line > 0 then words[#words + 1] = line end
end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter * 7919 + os.time())
end

function init(args)
  math.randomseed(seed or os.time())
end

function request()
  local a = words[math.random(#words)]
  local b = words[math.random(#words)]
  return wrk.format("GET", "/api/v1/search?q=" .. a .. "+" .. b)
end
