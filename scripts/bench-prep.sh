#!/usr/bin/env bash
# Ministerial-preparation benchmarks (issue 9; `make bench` runs this). Method: docs/benchmarks.md.
#
# Seeds BENCH_IMPEDIMENTS impediments, a Bangladesh consultation with BENCH_RESPONSES responses whose
# 10 questions bear on the prep topics (1,000,000 answers at the default 100,000), BENCH_ITEMS prep
# items in MC14 and one Bangladesh item citing 500 impediments; no page cache (GMC_RENDER_CACHE=false).
# Then measures on the release build:
#   - the alignment report for Bangladesh, and the evidence strength of the item with 500 links:
#     BENCH_SAMPLES sequential requests each (median, p95, max of a whole request);
#   - the MC14 board with wrk at BENCH_CONNECTIONS connections for BENCH_DURATION, each request drawing
#     its caller (Bangladesh's and Nepal's delegates, the analyst) and its filters (topic, owner,
#     coalition, interest).
# Prints Markdown tables, also saved to artifacts/bench/prep-<db>.md.
#
# Env (all optional): BENCH_DB=sqlite|postgres, BENCH_IMPEDIMENTS=100000, BENCH_RESPONSES=100000,
# BENCH_ITEMS=2000, BENCH_SAMPLES=20, BENCH_DURATION=15s, BENCH_CONNECTIONS=32, BENCH_THREADS=2,
# BENCH_BOARD_MODEL="on off" (the board's read model on, then off), BENCH_BOARD_RUNS=1 (wrk runs of each;
# each run's raw wrk output is kept, named by its time), BENCH_BOARD_ONLY=1 (skip the report
# and strength timings), GMC_BIN=path.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_DB="${BENCH_DB:-sqlite}"
BENCH_IMPEDIMENTS="${BENCH_IMPEDIMENTS:-100000}"
BENCH_RESPONSES="${BENCH_RESPONSES:-100000}"
BENCH_ITEMS="${BENCH_ITEMS:-2000}"
BENCH_SAMPLES="${BENCH_SAMPLES:-20}"
BENCH_DURATION="${BENCH_DURATION:-15s}"
BENCH_CONNECTIONS="${BENCH_CONNECTIONS:-32}"
BENCH_THREADS="${BENCH_THREADS:-2}"
BENCH_BOARD_MODEL="${BENCH_BOARD_MODEL:-on off}"
BENCH_BOARD_ONLY="${BENCH_BOARD_ONLY:-0}"
BENCH_BOARD_RUNS="${BENCH_BOARD_RUNS:-1}"

BENCH_NAME=bench-prep
# shellcheck source=scripts/lib/bench-setup.sh
source "$ROOT/scripts/lib/bench-setup.sh"
export GMC_RENDER_CACHE=false

log "migrating and seeding ($BENCH_DB): $BENCH_IMPEDIMENTS impediments, $BENCH_RESPONSES responses, $BENCH_ITEMS prep items"
"$GMC" migrate >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; die "migrate failed"; }
seed_start=$(date +%s.%N)
RUST_LOG=info "$GMC" seed --demo --impediments "$BENCH_IMPEDIMENTS" --bench-responses "$BENCH_RESPONSES" \
    --bench-prep "$BENCH_ITEMS" >"$WORK/seed.log" 2>&1 || { cat "$WORK/seed.log" >&2; die "seed failed"; }
seed_secs=$(python3 -c "print(round($(date +%s.%N) - $seed_start, 1))")
ITEM="$(sed -n 's/.*prep_item[^0-9a-f]*\([0-9a-f-]\{36\}\).*/\1/p' "$WORK/seed.log" | tail -n1)"
[[ -n "$ITEM" ]] || die "the seed did not name the benchmark item: $(tail -n 5 "$WORK/seed.log")"

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

# The board's filters, drawn per request: none, a topic, an owner, a coalition, an interest, and pairs.
python3 - "$BASE" "$TOKEN" >"$WORK/paths" <<'PY'
import json, sys, urllib.request
base, token = sys.argv[1], sys.argv[2]
def get(path):
    req = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    return json.load(urllib.request.urlopen(req))
delegations = [d["id"] for d in get("/api/v1/delegations?limit=200")["items"]]
coalitions = [c["id"] for c in get("/api/v1/coalitions?limit=50")["items"]]
topics = ["FISH", "ECOM-MORA", "AG-PSH", "TRIPS-COVID", "LDC-GRAD", "MSME", "SPS", "TBT", "TF", "ROO"]
board = "/api/v1/prep-items/board?ministerial=MC14"
paths = [board] * 4
paths += [f"{board}&topic={t}" for t in topics]
paths += [f"{board}&delegation_id={d}" for d in delegations]
paths += [f"{board}&coalition_id={c}" for c in coalitions]
paths += [f"{board}&interest={i}" for i in ("offensive", "defensive", "neutral")]
paths += [f"{board}&topic={t}&interest={i}" for t in topics[:5] for i in ("offensive", "defensive")]
print("\n".join(paths))
PY

