#!/usr/bin/env bash
# Webhook deliveries do not slow the API (issue 11, "Benchmarks": 1,000 webhook deliveries to a receiver
# that answers in 2 s, while the registry list keeps its p99). `make bench` runs this.
#
# Seeds the demo, starts a receiver (Python, one thread per request) that holds every delivery
# BENCH_RECEIVER_DELAY seconds before answering 204, and subscribes Bangladesh's delegate to
# `impediment.created` there. Then, on the release build:
#   1. the registry list under wrk with varied callers and filters, nothing else running (baseline);
#   2. BENCH_EVENTS public impediments filed (each queues one delivery), then at once the same wrk run
#      while the worker delivers them (the "during" row) — the deliveries still in the queue when wrk
#      ends are counted, so the row says how much of the run overlapped them;
#   3. waits for every delivery to arrive and reports deliveries/s and the time to drain the queue.
# Prints Markdown tables, also saved to artifacts/bench/webhooks-<db>.md.
#
# Env (all optional): BENCH_DB=sqlite|postgres, BENCH_EVENTS=1000, BENCH_RECEIVER_DELAY=2,
# BENCH_DURATION=20s, BENCH_CONNECTIONS=16, BENCH_THREADS=2, GMC_JOB_CONCURRENCY (the worker's batch,
# default 8), GMC_BIN=path.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_EVENTS="${BENCH_EVENTS:-1000}"
BENCH_RECEIVER_DELAY="${BENCH_RECEIVER_DELAY:-2}"
BENCH_DURATION="${BENCH_DURATION:-20s}"
BENCH_CONNECTIONS="${BENCH_CONNECTIONS:-16}"
BENCH_THREADS="${BENCH_THREADS:-2}"

BENCH_NAME=bench-webhooks
# shellcheck source=scripts/lib/bench-setup.sh
source "$ROOT/scripts/lib/bench-setup.sh"
export GMC_NOTIFY_INTERVAL_SECS=0
# The receiver listens on loopback, which the SSRF rule refuses unless allowed.
export GMC_WEBHOOK_ALLOW_PRIVATE=true
export GMC_JOB_POLL_MS="${GMC_JOB_POLL_MS:-200}"
# A slow receiver answers well within the send timeout: the benchmark measures waiting, not failing.
export GMC_WEBHOOK_TIMEOUT_SECS="${GMC_WEBHOOK_TIMEOUT_SECS:-10}"

RECEIVER_PORT="$(pg_cluster__free_port)"
python3 - "$RECEIVER_PORT" "$BENCH_RECEIVER_DELAY" "$WORK/received" <<'PY' &
import http.server, socketserver, sys, threading, time
port, delay, out = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
lock, count = threading.Lock(), [0]
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        time.sleep(delay)
        self.send_response(204); self.end_headers()
        with lock:
            count[0] += 1
            with open(out, "w") as f: f.write(f"{count[0]} {time.time()}\n")
    def log_message(self, *a): pass
class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    request_queue_size = 256
S(("127.0.0.1", port), H).serve_forever()
PY
RECEIVER_PID=$!
trap 'kill "$RECEIVER_PID" 2>/dev/null || true; bench_cleanup' EXIT

log "migrating and seeding the demo ($BENCH_DB)"
"$GMC" migrate >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; die "migrate failed"; }
"$GMC" seed --demo >"$WORK/seed.log" 2>&1 || { cat "$WORK/seed.log" >&2; die "seed failed"; }
bench_serve

python3 - "$BASE" "$WORK/tokens" "http://127.0.0.1:$RECEIVER_PORT/hook" <<'PY'
import json, sys, urllib.request
base, tokens_file, hook = sys.argv[1:4]
def call(method, path, token=None, body=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token: req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req) as r:
        return json.load(r) if r.status != 204 else None
def login(email):
    return call("POST", "/api/v1/auth/login", body={"email": email, "password": "demo-pass-2026"})["access_token"]
bgd, npl, analyst = login("delegate.bgd@gmc.test"), login("delegate.npl@gmc.test"), login("analyst@gmc.test")
call("POST", "/api/v1/webhooks", bgd, {"url": hook, "events": ["impediment.created"], "description": "bench receiver"})
with open(tokens_file, "w") as f:
    f.write(f"bgd {bgd}\nnpl {npl}\nanalyst {analyst}\n")
PY

