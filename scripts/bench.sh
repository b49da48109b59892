#!/usr/bin/env bash
# HTTP benchmark of the release build with wrk (`make bench`). Method: docs/benchmarks.md.
#
# Builds the release binary, makes a throwaway database (SQLite file, or a throwaway PostgreSQL
# cluster with BENCH_DB=postgres), migrates and seeds the demo data, serves on a free loopback port
# with logging off the hot path, signs in as a demo delegate, and loads each endpoint with wrk.
# Prints one Markdown table row per endpoint, also saved to artifacts/bench/.
#
# Env (all optional):
#   BENCH_DB=sqlite|postgres   database engine (default sqlite)
#   BENCH_IMPEDIMENTS=100000   synthetic impediments seeded for the registry endpoint
#   BENCH_DURATION=15s         wrk duration per endpoint
#   BENCH_CONNECTIONS=32       wrk connections
#   BENCH_THREADS=2            wrk threads
#   BENCH_WARMUP=3s            untimed warm-up per endpoint ("0" to skip)
#   BENCH_EMAIL / BENCH_PASSWORD   account to sign in with (default the demo delegate)
#   GMC_BIN=path               benchmark this binary instead of building target/release/gmc
#   BENCH_ENDPOINTS="/api/v1/impediments?partner=EU&ntm_chapter=A&severity_min=3&limit=50"
#                              the paths to load, space-separated (default: the three of docs/benchmarks.md)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_DB="${BENCH_DB:-sqlite}"
BENCH_DURATION="${BENCH_DURATION:-15s}"
BENCH_CONNECTIONS="${BENCH_CONNECTIONS:-32}"
BENCH_THREADS="${BENCH_THREADS:-2}"
BENCH_WARMUP="${BENCH_WARMUP:-3s}"
BENCH_EMAIL="${BENCH_EMAIL:-delegate.bgd@gmc.test}"
BENCH_PASSWORD="${BENCH_PASSWORD:-demo-pass-2026}"
# The registry benchmark lists impediments with three filters over BENCH_IMPEDIMENTS synthetic records.
BENCH_IMPEDIMENTS="${BENCH_IMPEDIMENTS:-100000}"
ENDPOINTS=(${BENCH_ENDPOINTS:-"/api/v1/topics?limit=30" "/api/v1/me" "/api/v1/impediments?partner=EU&ntm_chapter=A&severity_min=3&limit=50"})

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

for tool in wrk curl; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is required (Debian: apt-get install $tool)"
done

# shellcheck source=scripts/pg-cluster.sh
source "$ROOT/scripts/pg-cluster.sh"

WORK="$(mktemp -d /tmp/gmc-bench.XXXXXX)"
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [[ "$BENCH_DB" == "postgres" ]]; then
        pg_cluster_stop || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
    pg_cluster__free_port
}

json_field() { # json_field FIELD JSON: a top-level string field
    python3 -c 'import json, sys; print(json.loads(sys.argv[2])[sys.argv[1]])' "$1" "$2" 2>/dev/null \
        || printf '%s' "$2" | sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\\([^\"]*\\)\".*/\\1/p"
}

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
    sqlite)
        export DATABASE_URL="sqlite://$WORK/bench.sqlite3?mode=rwc"
        ;;
    postgres)
        pg_cluster_start
        psql -q -h 127.0.0.1 -p "$PG_CLUSTER_PORT" -U postgres -d postgres -c 'CREATE DATABASE gmc_bench'
        export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_CLUSTER_PORT/gmc_bench"
        ;;
    *) die "BENCH_DB must be sqlite or postgres (got '$BENCH_DB')" ;;
esac

# development: production refuses to start on a database with the demo (@gmc.test) accounts.
export GMC_ENV=development
GMC_JWT_SECRET="bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export GMC_JWT_SECRET
export GMC_LOG_FORMAT=json
export RUST_LOG=warn
export GMC_HOST=127.0.0.1
GMC_PORT="$(free_port)"
export GMC_PORT

