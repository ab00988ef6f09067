-- Warm-up: every benchmarked path in turn, so that the JIT compiles all of them before measuring.
-- The paths come from BENCH_WARMUP_PATHS (a file, one path a line; bench/load.sh writes it).
local paths = {}
for line in io.lines(os.getenv("BENCH_WARMUP_PATHS")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local token = os.getenv("BENCH_TOKEN")
local n = 0
function request()
  n = n + 1
  local path = paths[(n % #paths) + 1]
  if path == "/api/v1/feed?limit=20" and token then
    return wrk.format("GET", path, { Authorization = "Bearer " .. token })
  end
  return wrk.format("GET", path)
end
