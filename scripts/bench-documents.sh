#!/usr/bin/env bash
# Document-library search benchmark (issue 10; `make bench` runs it). Method: docs/benchmarks.md.
#
# Seeds the demo data and BENCH_DOCUMENTS generated documents (`gmc seed --bench-documents`: ~5 KB of
# trade prose each from a 100-word vocabulary plus 500 rarer terms, ~100 MB of text at 20,000), half
# platform-wide, half owned by the demo delegations at mixed visibility. Then runs wrk against
# `GET /documents/search` at BENCH_CONNECTIONS connections for BENCH_DURATION, each request drawing its
# caller (Bangladesh's and Nepal's delegates, the analyst) and its query (common words, rare terms,
# pairs, prefixes, phrases), so no cache can answer the mix. Prints a Markdown table, also saved to
# artifacts/bench/documents-<db>.md.
#
# Env (all optional): BENCH_DB=sqlite|postgres, BENCH_DOCUMENTS=20000, BENCH_DURATION=15s,
# BENCH_CONNECTIONS=16, BENCH_THREADS=2, GMC_BIN=path.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_DB="${BENCH_DB:-sqlite}"
BENCH_DOCUMENTS="${BENCH_DOCUMENTS:-20000}"
BENCH_DURATION="${BENCH_DURATION:-15s}"
BENCH_CONNECTIONS="${BENCH_CONNECTIONS:-16}"
BENCH_THREADS="${BENCH_THREADS:-2}"

BENCH_NAME=bench-documents
# shellcheck source=scripts/lib/bench-setup.sh
source "$ROOT/scripts/lib/bench-setup.sh"
export GMC_STORAGE_DIR="$WORK/files"

log "migrating and seeding ($BENCH_DB): $BENCH_DOCUMENTS documents"
"$GMC" migrate >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; die "migrate failed"; }
seed_start=$(date +%s.%N)
RUST_LOG=info "$GMC" seed --demo --impediments 1000 --bench-documents "$BENCH_DOCUMENTS" >"$WORK/seed.log" 2>&1 \
    || { cat "$WORK/seed.log" >&2; die "seed failed"; }
seed_secs=$(python3 -c "print(round($(date +%s.%N) - $seed_start, 1))")
if [[ "$BENCH_DB" == "postgres" ]]; then
    psql -q -h 127.0.0.1 -p "$PG_CLUSTER_PORT" -U postgres -d gmc_bench -c 'ANALYZE'
fi

bench_serve

login() {
    curl -fsS -X POST -H 'Content-Type: application/json' \
        -d "{\"email\":\"$1\",\"password\":\"demo-pass-2026\"}" "$BASE/api/v1/auth/login" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
TOKEN="$(login delegate.bgd@gmc.test)"
{
    echo "bgd $TOKEN"
    echo "npl $(login delegate.npl@gmc.test)"
    echo "analyst $(login analyst@gmc.test)"
} >"$WORK/tokens"

# The queries, drawn per request: common words (thousands of hits), rare terms (a few dozen), pairs,
# prefixes and phrases.
python3 >"$WORK/paths" <<'PY'
import random, urllib.parse
random.seed(10)
common = ["tariff", "export", "customs", "garment", "shrimp", "transit", "finance", "women", "digital", "quota"]
rare = [f"term{i:03}x" for i in random.sample(range(500), 20)]
queries = common + rare
queries += [f"{a} {b}" for a, b in zip(common, reversed(common))]
queries += [f"{r} {c}" for r, c in zip(rare[:10], common)]
queries += ["tar*", "ship*", "term01*", '"letter credit"', '"supply chain"']
for q in queries:
    print("/api/v1/documents/search?q=" + urllib.parse.quote(q))
PY
while read -r path; do
    status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE$path")"
    [[ "$status" == 200 ]] || die "GET $path answered $status"
done <"$WORK/paths"

OUT_DIR="$ROOT/artifacts/bench"
mkdir -p "$OUT_DIR"
OUT="$OUT_DIR/documents-$BENCH_DB.md"
CPU="$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n1)"
REV="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
LOAD="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

log "search: wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d$BENCH_DURATION over $(wc -l <"$WORK/paths") queries"
bench_perf_start
cpu_before="$(server_cpu_ms)"
db_before="$(db_cpu_ms)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
wrk_out="$(BENCH_TOKENS_FILE="$WORK/tokens" BENCH_PATHS_FILE="$WORK/paths" \
    wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$BENCH_DURATION" -s scripts/bench/board.lua "$BASE")"
printf '%s\n' "$wrk_out" >"$OUT_DIR/wrk-$BENCH_DB-documents.txt"
bench_perf_stop
line="$(printf '%s\n' "$wrk_out" | grep '^BENCH ' | tail -n1)"
declare -A b=()
for kv in ${line#BENCH }; do b[${kv%%=*}]="${kv#*=}"; done
cpu_req="$(cpu_per_request "$cpu_before" "$(server_cpu_ms)" "${b[requests]}")"
db_req="$(cpu_per_request "$db_before" "$(db_cpu_ms)" "${b[requests]}")"
{
    echo "<!-- $(date -u +%Y-%m-%dT%H:%MZ), commit $REV, $(nproc) cores ($CPU), load before the run $LOAD, db $BENCH_DB, $BENCH_DOCUMENTS documents, seeded in ${seed_secs}s -->"
    echo
    echo "| search (varied callers and queries) | db | req/s | p50 ms | p90 ms | p99 ms | requests | errors | server CPU ms/req | db CPU ms/req | load avg |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    echo "| \`GET /documents/search?q=…\` | $BENCH_DB | ${b[rps]} | ${b[p50_ms]} | ${b[p90_ms]} | ${b[p99_ms]} | ${b[requests]} | $((b[http_errors] + b[socket_errors])) | $cpu_req | $db_req | $load_before |"
} >"$OUT"

echo
cat "$OUT"
[[ $((b[http_errors] + b[socket_errors])) -eq 0 ]] || die "some search requests failed: the numbers are not valid"
