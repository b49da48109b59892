#!/usr/bin/env bash
# Mixed-workload benchmark of the release build (`make bench-mixed`). Method: docs/benchmarks.md.
#
# Builds the release binary, makes a throwaway database (SQLite file, or a throwaway PostgreSQL cluster
# with BENCH_DB=postgres), seeds the demo with BENCH_IMPEDIMENTS impediments and a small benchmark
# consultation, serves on a free loopback port, signs in the readers (delegates of seven delegations, the
# analyst, the admin with a TOTP second factor) and then, for each variant of the server's caches, runs
# BENCH_RUNS rounds of wrk with scripts/bench/mixed.lua (registry queries drawn per request and followed
# 1–10 pages deep, /me, topic pages) while scripts/bench/mixed.py writes in the background (impediments
# created and stepped, tokens refreshed, ~50 public responses/s).
# Prints Markdown tables, also saved to artifacts/bench/mixed-<db>.md with wrk's raw output beside them.
# Exits non-zero when any read answered outside 2xx or the writer met a 5xx.
#
# Env (all optional):
#   BENCH_DB=sqlite|postgres     database engine (default sqlite)
#   BENCH_IMPEDIMENTS=100000     synthetic impediments
#   BENCH_DURATION=30s           wrk duration per round
#   BENCH_RUNS=3                 rounds per variant (the spread is reported)
#   BENCH_CONNECTIONS=32         wrk connections
#   BENCH_THREADS=2              wrk threads
#   BENCH_WARMUP=5s              untimed warm-up after each server start ("0" to skip)
#   BENCH_VARIANTS="off on"      the render cache off (GMC_RENDER_CACHE=false) and on
#   BENCH_SORTS="..."            `sort` values 40% of the registry queries draw from (default: the newest,
#                                latest changed and most severe first, and a few ascending; empty: none)
#   BENCH_TEXT_SHARE=0.08        share of registry chains with a text search (0: none)
#   BENCH_WRITER=1               0: no background writer
#   GMC_BIN=path                 benchmark this binary instead of building target/release/gmc
#   BENCH_PERF=path.svg          also profile the first round of the first variant with perf and write a
#                                flame graph there (needs perf and inferno's tools on PATH)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_DB="${BENCH_DB:-sqlite}"
BENCH_IMPEDIMENTS="${BENCH_IMPEDIMENTS:-100000}"
BENCH_DURATION="${BENCH_DURATION:-30s}"
BENCH_RUNS="${BENCH_RUNS:-3}"
BENCH_CONNECTIONS="${BENCH_CONNECTIONS:-32}"
BENCH_THREADS="${BENCH_THREADS:-2}"
BENCH_WARMUP="${BENCH_WARMUP:-5s}"
BENCH_VARIANTS="${BENCH_VARIANTS:-off on}"
BENCH_WRITER="${BENCH_WRITER:-1}"
export BENCH_SORTS="${BENCH_SORTS--created_at -created_at -updated_at -severity -severity severity title partner ntm_code status}"

log() { printf '[bench-mixed] %s\n' "$*" >&2; }
die() { printf '[bench-mixed] ERROR: %s\n' "$*" >&2; exit 1; }

for tool in wrk curl python3; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is required (Debian: apt-get install $tool)"
done

# shellcheck source=scripts/pg-cluster.sh
source "$ROOT/scripts/pg-cluster.sh"

