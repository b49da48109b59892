-- wrk script for scripts/bench-prep.sh: the ministerial board under varied callers and filters.
--
-- Every request draws its caller (a token from BENCH_TOKENS_FILE, lines `label token`) and its query (a
-- path from BENCH_PATHS_FILE, one per line: the board of MC14 with filters by topic, owner, coalition
-- and interest), so no two consecutive requests need be alike and no cache can answer the mix. No
-- `response()` callback is defined, so wrk's own latency histogram is exact; `done` prints
--   BENCH rps=... p50_ms=... p90_ms=... p99_ms=... max_ms=... requests=... http_errors=... socket_errors=...

local function lines(path)
  local out = {}
  local f = assert(io.open(path, "r"), "cannot open " .. path)
  for line in f:lines() do
    if line ~= "" then out[#out + 1] = line end
  end
  f:close()
  return out
end

local tokens, paths = {}, {}

function init(_)
  for _, line in ipairs(lines(os.getenv("BENCH_TOKENS_FILE"))) do
    local _, token = line:match("^(%S+)%s+(%S+)$")
    tokens[#tokens + 1] = token
  end
  paths = lines(os.getenv("BENCH_PATHS_FILE"))
  math.randomseed(tonumber(os.getenv("BENCH_SEED") or "2026") + os.time() % 1000)
end

function request()
  local token = tokens[math.random(#tokens)]
  local path = paths[math.random(#paths)]
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

function done(summary, latency, _)
  local function ms(us) return string.format("%.1f", us / 1000) end
  local errors = summary.errors
  local socket = errors.connect + errors.read + errors.write + errors.timeout
  io.write(string.format(
    "BENCH rps=%.0f p50_ms=%s p90_ms=%s p99_ms=%s max_ms=%s requests=%d http_errors=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), ms(latency:percentile(50)), ms(latency:percentile(90)),
    ms(latency:percentile(99)), ms(latency.max), summary.requests, errors.status, socket))
end
