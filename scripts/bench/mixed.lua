-- wrk script for scripts/bench-mixed.sh: a mixed read workload (method: docs/benchmarks.md).
--
-- Every request draws its caller (a token from BENCH_TOKENS_FILE: delegates of several delegations, an
-- analyst, an admin) and what it asks:
--   - the registry, `GET /impediments` with filters drawn at realistic selectivity (partner, NTM chapter,
--     minimum severity, HS prefix, topic, status, reporting country, text search, sort, page size), then
--     its `next_cursor` followed 1–10 pages deep, each page as the same caller;
--   - `GET /me` (what the SPA asks on every load);
--   - a page of the topic catalogue (the one read the remaining render cache serves).
-- wrk's `response()` does not say which request it answers, so every request carries an
-- `X-Request-Id` (the API echoes it) and the follow-up pages queue per wrk thread.
--
-- Latency is timed here, per request, from `request()` (where wrk starts its clock) to `response()` (where
-- it stops it). wrk's own histogram is not used: with a `response()` callback its latencies add up to
-- more time than the connections had (mean × requests > connections × duration, which Little's law
-- forbids); these add up to connections × duration, as they must. The `done` callback prints:
--   BENCH rps=... p50_ms=... p90_ms=... p99_ms=... max_ms=... requests=... http_errors=... socket_errors=...
--       (wrk's counts, and the percentiles of all requests timed here)
--   BENCHCAT cat=list|me|topics requests=... rps=... p50_ms=... p90_ms=... p99_ms=... max_ms=... non2xx=...
--   BENCHCHAINS chains=... pages=... deepest=... unmatched=...
--
-- Env: BENCH_TOKENS_FILE (lines `role label token`), BENCH_SORTS (space-separated `sort` values to draw
-- from; empty: no sort parameter), BENCH_SEED (default 2026), BENCH_MIX_ME / BENCH_MIX_TOPICS (per cent
-- of new requests; defaults 10 and 5).

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long gmc_sec; long gmc_nsec; } gmc_timespec;
  int clock_gettime(int clk_id, gmc_timespec *tp);
]]
local ts = ffi.new("gmc_timespec")
local function now_us()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.gmc_sec) * 1e6 + tonumber(ts.gmc_nsec) / 1e3
end

local function env_num(name, default)
  local v = tonumber(os.getenv(name) or "")
  if v == nil then return default end
  return v
end

-- ---- callers ---------------------------------------------------------------------------------------
local callers = { delegate = {}, analyst = {}, admin = {} }
do
  local path = os.getenv("BENCH_TOKENS_FILE")
  if path == nil or path == "" then error("BENCH_TOKENS_FILE is not set") end
  local f = assert(io.open(path, "r"))
  for line in f:lines() do
    local role, label, token = line:match("^(%S+)%s+(%S+)%s+(%S+)$")
    if role and callers[role] then table.insert(callers[role], { label = label, token = token }) end
  end
  f:close()
  if #callers.delegate < 5 or #callers.analyst < 1 or #callers.admin < 1 then
    error("BENCH_TOKENS_FILE needs at least 5 delegates, an analyst and an admin")
  end
end

