-- Prints what load.sh parses: requests, errors and latency percentiles in microseconds.
function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
                 + summary.errors.status + summary.errors.timeout
  io.write(string.format("BENCH requests=%d duration_us=%d errors=%d non2xx=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, errors, summary.errors.status,
    latency:percentile(50), latency:percentile(99)))
end
