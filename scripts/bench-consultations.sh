#!/usr/bin/env bash
# Consultation benchmarks (`make bench` runs this after scripts/bench.sh). Method: docs/benchmarks.md.
#
# Seeds one 10-question consultation with BENCH_RESPONSES synthetic responses (1,000,000 answers at the
# default 100,000), then measures on the release build:
#   - full results, results filtered by country, and a cross-tab by country: BENCH_SAMPLES sequential
#     requests each, reporting the median, p95 and max time of a whole request;
#   - public response submissions with wrk at BENCH_CONNECTIONS connections for BENCH_DURATION.
# Prints Markdown tables, also saved to artifacts/bench/consultations-<db>.md.
#
# Env (all optional): BENCH_DB=sqlite|postgres, BENCH_RESPONSES=100000, BENCH_SAMPLES=20,
# BENCH_DURATION=15s, BENCH_CONNECTIONS=32, BENCH_THREADS=2, GMC_BIN=path.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_DB="${BENCH_DB:-sqlite}"
BENCH_RESPONSES="${BENCH_RESPONSES:-100000}"
BENCH_SAMPLES="${BENCH_SAMPLES:-20}"
BENCH_DURATION="${BENCH_DURATION:-15s}"
BENCH_CONNECTIONS="${BENCH_CONNECTIONS:-32}"
BENCH_THREADS="${BENCH_THREADS:-2}"

BENCH_NAME=bench
# shellcheck source=scripts/lib/bench-setup.sh
source "$ROOT/scripts/lib/bench-setup.sh"
# The per-client limit of public submissions would stop a one-machine load test at once.
export GMC_PUBLIC_BURST=100000000 GMC_PUBLIC_PERIOD_MS=1

log "migrating and seeding $BENCH_RESPONSES responses ($BENCH_DB)"
"$GMC" migrate >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; die "migrate failed"; }
seed_start=$(date +%s.%N)
"$GMC" seed --demo --bench-responses "$BENCH_RESPONSES" >"$WORK/seed.log" 2>&1 \
    || { cat "$WORK/seed.log" >&2; die "seed failed"; }
seed_secs=$(python3 -c "print(round($(date +%s.%N) - $seed_start, 1))")

bench_serve

login() {
    curl -fsS -X POST -H 'Content-Type: application/json' \
        -d "{\"email\":\"$1\",\"password\":\"demo-pass-2026\"}" "$BASE/api/v1/auth/login" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
TOKEN="$(login delegate.bgd@gmc.test)"
read -r CID CTOKEN < <(curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/consultations?q=Benchmark" \
    | python3 -c 'import json,sys; c=json.load(sys.stdin)["items"][0]; print(c["id"], c["token"])')
[[ -n "$CID" ]] || die "no benchmark consultation"

OUT_DIR="$ROOT/artifacts/bench"
mkdir -p "$OUT_DIR"
OUT="$OUT_DIR/consultations-$BENCH_DB.md"
CPU="$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n1)"
REV="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
{
    echo "<!-- $(date -u +%Y-%m-%dT%H:%MZ), commit $REV, $(nproc) cores ($CPU), db $BENCH_DB, $BENCH_RESPONSES responses × 10 questions, seeded in ${seed_secs}s -->"
    echo
    echo "| request | db | samples | median ms | p95 ms | max ms |"
    echo "|---|---|---:|---:|---:|---:|"
} >"$OUT"

measure() { # measure LABEL PATH
    local label="$1" url="$BASE$2" times=()
    local status
    status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$url")"
    [[ "$status" == 200 ]] || die "GET $2 answered $status"
    for _ in $(seq 1 "$BENCH_SAMPLES"); do
        times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$url")")
    done
    python3 - "$label" "$BENCH_DB" "${times[@]}" >>"$OUT" <<'PY'
import sys
label, db, ts = sys.argv[1], sys.argv[2], sorted(float(t) * 1000 for t in sys.argv[3:])
n = len(ts)
med = (ts[(n - 1) // 2] + ts[n // 2]) / 2
p95 = ts[min(n - 1, int(round(0.95 * n + 0.5)) - 1)]
print(f"| {label} | {db} | {n} | {med:.1f} | {p95:.1f} | {ts[-1]:.1f} |")
PY
}

log "results, filtered results and cross-tab ($BENCH_SAMPLES samples each)"
measure "full results" "/api/v1/consultations/$CID/results"
measure "results, country=BGD" "/api/v1/consultations/$CID/results?country=BGD"
measure "cross-tab q=difficulty by country" "/api/v1/consultations/$CID/crosstab?question=difficulty&by=country"
measure "cross-tab q=obstacles by country" "/api/v1/consultations/$CID/crosstab?question=obstacles&by=country"
measure "cross-tab q=days_lost (number) by country" "/api/v1/consultations/$CID/crosstab?question=days_lost&by=country"
measure "results, 2026-11-01 to 2026-11-20 (raw answers)" "/api/v1/consultations/$CID/results?from=2026-11-01&to=2026-11-20"

log "public submissions: wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d$BENCH_DURATION"
url="$BASE/api/v1/public/consultations/$CTOKEN/responses"
wrk_out="$(wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$BENCH_DURATION" --latency -s scripts/bench/submit.lua "$url")"
printf '%s\n' "$wrk_out" >"$OUT_DIR/wrk-$BENCH_DB-submit.txt"
line="$(printf '%s\n' "$wrk_out" | grep '^BENCH ' | tail -n1)"
declare -A b=()
for kv in ${line#BENCH }; do b[${kv%%=*}]="${kv#*=}"; done
{
    echo
    echo "| public submissions | db | req/s | p50 ms | p99 ms | requests | errors |"
    echo "|---|---|---:|---:|---:|---:|---:|"
    echo "| \`POST …/responses\` (10 answers) | $BENCH_DB | ${b[rps]} | ${b[p50_ms]} | ${b[p99_ms]} | ${b[requests]} | $((b[http_errors] + b[socket_errors])) |"
} >>"$OUT"

echo
cat "$OUT"
[[ $((b[http_errors] + b[socket_errors])) -eq 0 ]] || die "some submissions failed: the numbers are not valid"
