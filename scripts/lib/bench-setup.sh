# The setup every single-area benchmark shares (bench-consultations, -prep, -documents, -home): sourced
# after the script has set BENCH_NAME and its BENCH_* defaults. It gives `log` and `die`, a work
# directory removed on exit with the server and any PostgreSQL cluster, the binary ($GMC: GMC_BIN or a
# release build), a throwaway database (BENCH_DB=sqlite|postgres) as DATABASE_URL, the server's
# settings (port, secret, no request log) and `bench_serve`, which starts `gmc serve` and waits until
# it is ready; $BASE is its address. A script adds its own GMC_* settings before calling bench_serve.
# shellcheck shell=bash

: "${BENCH_NAME:?set BENCH_NAME before sourcing bench-setup.sh}"
BENCH_DB="${BENCH_DB:-sqlite}"

log() { printf '[%s] %s\n' "$BENCH_NAME" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "$BENCH_NAME" "$*" >&2; exit 1; }
for tool in wrk curl python3; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is required"
done

# shellcheck source=scripts/pg-cluster.sh
source "$ROOT/scripts/pg-cluster.sh"

WORK="$(mktemp -d "/tmp/gmc-$BENCH_NAME.XXXXXX")"
SERVER_PID=""
bench_cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [[ "$BENCH_DB" == "postgres" ]]; then pg_cluster_stop || true; fi
    rm -rf "$WORK"
}
trap bench_cleanup EXIT

if [[ -n "${GMC_BIN:-}" ]]; then
    GMC="$GMC_BIN"
else
    log "building the release binary"
    cargo build --release -q -p gmc-cli
    GMC="$ROOT/target/release/gmc"
fi

case "$BENCH_DB" in
    sqlite) export DATABASE_URL="sqlite://$WORK/bench.sqlite3?mode=rwc" ;;
    postgres)
        pg_cluster_start
        psql -q -h 127.0.0.1 -p "$PG_CLUSTER_PORT" -U postgres -d postgres -c 'CREATE DATABASE gmc_bench'
        export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_CLUSTER_PORT/gmc_bench"
        ;;
    *) die "BENCH_DB must be sqlite or postgres" ;;
esac
export GMC_ENV=development GMC_LOG_FORMAT=json RUST_LOG=warn GMC_HOST=127.0.0.1
GMC_JWT_SECRET="bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export GMC_JWT_SECRET
GMC_PORT="$(pg_cluster__free_port)"
export GMC_PORT
BASE="http://127.0.0.1:$GMC_PORT"

# Starts the server in the background ($SERVER_PID) and waits up to a minute for /health/ready.
bench_serve() {
    "$GMC" serve >"$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 300); do
        curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || die "server exited: $(tail -n 20 "$WORK/server.log")"
        sleep 0.2
    done
    die "the server was not ready within a minute"
}

# The server's CPU time so far (user + system, ms, from /proc/<pid>/stat fields 14 and 15). Read before
# and after wrk, it gives CPU per request: on a machine shared with compiles, req/s and p99 move 2-5x
# with the load, the CPU a request costs much less, so optimisations are compared on it.
server_cpu_ms() {
    awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000 / hz }' "/proc/$SERVER_PID/stat"
}
# cpu_per_request CPU_MS_BEFORE CPU_MS_AFTER REQUESTS: ms of server CPU a request, one decimal.
cpu_per_request() {
    python3 -c "import sys; a, b, n = map(float, sys.argv[1:]); print(f'{(b - a) / max(n, 1):.2f}')" "$1" "$2" "$3"
}
# BENCH_PERF=FILE: `perf record` the server (499 Hz, DWARF call graphs) while wrk runs, for "find where
# the time goes before optimising"; `perf report -i FILE --no-children` reads it.
bench_perf_start() {
    [[ -n "${BENCH_PERF:-}" ]] || return 0
    perf record -F 499 --call-graph dwarf,16384 -p "$SERVER_PID" -o "$BENCH_PERF" >"$WORK/perf.log" 2>&1 &
    PERF_PID=$!
}
bench_perf_stop() {
    [[ -n "${PERF_PID:-}" ]] || return 0
    kill -INT "$PERF_PID" 2>/dev/null || true
    wait "$PERF_PID" 2>/dev/null || true
}
# The database server's CPU time so far (ms): on PostgreSQL the postmaster and its children (the pool's
# backends live through the run, so their time is all there); on SQLite the engine runs inside the
# server, so 0 — its time is in server_cpu_ms.
db_cpu_ms() {
    if [[ "$BENCH_DB" != "postgres" ]]; then echo 0; return 0; fi
    local pm
    pm="$(head -n1 "$PG_CLUSTER_DIR/data/postmaster.pid")"
    awk -v hz="$(getconf CLK_TCK)" -v pm="$pm" \
        '$1 == pm || $4 == pm { t += $14 + $15 } END { printf "%.0f", t * 1000 / hz }' /proc/[0-9]*/stat 2>/dev/null
}