WORK="$(mktemp -d /tmp/gmc-bench-mixed.XXXXXX)"
chmod 755 "$WORK"
SERVER_PID=""
WRITER_PID=""
PERF_PID=""
stop_pid() { # stop_pid PID: SIGTERM, wait up to 10 s, then SIGKILL
    local pid="$1"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    stop_pid "$WRITER_PID"
    stop_pid "$PERF_PID"
    stop_pid "$SERVER_PID"
    if [[ "$BENCH_DB" == "postgres" ]]; then pg_cluster_stop || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- build and database --------------------------------------------------------------------------
if [[ -n "${GMC_BIN:-}" ]]; then
    GMC="$GMC_BIN"
else
    log "building the release binary"
    cargo build --release -q -p gmc-cli
    GMC="$ROOT/target/release/gmc"
fi
[[ -x "$GMC" ]] || die "$GMC is not an executable"

case "$BENCH_DB" in
    sqlite) export DATABASE_URL="sqlite://$WORK/bench.sqlite3?mode=rwc" ;;
    postgres)
        pg_cluster_start
        psql -q -h 127.0.0.1 -p "$PG_CLUSTER_PORT" -U postgres -d postgres -c 'CREATE DATABASE gmc_bench'
        export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_CLUSTER_PORT/gmc_bench"
        ;;
    *) die "BENCH_DB must be sqlite or postgres (got '$BENCH_DB')" ;;
esac

# development: production refuses to start on a database with the demo (@gmc.test) accounts.
export GMC_ENV=development GMC_LOG_FORMAT=json GMC_HOST=127.0.0.1
# Request logging off the hot path; the caches' hit counts (logged at shutdown) kept.
export RUST_LOG=warn,gmc_cache=info,gmc_model=info
GMC_JWT_SECRET="bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export GMC_JWT_SECRET
# The readers' tokens are minted once and must outlive every round; sign-ins all come from one address.
export GMC_ACCESS_TTL_SECS=7200 GMC_LOGIN_BURST=1000
# The writer's ~50 public responses/s would be one respondent far over the per-address limit.
export GMC_PUBLIC_BURST=100000000 GMC_PUBLIC_PERIOD_MS=1
GMC_PORT="$(pg_cluster__free_port)"
export GMC_PORT
BASE="http://127.0.0.1:$GMC_PORT"

log "migrating and seeding $BENCH_IMPEDIMENTS impediments ($BENCH_DB)"
"$GMC" migrate >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; die "gmc migrate failed"; }
seed_start=$(date +%s)
"$GMC" seed --demo --impediments "$BENCH_IMPEDIMENTS" --bench-responses 1000 >"$WORK/seed.log" 2>&1 \
    || { cat "$WORK/seed.log" >&2; die "gmc seed --demo failed"; }
log "seeded in $(($(date +%s) - seed_start)) s"

