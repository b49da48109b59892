-- wrk script for scripts/bench-consultations.sh: public response submissions (no sign-in), one
-- realistic 10-answer response each, and the same one-line summary as auth.lua.
--   wrk -t2 -c32 -d15s -s scripts/bench/submit.lua http://127.0.0.1:PORT/api/v1/public/consultations/TOKEN/responses

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"lang":"en","answers":{"exports":"regularly","obstacles":["testing","delays"],"difficulty":4,'
  .. '"days_lost":3,"priority":"sps","employees":12,"online":"yes","finance":2,"markets":["eu","asean"]},'
  .. '"profile":{"country":"BGD","sector":"C","size_class":"micro","women_led":true}}'

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