-- ---- weighted draws -----------------------------------------------------------------------------------
local function pick(choices) -- { {value, weight}, ... }
  local total = 0
  for _, c in ipairs(choices) do total = total + c[2] end
  local n = math.random() * total
  for _, c in ipairs(choices) do
    if n < c[2] then return c[1] end
    n = n - c[2]
  end
  return choices[#choices][1]
end

local function chance(p) return math.random() < p end

-- The seeded registry's own distributions (crates/store/src/services/demo_impediments.rs), so a filter
-- selects what it would select in the real data: EU ~22% of rows, JPN ~6%, chapter A ~25%, and so on.
local PARTNERS = { { "EU", 22 }, { "USA", 14 }, { "IND", 10 }, { "CHN", 9 }, { "JPN", 6 }, { "ASEAN", 6 },
  { "GBR", 5 }, { "ARE", 5 }, { "AUS", 4 }, { "SAU", 4 }, { "KOR", 3 }, { "THA", 3 }, { "MYS", 3 }, { "SGP", 2 },
  { "CAN", 2 }, { "TUR", 2 } }
local REPORTERS = { { "BGD", 18 }, { "NPL", 14 }, { "IND", 10 }, { "PAK", 8 }, { "LKA", 8 }, { "VNM", 7 },
  { "KHM", 7 }, { "IDN", 6 }, { "PHL", 5 } }
local CHAPTERS = { { "A", 25 }, { "B", 20 }, { "PO-TIME", 10 }, { "PO-ADMIN", 8 }, { "O", 6 }, { "C", 5 },
  { "PO-INFO", 5 }, { "E", 4 }, { "PO-RECOG", 4 }, { "F", 3 }, { "P", 3 }, { "PO-PAY", 4 }, { "PO-FACIL", 3 } }
-- 2-digit chapters select 3–15% of rows, 4-digit headings well under 1%.
local HS = { { "03", 20 }, { "61", 20 }, { "62", 8 }, { "10", 8 }, { "09", 6 }, { "0305", 6 }, { "6104", 6 },
  { "52", 5 }, { "85", 4 }, { "030612", 3 }, { "1", 4 }, { "6", 4 } }
local TOPICS = { { "SPS", 40 }, { "TBT", 25 }, { "TF", 25 }, { "ROO", 10 } }
local STATUSES = { { "reported", 40 }, { "under_review", 25 }, { "validated", 25 }, { "raised", 10 } }
-- Words of the titles and descriptions: common ("border", "consignments"), rarer ("Nepal"), and one
-- that no record holds (the worst case: the search reads every readable row).
local WORDS = { { "border", 30 }, { "residue", 20 }, { "licence", 15 }, { "Nepal", 15 }, { "cold storage", 10 },
  { "record 4242", 3 }, { "no-such-word", 2 } }
local LIMITS = { { 25, 30 }, { 50, 60 }, { 100, 10 } }
local DEPTHS = { { 1, 40 }, { 2, 20 }, { 3, 12 }, { 4, 8 }, { 5, 6 }, { 6, 4 }, { 7, 3 }, { 8, 3 }, { 9, 2 },
  { 10, 2 } }
local SORTS = {}
for s in (os.getenv("BENCH_SORTS") or ""):gmatch("%S+") do table.insert(SORTS, { s, 1 }) end

local MIX_ME = env_num("BENCH_MIX_ME", 10) / 100
local MIX_TOPICS = env_num("BENCH_MIX_TOPICS", 5) / 100

local function caller()
  local role = pick({ { "delegate", 75 }, { "analyst", 15 }, { "admin", 10 } })
  local list = callers[role]
  return list[math.random(#list)]
end

-- The share of registry chains with a text search (BENCH_TEXT_SHARE; 0 measures the rest alone).
local TEXT_SHARE = env_num("BENCH_TEXT_SHARE", 0.08)

local function registry_query()
  local p = {}
  if chance(0.45) then table.insert(p, "partner=" .. pick(PARTNERS)) end
  if chance(0.35) then table.insert(p, "ntm_chapter=" .. pick(CHAPTERS)) end
  if chance(0.30) then table.insert(p, "severity_min=" .. pick({ { 3, 50 }, { 4, 35 }, { 5, 15 } })) end
  if chance(0.15) then table.insert(p, "hs=" .. pick(HS)) end
  if chance(0.12) then table.insert(p, "topic=" .. pick(TOPICS)) end
  if chance(0.15) then table.insert(p, "status=" .. pick(STATUSES)) end
  if chance(0.10) then table.insert(p, "reporting_country=" .. pick(REPORTERS)) end
  if chance(TEXT_SHARE) then table.insert(p, "q=" .. pick(WORDS):gsub(" ", "%%20")) end
  if #SORTS > 0 and chance(0.4) then table.insert(p, "sort=" .. pick(SORTS)) end
  table.insert(p, "limit=" .. pick(LIMITS))
  return "/api/v1/impediments?" .. table.concat(p, "&")
end

local function new_chain()
  local r = math.random()
  if r < MIX_ME then
    return { cat = "me", token = caller().token, path = "/api/v1/me", left = 1 }
  elseif r < MIX_ME + MIX_TOPICS then
    local path = "/api/v1/topics?limit=30"
    if chance(0.3) then path = "/api/v1/topics?limit=30&q=trade" end
    return { cat = "topics", token = caller().token, path = path, left = 1 }
  end
  return { cat = "list", token = caller().token, path = registry_query(), left = pick(DEPTHS), chain = true }
end

-- ---- per thread -------------------------------------------------------------------------------------
local threads = {}
local thread_no = 0

function setup(thread)
  thread_no = thread_no + 1
  thread:set("tid", thread_no)
  table.insert(threads, thread)
end

local pending = {}  -- follow-up pages waiting for a connection
local inflight = {} -- request id -> { job, started }
local seq = 0
-- Flat globals: wrk's `thread:get` copies nested tables wrongly (it crashes), flat ones fine.
lat_list, lat_me, lat_topics = {}, {}, {}
bad_list, bad_me, bad_topics = 0, 0, 0
chains, pages, deepest, unmatched = 0, 0, 0, 0

function init(args)
  math.randomseed(env_num("BENCH_SEED", 2026) + 7919 * (tid or 0))
end

function request()
  local job = table.remove(pending)
  if job == nil then
    job = new_chain()
    if job.chain then
      chains = chains + 1
      job.depth = 1
    end
  end
  seq = seq + 1
  local id = "bench" .. (tid or 0) .. "r" .. seq
  inflight[id] = { job = job, started = now_us() }
  return wrk.format("GET", job.path, {
    ["Authorization"] = "Bearer " .. job.token,
    ["Accept"] = "application/json",
    ["X-Request-Id"] = id,
  })
end

function response(status, headers, body)
  local id = headers["x-request-id"] or headers["X-Request-Id"]
  local r = id and inflight[id]
  if r == nil then
    unmatched = unmatched + 1
    return
  end
  inflight[id] = nil
  local job = r.job
  local elapsed = now_us() - r.started
  if job.cat == "list" then table.insert(lat_list, elapsed)
  elseif job.cat == "me" then table.insert(lat_me, elapsed)
  else table.insert(lat_topics, elapsed) end
  if status < 200 or status > 299 then
    if job.cat == "list" then bad_list = bad_list + 1
    elseif job.cat == "me" then bad_me = bad_me + 1
    else bad_topics = bad_topics + 1 end
    return
  end
  if job.chain then
    pages = pages + 1
    if job.depth > deepest then deepest = job.depth end
    if job.left > 1 then
      -- `next_cursor` closes the page; look near the end first.
      local cursor = body:match('"next_cursor":"([^"]+)"', math.max(1, #body - 1024))
        or body:match('"next_cursor":"([^"]+)"')
      if cursor then
        local base = job.base or job.path
        table.insert(pending, { cat = "list", token = job.token, base = base, path = base .. "&cursor=" .. cursor,
          left = job.left - 1, depth = job.depth + 1, chain = true })
      end
    end
  end
end

-- ---- summary ---------------------------------------------------------------------------------------------
local function percentile(sorted, p)
  if #sorted == 0 then return 0 end
  local i = math.ceil(p / 100 * #sorted)
  if i < 1 then i = 1 end
  return sorted[i]
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local all = { list = {}, me = {}, topics = {} }
  local bad = { list = 0, me = 0, topics = 0 }
  local c, p, d, u = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    for _, cat in ipairs({ "list", "me", "topics" }) do
      for _, x in ipairs(t:get("lat_" .. cat)) do table.insert(all[cat], x) end
      bad[cat] = bad[cat] + t:get("bad_" .. cat)
    end
    c = c + t:get("chains")
    p = p + t:get("pages")
    d = math.max(d, t:get("deepest"))
    u = u + t:get("unmatched")
  end
  local every = {}
  for _, cat in ipairs({ "list", "me", "topics" }) do
    for _, x in ipairs(all[cat]) do table.insert(every, x) end
  end
  table.sort(every)
  io.write(string.format(
    "BENCH rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d http_errors=%d socket_errors=%d\n",
    summary.requests / seconds, percentile(every, 50) / 1000, percentile(every, 90) / 1000,
    percentile(every, 99) / 1000, (every[#every] or 0) / 1000, summary.requests, e.status,
    e.connect + e.read + e.write + e.timeout))
  for _, cat in ipairs({ "list", "me", "topics" }) do
    local xs = all[cat]
    table.sort(xs)
    io.write(string.format(
      "BENCHCAT cat=%s requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d\n",
      cat, #xs, #xs / seconds, percentile(xs, 50) / 1000, percentile(xs, 90) / 1000, percentile(xs, 99) / 1000,
      (xs[#xs] or 0) / 1000, bad[cat]))
  end
  io.write(string.format("BENCHCHAINS chains=%d pages=%d deepest=%d unmatched=%d\n", c, p, d, u))
end