# CPU time (clock ticks) used so far by the given processes (all their threads).
cpu_ticks() {
    local total=0 p
    for p in "$@"; do
        [[ -r "/proc/$p/stat" ]] && total=$((total + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')))
    done
    echo "$total"
}
# The database's processes: PostgreSQL's postmaster and its backends (SQLite runs inside the server).
db_pids() {
    [[ "$BENCH_DB" == "postgres" ]] || return 0
    local pm
    pm="$(head -n1 "$PG_CLUSTER_DIR/data/postmaster.pid" 2>/dev/null)" || return 0
    echo "$pm"
    ps -o pid= --ppid "$pm" 2>/dev/null | tr -d " " || true
}
TICK="$(getconf CLK_TCK)"

start_server() { # start_server VARIANT
    local cache="true"
    [[ "$1" == "off" ]] && cache="false"
    GMC_RENDER_CACHE="$cache" "$GMC" serve >"$WORK/server-$1.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 300); do
        curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null && break
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.2
    done
    if ! curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null; then
        tail -n 30 "$WORK/server-$1.log" >&2 || true
        die "server did not become ready on $BASE"
    fi
    # The registry's read model loads in the background as the server starts (seconds for 100,000
    # records): measure the served path, not the load.
    [[ "${GMC_REGISTRY_READ_MODEL:-true}" == "false" ]] && return 0
    for _ in $(seq 1 600); do
        if grep -q "registry read model loaded" "$WORK/server-$1.log"; then
            log "$(grep -o 'registry read model loaded.*' "$WORK/server-$1.log" | head -n1 | cut -c1-120)"
            return 0
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.2
    done
    tail -n 30 "$WORK/server-$1.log" >&2 || true
    die "the registry read model did not load"
}

# ---- load ------------------------------------------------------------------------------------------
OUT_DIR="$ROOT/artifacts/bench"
mkdir -p "$OUT_DIR"
OUT="$OUT_DIR/mixed-$BENCH_DB.md"
CPU="$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n1)"
REV="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
DIRTY="$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo '+dirty' || true)"
export BENCH_TOKENS_FILE="$WORK/tokens.txt"
{
    echo "<!-- $(date -u +%Y-%m-%dT%H:%MZ), commit $REV$DIRTY, $(nproc) cores ($CPU), db $BENCH_DB, $BENCH_IMPEDIMENTS impediments, wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d$BENCH_DURATION, load average $(cut -d' ' -f1-3 /proc/loadavg), sorts '${BENCH_SORTS}', text-search share ${BENCH_TEXT_SHARE:-0.08}, registry read model ${GMC_REGISTRY_READ_MODEL:-true} -->"
    echo
    echo "| render cache | round | req/s | p50 ms | p99 ms | list req/s | list p50 | list p99 | /me p50 | /me p99 | topics p99 | pages/chain | app CPU ms/req | db CPU ms/req | non-2xx | writer |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
} >"$OUT"

failed=0
first=1
for variant in $BENCH_VARIANTS; do
    log "server with the render cache $variant"
    start_server "$variant"
    if [[ $first -eq 1 ]]; then
        python3 scripts/bench/mixed.py setup "$BASE" "$BENCH_TOKENS_FILE"
    fi
    if [[ "$BENCH_WARMUP" != "0" ]]; then
        wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$BENCH_WARMUP" -s scripts/bench/mixed.lua "$BASE" >/dev/null
    fi
    for round in $(seq 1 "$BENCH_RUNS"); do
        writer_json="$WORK/writer-$variant-$round.json"
        if [[ "$BENCH_WRITER" != "0" ]]; then
            python3 scripts/bench/mixed.py write "$BASE" "$writer_json" 2>>"$WORK/writer.log" &
            WRITER_PID=$!
            sleep 1
        fi
        if [[ -n "${BENCH_PERF:-}" && $first -eq 1 && $round -eq 1 ]]; then
            perf record -F 499 -g --call-graph dwarf,16384 -o "$WORK/perf.data" -p "$SERVER_PID" \
                >"$WORK/perf.log" 2>&1 &
            PERF_PID=$!
        fi
        log "round $round/$BENCH_RUNS: wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d$BENCH_DURATION (render cache $variant)"
        mapfile -t dbp < <(db_pids)
        app0="$(cpu_ticks "$SERVER_PID")"
        db0="$(cpu_ticks "${dbp[@]}")"
        wrk_out="$(wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$BENCH_DURATION" --latency \
            -s scripts/bench/mixed.lua "$BASE")"
        app1="$(cpu_ticks "$SERVER_PID")"
        db1="$(cpu_ticks "${dbp[@]}")"
        if [[ -n "$PERF_PID" ]]; then
            kill -INT "$PERF_PID" 2>/dev/null || true
            wait "$PERF_PID" 2>/dev/null || true
            PERF_PID=""
        fi
        writer="-"
        if [[ -n "$WRITER_PID" ]]; then
            stop_pid "$WRITER_PID"
            WRITER_PID=""
            # "create 201: 58, step 200: 57, public_response 201: 1493, refresh 200: 48" and any other status
            writer="$(python3 - "$writer_json" <<'PY'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except (OSError, ValueError):
    print("no report"); sys.exit()
c = d["counts"]
parts = [f"{k}: {v}" for k, v in sorted(c.items())]
print(f"{d['seconds']} s — " + ", ".join(parts))
PY
)"
            if grep -Eq ' 5[0-9][0-9]"|error' "$writer_json" 2>/dev/null; then
                failed=1
                log "the writer met server errors: $writer"
            fi
        fi
        printf '%s\n' "$wrk_out" >"$OUT_DIR/wrk-mixed-$BENCH_DB-$variant-$round.txt"
        declare -A b=() l=() m=() t=() ch=()
        parse() { # parse ARRAY-NAME LINE
            local -n arr="$1"
            local kv
            for kv in $2; do [[ "$kv" == *=* ]] && arr[${kv%%=*}]="${kv#*=}"; done
        }
        parse b "$(printf '%s\n' "$wrk_out" | grep '^BENCH ' | tail -n1)"
        parse l "$(printf '%s\n' "$wrk_out" | grep '^BENCHCAT cat=list ' | tail -n1)"
        parse m "$(printf '%s\n' "$wrk_out" | grep '^BENCHCAT cat=me ' | tail -n1)"
        parse t "$(printf '%s\n' "$wrk_out" | grep '^BENCHCAT cat=topics ' | tail -n1)"
        parse ch "$(printf '%s\n' "$wrk_out" | grep '^BENCHCHAINS ' | tail -n1)"
        [[ -n "${b[rps]:-}" && -n "${l[rps]:-}" ]] || { printf '%s\n' "$wrk_out" >&2; die "wrk printed no summary"; }
        non2xx=$((l[non2xx] + m[non2xx] + t[non2xx] + b[socket_errors] + ch[unmatched]))
        [[ $non2xx -eq 0 ]] || failed=1
        per_chain="$(python3 -c "print(round(${ch[pages]} / max(1, ${ch[chains]}), 2))")"
        # CPU per read (the writer's work included): robust where latency is not, on a shared machine.
        app_cpu="$(python3 -c "print(round(($app1 - $app0) * 1000 / $TICK / max(1, ${b[requests]}), 3))")"
        db_cpu="-"
        [[ "$BENCH_DB" == "postgres" ]] \
            && db_cpu="$(python3 -c "print(round(($db1 - $db0) * 1000 / $TICK / max(1, ${b[requests]}), 3))")"
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$variant" \
            "$round" "${b[rps]}" "${b[p50_ms]}" "${b[p99_ms]}" "${l[rps]}" "${l[p50_ms]}" "${l[p99_ms]}" \
            "${m[p50_ms]}" "${m[p99_ms]}" "${t[p99_ms]}" "$per_chain" "$app_cpu" "$db_cpu" "$non2xx" "$writer" >>"$OUT"
        unset b l m t ch
    done
    stop_pid "$SERVER_PID"
    SERVER_PID=""
    # The caches' counts, logged by the server as it stops.
    python3 - "$variant" "$WORK/server-$variant.log" >>"$OUT" <<'PY' || true