# The registry list as delegates and analysts read it: filters by partner, NTM chapter, severity,
# status and sort, so the mix is not one cached URL.
{
    for partner in EU USA CHN IND JPN; do
        echo "/api/v1/impediments?partner=$partner&limit=50"
        echo "/api/v1/impediments?partner=$partner&ntm_chapter=A&severity_min=3&limit=50"
    done
    echo "/api/v1/impediments?limit=50"
    echo "/api/v1/impediments?status=validated&limit=50"
    echo "/api/v1/impediments?ntm_chapter=B&sort=-severity&limit=50"
    echo "/api/v1/impediments?severity_min=4&sort=-created_at&limit=25"
} >"$WORK/paths"

registry_run() { # LABEL: one wrk run; appends a table row to $WORK/rows
    local label=$1 cpu_before line
    cpu_before="$(server_cpu_ms)"
    line="$(BENCH_TOKENS_FILE="$WORK/tokens" BENCH_PATHS_FILE="$WORK/paths" \
        wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$BENCH_DURATION" -s scripts/bench/board.lua "$BASE" \
        | grep '^BENCH ' | tail -n1)"
    declare -A b=()
    for kv in ${line#BENCH }; do b[${kv%%=*}]="${kv#*=}"; done
    local errors=$((b[http_errors] + b[socket_errors]))
    local delivered
    delivered="$(cut -d' ' -f1 "$WORK/received" 2>/dev/null || echo 0)"
    echo "| $label | $BENCH_DB | ${b[rps]} | ${b[p50_ms]} | ${b[p90_ms]} | ${b[p99_ms]} | ${b[requests]} | $errors | $(cpu_per_request "$cpu_before" "$(server_cpu_ms)" "${b[requests]}") | $delivered |" >>"$WORK/rows"
    [[ $errors -eq 0 ]] || die "registry requests failed during '$label': the numbers are not valid"
}

log "registry list, no deliveries: wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d$BENCH_DURATION"
registry_run "registry list, no deliveries"

log "filing $BENCH_EVENTS impediments (one delivery each, receiver answers in ${BENCH_RECEIVER_DELAY}s)"
t_filed="$(python3 - "$BASE" "$WORK/tokens" "$BENCH_EVENTS" <<'PY'
import json, sys, time, urllib.request
from concurrent.futures import ThreadPoolExecutor
base, tokens_file, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
token = [l.split()[1] for l in open(tokens_file) if l.startswith("bgd ")][0]
def file(i):
    body = {"reporting_country": "BGD", "partner": "EU", "ntm_code": "A14", "hs_code": "0306",
            "title": f"Webhook bench {i}", "description": "Queues one delivery.", "severity": 3, "visibility": "public"}
    req = urllib.request.Request(base + "/api/v1/impediments", method="POST", data=json.dumps(body).encode())
    req.add_header("Content-Type", "application/json"); req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req) as r: r.read()
with ThreadPoolExecutor(4) as ex: list(ex.map(file, range(n)))
print(time.time())
PY
)"
log "registry list while the worker delivers"
registry_run "registry list, deliveries in flight"

log "waiting for all $BENCH_EVENTS deliveries"
deadline=$((SECONDS + 1800))
while :; do
    got="$(cut -d' ' -f1 "$WORK/received" 2>/dev/null || echo 0)"
    [[ "$got" -ge "$BENCH_EVENTS" ]] && break
    [[ $SECONDS -lt $deadline ]] || die "only $got of $BENCH_EVENTS deliveries arrived within 30 minutes"
    sleep 1
done
t_last="$(cut -d' ' -f2 "$WORK/received")"

OUT_DIR="$ROOT/artifacts/bench"
mkdir -p "$OUT_DIR"
OUT="$OUT_DIR/webhooks-$BENCH_DB.md"
CPU="$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n1)"
REV="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
{
    echo "<!-- $(date -u +%Y-%m-%dT%H:%MZ), commit $REV, $(nproc) cores ($CPU), db $BENCH_DB, $BENCH_EVENTS deliveries, receiver ${BENCH_RECEIVER_DELAY}s, worker batch ${GMC_JOB_CONCURRENCY:-8} -->"
    echo
    echo "| run | db | req/s | p50 ms | p90 ms | p99 ms | requests | errors | server CPU ms/req | deliveries done at end |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    cat "$WORK/rows"
    echo
    python3 - "$t_filed" "$t_last" "$BENCH_EVENTS" <<'PY'
import sys
filed, last, n = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
s = max(last - filed, 0.001)
print(f"All {n} deliveries arrived {s:.0f} s after the last impediment was filed: {n / s:.1f} deliveries/s.")
PY
} >"$OUT"
echo
cat "$OUT"