OUT_DIR="$ROOT/artifacts/bench"
mkdir -p "$OUT_DIR"
OUT="$OUT_DIR/prep-$BENCH_DB.md"
CPU="$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n1)"
REV="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
{
    echo "<!-- $(date -u +%Y-%m-%dT%H:%MZ), commit $REV, $(nproc) cores ($CPU), db $BENCH_DB, $BENCH_IMPEDIMENTS impediments, $BENCH_RESPONSES responses × 10 topic-tagged questions, $BENCH_ITEMS prep items, seeded in ${seed_secs}s, no page cache -->"
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

if [[ "$BENCH_BOARD_ONLY" != 1 ]]; then
    log "alignment report and evidence strength ($BENCH_SAMPLES samples each)"
    measure "alignment report, Bangladesh" "/api/v1/alignment"
    measure "alignment report, CSV" "/api/v1/alignment.csv"
    measure "evidence strength, item with 500 links" "/api/v1/prep-items/$ITEM/strength"
    measure "evidence strength, topic FISH" "/api/v1/topics/FISH/strength"
fi

# The board with its read model on (the default) and off (every board read from the tables): issue 8
# admits an in-process model only if the benchmark reports both. The server restarts between the two.
board_errors=0
# The machine's counters of CPU time ("cpu" line of /proc/stat): user nice system idle iowait irq
# softirq steal. Steal is time the hypervisor gave our virtual CPUs to someone else: when it is high,
# the same binary needs more wall time for the same work and a tail latency says more about the host
# than about the code, so each run reports it.
cpu_ticks() { awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8+$9, $9}' /proc/stat; }
steal_percent() {
    local b_total b_steal a_total a_steal
    read -r b_total b_steal <<<"$1"
    read -r a_total a_steal <<<"$2"
    awk -v t=$((a_total - b_total)) -v s=$((a_steal - b_steal)) 'BEGIN { printf "%.1f", (t > 0 ? 100 * s / t : 0) }'
}
{
    echo
    echo "| board (varied callers and filters) | db | read model | req/s | p50 ms | p90 ms | p99 ms | requests | errors | server CPU ms/req | db CPU ms/req | load avg | steal % |"
    echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|"
} >>"$OUT"
for model in $BENCH_BOARD_MODEL; do
    case "$model" in
        on) export GMC_PREP_BOARD_READ_MODEL=true ;;
        off) export GMC_PREP_BOARD_READ_MODEL=false ;;
        *) die "BENCH_BOARD_MODEL takes on and/or off, not $model" ;;
    esac
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    bench_serve
    # One board first, so that the model's load is not inside the measured window (it is reported
    # apart: the first board after a change reloads the ministerial).
    curl -fsS -o /dev/null -w "first board after start (read model $model): %{time_total}s\n" \
        -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/prep-items/board?ministerial=MC14"
    for run in $(seq 1 "$BENCH_BOARD_RUNS"); do
        log "board, read model $model, run $run: wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d$BENCH_DURATION over $(wc -l <"$WORK/paths") filter variants"
        bench_perf_start
        cpu_before="$(server_cpu_ms)"
        db_before="$(db_cpu_ms)"
        load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
        ticks_before="$(cpu_ticks)"
        wrk_out="$(BENCH_TOKENS_FILE="$WORK/tokens" BENCH_PATHS_FILE="$WORK/paths" \
            wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$BENCH_DURATION" -s scripts/bench/board.lua "$BASE")"
        printf '%s\n' "$wrk_out" >"$OUT_DIR/wrk-$BENCH_DB-board-$model-$(date -u +%H%M%S).txt"
        steal="$(steal_percent "$ticks_before" "$(cpu_ticks)")"
        bench_perf_stop
        line="$(printf '%s\n' "$wrk_out" | grep '^BENCH ' | tail -n1)"
        declare -A b=()
        for kv in ${line#BENCH }; do b[${kv%%=*}]="${kv#*=}"; done
        cpu_req="$(cpu_per_request "$cpu_before" "$(server_cpu_ms)" "${b[requests]}")"
        db_req="$(cpu_per_request "$db_before" "$(db_cpu_ms)" "${b[requests]}")"
        echo "| \`GET /prep-items/board?ministerial=MC14&…\` | $BENCH_DB | $model ($run) | ${b[rps]} | ${b[p50_ms]} | ${b[p90_ms]} | ${b[p99_ms]} | ${b[requests]} | $((b[http_errors] + b[socket_errors])) | $cpu_req | $db_req | $load_before | $steal |" >>"$OUT"
        board_errors=$((board_errors + b[http_errors] + b[socket_errors]))
    done
done

echo
cat "$OUT"
[[ "$board_errors" -eq 0 ]] || die "some board requests failed: the numbers are not valid"