log "migrating and seeding ($BENCH_DB)"
"$GMC" migrate >"$WORK/migrate.log" 2>&1 \
    || { cat "$WORK/migrate.log" >&2; die "gmc migrate failed"; }
"$GMC" seed --demo --impediments "$BENCH_IMPEDIMENTS" >"$WORK/seed.log" 2>&1 \
    || { cat "$WORK/seed.log" >&2; die "gmc seed --demo failed"; }

# ---- server ------------------------------------------------------------------------------------
BASE="http://127.0.0.1:$GMC_PORT"
log "starting gmc serve on $BASE"
"$GMC" serve >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
ready=""
for _ in $(seq 1 300); do
    if curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null; then ready=1; break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.2
done
if [[ -z "$ready" ]]; then
    tail -n 30 "$WORK/server.log" >&2 || true
    die "server did not become ready on $BASE"
fi

log "signing in as $BENCH_EMAIL"
login_body="$(printf '{"email":"%s","password":"%s"}' "$BENCH_EMAIL" "$BENCH_PASSWORD")"
login_json="$(curl -fsS -X POST -H 'Content-Type: application/json' -d "$login_body" "$BASE/api/v1/auth/login")" \
    || die "login failed for $BENCH_EMAIL"
BENCH_TOKEN="$(json_field access_token "$login_json")"
[[ -n "$BENCH_TOKEN" ]] || die "no access_token in the login response"
export BENCH_TOKEN

# ---- load --------------------------------------------------------------------------------------
OUT_DIR="$ROOT/artifacts/bench"
mkdir -p "$OUT_DIR"
OUT="$OUT_DIR/results-$BENCH_DB.md"
CPU="$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n1)"
REV="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
{
    echo "<!-- $(date -u +%Y-%m-%dT%H:%MZ), commit $REV, $(nproc) cores ($CPU), db $BENCH_DB, wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d$BENCH_DURATION -->"
    echo
    echo "| endpoint | db | req/s | p50 ms | p90 ms | p99 ms | max ms | requests | errors |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
} >"$OUT"

failed=0
for path in "${ENDPOINTS[@]}"; do
    url="$BASE$path"
    # One request first, so a wrong status fails loudly instead of benchmarking an error page.
    status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $BENCH_TOKEN" "$url")"
    [[ "$status" == 200 ]] || die "GET $path answered $status, expected 200"

    if [[ "$BENCH_WARMUP" != "0" ]]; then
        log "warm-up $path ($BENCH_WARMUP)"
        wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$BENCH_WARMUP" -s scripts/bench/auth.lua "$url" >/dev/null
    fi
    log "wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d$BENCH_DURATION GET $path"
    wrk_out="$(wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$BENCH_DURATION" --latency -s scripts/bench/auth.lua "$url")"
    printf '%s\n' "$wrk_out" >"$OUT_DIR/wrk-$BENCH_DB-$(printf '%s' "$path" | tr -c 'a-zA-Z0-9' '_').txt"
    line="$(printf '%s\n' "$wrk_out" | grep '^BENCH ' | tail -n1)"
    [[ -n "$line" ]] || { printf '%s\n' "$wrk_out" >&2; die "wrk printed no BENCH line for $path"; }

    # "BENCH k=v k=v ..." -> associative array b[k]=v
    declare -A b=()
    for kv in ${line#BENCH }; do b[${kv%%=*}]="${kv#*=}"; done
    errors=$((b[http_errors] + b[socket_errors]))
    [[ $errors -eq 0 ]] || failed=1
    # shellcheck disable=SC2016 # the backticks are Markdown
    printf '| `GET %s` | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$path" "$BENCH_DB" \
        "${b[rps]}" "${b[p50_ms]}" "${b[p90_ms]}" "${b[p99_ms]}" "${b[max_ms]}" "${b[requests]}" "$errors" >>"$OUT"
    unset b
done

echo
cat "$OUT"
echo
log "saved to ${OUT#"$ROOT"/} (raw wrk output beside it)"
if [[ $failed -ne 0 ]]; then
    die "some requests failed (HTTP >= 400 or socket errors): the numbers above are not valid"
fi