import json, sys
variant, path = sys.argv[1], sys.argv[2]
for line in open(path, encoding="utf-8", errors="replace"):
    if '"gmc_cache"' not in line:
        continue
    e = json.loads(line)
    f = e.get("fields", e)  # flattened in GMC_LOG_FORMAT=json
    hits, misses = int(f.get("hits", 0)), int(f.get("misses", 0))
    ratio = hits / (hits + misses) if hits + misses else 0.0
    print(f"<!-- render cache {variant}: {f.get('cache', '?')} cache hits={hits} misses={misses} hit ratio={ratio:.3f} -->")
PY
    first=0
done

if [[ -n "${BENCH_PERF:-}" && -f "$WORK/perf.data" ]]; then
    log "flame graph -> $BENCH_PERF"
    perf script -i "$WORK/perf.data" 2>/dev/null | inferno-collapse-perf | inferno-flamegraph \
        --title "gmc serve under bench-mixed ($BENCH_DB, render cache $(echo "$BENCH_VARIANTS" | cut -d' ' -f1))" \
        >"$BENCH_PERF" || log "flame graph failed"
    # The folded stacks, for grepping shares (`grep sqlite3_step … | awk '{s+=$NF}'`), beside the results.
    perf script -i "$WORK/perf.data" 2>/dev/null | inferno-collapse-perf >"$OUT_DIR/mixed-$BENCH_DB.folded" || true
fi

echo
cat "$OUT"
echo
log "saved to ${OUT#"$ROOT"/} (raw wrk output beside it)"
[[ $failed -eq 0 ]] || die "some requests failed (non-2xx reads, socket errors or writer 5xx): the numbers above are not valid"
