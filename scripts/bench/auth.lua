-- wrk script for scripts/bench.sh: authenticated GETs, and a one-line machine-readable summary.
--   BENCH_TOKEN=<access token> wrk -t2 -c32 -d15s -s scripts/bench/auth.lua http://127.0.0.1:PORT/api/v1/me
-- The `done` callback prints:
--   BENCH rps=... p50_ms=... p90_ms=... p99_ms=... max_ms=... requests=... http_errors=... socket_errors=...

local token = os.getenv("BENCH_TOKEN")
if token == nil or token == "" then
  error("BENCH_TOKEN is not set: export the access token to send as 'Authorization: Bearer <token>'")
end

wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = "application/json"

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "BENCH rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d http_errors=%d socket_errors=%d\n",
    summary.requests / seconds,
    latency:percentile(50) / 1000,
    latency:percentile(90) / 1000,
    latency:percentile(99) / 1000,
    latency.max / 1000,
    summary.requests,
    e.status,
    e.connect + e.read + e.write + e.timeout))
end
