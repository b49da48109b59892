#!/usr/bin/env bash
# Bulk-import benchmarks (issue 11, "Benchmarks"): `make bench` runs this.
#
#   1. throughput — BENCH_ROWS (100,000) stakeholders from CSV with `gmc import stakeholders FILE --as
#      delegate.bgd@gmc.test`, the same runner as `POST /imports/stakeholders` (every row checked as the
#      API checks it, one transaction, one audit event); wall time, rows/s, the command's peak RSS;
#   2. memory — BENCH_BIG_ROWS (1,000,000) stakeholders posted to the running server with `curl -T`
#      (streamed, spooled, answered 202 and run by the job worker), followed with GET /imports/{id} until
#      it ends; the **server's** peak RSS (VmHWM) and the job's rows/s.
# Each file has its own external ids, so both load into the same freshly seeded database.
# Prints a Markdown table, also saved to artifacts/bench/imports-<db>.md.
#
# Env (all optional): BENCH_DB=sqlite|postgres, BENCH_ROWS=100000, BENCH_BIG_ROWS=1000000 (0 skips part
# 2), GMC_BIN=path.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_ROWS="${BENCH_ROWS:-100000}"
BENCH_BIG_ROWS="${BENCH_BIG_ROWS:-1000000}"

BENCH_NAME=bench-imports
# shellcheck source=scripts/lib/bench-setup.sh
source "$ROOT/scripts/lib/bench-setup.sh"
export GMC_NOTIFY_INTERVAL_SECS=0 GMC_JOB_POLL_MS=200
export GMC_IMPORT_SPOOL_DIR="$WORK/spool"

# A file of N stakeholders whose external ids start with PREFIX (ten columns, no contact data).
make_csv() {
    python3 - "$1" "$2" "$3" <<'PY'
import sys
n, prefix, path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
with open(path, "w", newline="") as f:
    f.write("external_id,name,kind,country,sector,size_class,employees,women_led,exporter,importer\n")
    for i in range(n):
        size, employees = (("micro", 1 + i % 9), ("small", 10 + i % 40), ("medium", 50 + i % 200))[i % 3]
        f.write(f"{prefix}-{i},Firm {prefix} {i},msme,BGD,C,{size},{employees},"
                f"{'true' if i % 2 else 'false'},true,{'true' if i % 5 == 0 else 'false'}\n")
PY
}
rows_per_s() { python3 -c "import sys; print(f'{int(sys.argv[1]) / float(sys.argv[2]):,.0f}')" "$1" "$2"; }

log "migrating and seeding the demo ($BENCH_DB)"
"$GMC" migrate >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; die "migrate failed"; }
"$GMC" seed --demo >"$WORK/seed.log" 2>&1 || { cat "$WORK/seed.log" >&2; die "seed failed"; }

TABLE="| run | rows | wall s | rows/s | peak RSS MB | outcome |
|---|---:|---:|---:|---:|---|"

log "part 1: $BENCH_ROWS rows with gmc import --as"
make_csv "$BENCH_ROWS" BI "$WORK/small.csv"
/usr/bin/time -f "%e %M" -o "$WORK/time.txt" \
    "$GMC" import stakeholders "$WORK/small.csv" --as delegate.bgd@gmc.test >"$WORK/import.log" 2>&1 \
    || { tail -n 20 "$WORK/import.log" >&2; die "the import failed"; }
read -r wall rss_kb <"$WORK/time.txt"
outcome="$(grep -o 'completed.*' "$WORK/import.log" | tail -n1)"
TABLE+="
| \`gmc import --as\` (CSV) | $BENCH_ROWS | $wall | $(rows_per_s "$BENCH_ROWS" "$wall") | $((rss_kb / 1024)) | $outcome |"

if [[ "$BENCH_BIG_ROWS" -gt 0 ]]; then
    log "part 2: $BENCH_BIG_ROWS rows posted to the server (job)"
    make_csv "$BENCH_BIG_ROWS" BJ "$WORK/big.csv"
    bench_serve
    token="$(curl -fsS -H 'Content-Type: application/json' \
        -d '{"email":"delegate.bgd@gmc.test","password":"demo-pass-2026"}' "$BASE/api/v1/auth/login" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
    start="$(date +%s.%N)"
    curl -fsS -o "$WORK/accepted.json" -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' \
        -T "$WORK/big.csv" -X POST "$BASE/api/v1/imports/stakeholders" || die "the upload was refused"
    id="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$WORK/accepted.json")"
    status=queued
    anon_kb=0
    while [[ "$status" == queued || "$status" == running ]]; do
        sleep 1
        # The anonymous part (heap, stacks) is the import's own memory; the rest of the RSS is the
        # database file's pages mapped by SQLite's mmap, which the kernel may drop at any time.
        now_kb="$(awk '/RssAnon/ { print $2 }' "/proc/$SERVER_PID/status")"
        ((now_kb > anon_kb)) && anon_kb="$now_kb"
        read -r status done_rows < <(curl -fsS -H "Authorization: Bearer $token" "$BASE/api/v1/imports/$id" \
            | python3 -c 'import json,sys; j = json.load(sys.stdin); print(j["status"], j.get("rows_done"))')
        [[ -n "${BENCH_VERBOSE:-}" ]] && log "$status: $done_rows rows, anonymous RSS $((now_kb / 1024)) MB"
    done
    wall="$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)")"
    hwm_kb="$(awk '/VmHWM/ { print $2 }' "/proc/$SERVER_PID/status")"
    TABLE+="
| server job (\`curl -T\`, 202) | $BENCH_BIG_ROWS | $wall | $(rows_per_s "$BENCH_BIG_ROWS" "$wall") | $((hwm_kb / 1024)) (anonymous ≤ $((anon_kb / 1024))) | $status |"
    [[ "$status" == completed ]] || die "the job ended $status"
fi

mkdir -p "$ROOT/artifacts/bench"
printf '%s\n' "$TABLE" | tee "$ROOT/artifacts/bench/imports-$BENCH_DB.md"
