#!/usr/bin/env bash
# Everything CI checks, in order, stopping at the first failure (`make test` runs this).
#
#   1 rustfmt          2 clippy            3 domain deps       4 import cycles (scripts/check-cycles.py)
#   5 Rust tests on SQLite (+ observed statuses)               6 Rust tests on PostgreSQL (throwaway cluster)
#   7 OpenAPI drift
#   8 schemathesis against the release binary, as a delegate and as an admin (scripts/schemathesis.sh)
#   9 frontend: lint, typecheck, unit tests, TS type drift, build, public page size budget
#  10 docker-compose config               11 browser journeys (scripts/e2e.sh)
#
# Env: CI=true selects nextest's `ci` profile and always runs `npm ci`.
#      TEST_ALL_SKIP="e2e pg" skips steps by key, locally only (ignored when CI=true).
#      Keys: fmt clippy deps cycles sqlite pg openapi schemathesis frontend compose e2e
# Artefacts (JUnit reports, schemathesis reports, e2e screenshots) go to artifacts/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-auto}"
mkdir -p artifacts

NEXTEST_PROFILE=default
if [[ "${CI:-}" == "true" ]]; then
    NEXTEST_PROFILE=ci
    if [[ -n "${TEST_ALL_SKIP:-}" ]]; then
        echo "CI=true: ignoring TEST_ALL_SKIP='$TEST_ALL_SKIP' (CI runs every step)"
        TEST_ALL_SKIP=""
    fi
fi

# ---- step bookkeeping ------------------------------------------------------------------------
STEPS_DONE=()
TMP_FILES=()
CURRENT_STEP=""
STARTED_AT=$SECONDS
# A step that fails may write what went wrong here; it is printed after the summary, because a CI log is
# often read from its tail and a failing step's own output can be hundreds of lines above it.
FAILURE_DETAIL="$ROOT/artifacts/failure-detail.txt"
rm -f "$FAILURE_DETAIL" "$ROOT/artifacts/vitest-flaky.txt"

banner() {
    printf '\n==============================================================================\n'
    printf '== %s\n' "$*"
    printf '==============================================================================\n'
}

summary() {
    local rc=$1
    if [[ ${#TMP_FILES[@]} -gt 0 ]]; then rm -f "${TMP_FILES[@]}"; fi
    printf '\n== Summary ===================================================================\n'
    local line
    for line in "${STEPS_DONE[@]}"; do
        printf '  %s\n' "$line"
    done
    if [[ -s "$ROOT/artifacts/vitest-flaky.txt" ]]; then
        printf '\n'
        head -n 45 "$ROOT/artifacts/vitest-flaky.txt"
    fi
    local ok=0 skipped=0
    for line in "${STEPS_DONE[@]}"; do
        case "$line" in ok*) ok=$((ok + 1)) ;; SKIPPED*) skipped=$((skipped + 1)) ;; esac
    done
    if [[ $rc -ne 0 ]]; then
        printf '  FAILED  %s (exit %s)\n' "${CURRENT_STEP:-setup}" "$rc"
        if [[ -s "$FAILURE_DETAIL" ]]; then
            printf '\n== What failed (%s) ==\n' "${FAILURE_DETAIL#"$ROOT"/}"
            head -n 60 "$FAILURE_DETAIL"
        fi
        printf '== test-all: FAILED at "%s" after %ss\n' "${CURRENT_STEP:-setup}" $((SECONDS - STARTED_AT))
    else
        printf '== test-all: OK (%s steps passed, %s skipped) in %ss\n' "$ok" "$skipped" $((SECONDS - STARTED_AT))
    fi
}
trap 'summary $?' EXIT

fail() {
    printf '\nERROR: %s\n' "$*" >&2
    exit 1
}

# step KEY "Title" function: runs the function under `set -e`; any failure ends the script.
step() {
    local key=$1 title=$2 fn=$3
    if [[ " ${TEST_ALL_SKIP:-} " == *" $key "* ]]; then
        STEPS_DONE+=("SKIPPED $title")
        return 0
    fi
    CURRENT_STEP=$title
    banner "$title"
    local t0=$SECONDS
    "$fn"
    STEPS_DONE+=("ok      $title ($((SECONDS - t0))s)")
    CURRENT_STEP=""
}

# ---- prerequisites ---------------------------------------------------------------------------
# What the README lists. cargo-nextest is a crate, so it is installed here; the rest are system
# packages, named so that a new contributor knows what to install (`bash .ci/run` installs them all).
preflight() {
    if ! cargo nextest --version >/dev/null 2>&1; then
        echo "cargo-nextest is missing: installing it (cargo install cargo-nextest --locked)"
        cargo install cargo-nextest --locked
    fi
    local missing=() tool
    for tool in node npm python3 curl docker-compose; do
        command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
    done
    command -v initdb >/dev/null 2>&1 || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null \
        || missing+=("initdb (PostgreSQL 15 server: apt-get install postgresql-15)")
    # scripts/schemathesis.sh installs schemathesis into a virtualenv, which needs venv and ensurepip.
    if [[ " ${TEST_ALL_SKIP:-} " != *" schemathesis "* ]] && ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
        missing+=("python3-venv (apt-get install python3-venv)")
    fi
    # issue 10: meetings — the calendar feed's test parses it with Python's icalendar (scripts/check-ics.py).
    # Debian's python3-icalendar is seen by Debian's python (/usr/bin/python3), which the test uses.
    "${GMC_ICS_PYTHON:-/usr/bin/python3}" -c 'import icalendar' >/dev/null 2>&1 \
        || missing+=("python3-icalendar (apt-get install python3-icalendar)")
    if [[ " ${TEST_ALL_SKIP:-} " != *" e2e "* && ! -x "${E2E_CHROMIUM:-/usr/bin/chromium}" ]]; then
        missing+=("chromium (apt-get install chromium)")
    fi
    if [[ ${#missing[@]} -gt 0 ]]; then
        printf '  missing: %s\n' "${missing[@]}" >&2
        fail "make test needs the tools above (see the README's prerequisites, or run 'bash .ci/run', which installs them)."
    fi
}
preflight

# ---- steps -----------------------------------------------------------------------------------
step_fmt() {
    # Output goes to a file, not a pipe: rustfmt exits 0 when its stdout pipe closes early.
    local out
    out="$(mktemp)"
    TMP_FILES+=("$out")
    if ! cargo fmt --all --check >"$out" 2>&1; then
        head -n 150 "$out"
        echo "... (first 150 lines of $(wc -l <"$out") shown)"
        echo "Files that need formatting:"
        grep -E '^Diff in ' "$out" | sed -E "s|^Diff in $ROOT/||; s|:[0-9]+:?$||" | sort -u | sed 's/^/  /'
        rm -f "$out"
        fail "Rust code is not formatted: run 'make fmt' (cargo fmt --all) and commit the result."
    fi
    rm -f "$out"
    echo "Rust code is formatted."
}

step_clippy() {
    cargo clippy --workspace --all-targets -- -D warnings
}

# The domain crate must stay free of web, database and async-runtime frameworks (DESIGN.md §6).
step_domain_deps() {
    local tree bad
    tree="$(cargo tree -p gmc-domain -e normal --prefix none)"
    bad="$(printf '%s\n' "$tree" \
        | grep -E '^(actix|sea-orm|sea-query|sqlx|hyper|axum|reqwest|tokio|diesel)([-_][a-z0-9_-]*)? v' \
        | sort -u || true)"
    if [[ -n "$bad" ]]; then
        printf '%s\n' "$bad" >&2
        fail "gmc-domain depends on a web/database/runtime framework (listed above). The domain crate must not: move that code to gmc-store or gmc-api."
    fi
    echo "gmc-domain's normal dependency tree is free of actix, sea-orm, sqlx, hyper, axum, reqwest, tokio and diesel."
}

# No module of a crate may import, directly or through others, a module that imports it back
# (docs/architecture.md, "Module dependencies").
step_cycles() {
    python3 scripts/check-cycles.py
}

# Copy nextest's JUnit report (ci profile only) into artifacts/ under a per-engine name.
keep_junit() {
    local engine=$1 src="target/nextest/ci/junit.xml"
    if [[ "$NEXTEST_PROFILE" == "ci" && -f "$src" ]]; then
        cp "$src" "artifacts/nextest-$engine.xml"
    fi
}

step_tests_sqlite() {
    # System tests drive the real `gmc` binary, which nextest does not build for other packages.
    cargo build -p gmc-cli
    # issue 11: webhooks — the Standard Webhooks verifier the webhook tests use (both engines).
    bash scripts/webhooks-venv.sh
    echo "== Rust tests on SQLite =="
    # Every response served during the suite (API tests in process, system tests through the binary) is
    # recorded as (method, route pattern, status); the checker then fails on any status an operation of
    # openapi/openapi.json does not declare. Absolute: nextest runs each test in its package's directory.
    local statuses="$ROOT/target/observed-statuses"
    rm -rf "$statuses"
    mkdir -p "$statuses"
    local rc=0
    env -u TEST_DATABASE_URL GMC_RECORD_STATUSES_DIR="$statuses" \
        cargo nextest run --workspace --profile "$NEXTEST_PROFILE" || rc=$?
    keep_junit sqlite
    if [[ $rc -ne 0 ]]; then
        return "$rc"
    fi
    echo "== Observed statuses against the OpenAPI document =="
    python3 scripts/check-statuses.py "$statuses" openapi/openapi.json
}

step_tests_postgres() {
    # issue 11: webhooks — the Standard Webhooks verifier (also when this step runs alone).
    bash scripts/webhooks-venv.sh
    echo "== Rust tests on PostgreSQL =="
    local rc=0
    bash scripts/pg-cluster.sh run -- cargo nextest run --workspace --profile "$NEXTEST_PROFILE" || rc=$?
    keep_junit postgres
    return "$rc"
}

step_openapi_drift() {
    local tmp
    tmp="$(mktemp)"
    TMP_FILES+=("$tmp")
    cargo run -q -p gmc-cli -- openapi >"$tmp"
    if ! diff -u openapi/openapi.json "$tmp"; then
        rm -f "$tmp"
        fail "openapi/openapi.json is out of date with the code: run 'make openapi' and commit the result."
    fi
    rm -f "$tmp"
    echo "openapi/openapi.json matches the code."
}

# Generated requests for every operation against the release build: no 5xx, no answer outside the document.
step_schemathesis() {
    bash scripts/schemathesis.sh
}

# Vitest prints an unhandled error (one thrown outside any test, e.g. after a file's last test) above its
# summary, and fails the run even when every test passed. The log is kept and the errors are lifted out
# for the end of the output. Under CI a run whose tests all passed but which saw such an error is run once
# more, like the browser journeys' one retry: it fails if the error comes back, and if it does not, the
# error is still printed at the end as FLAKY so that its cause gets fixed, not forgotten.
vitest_errors() {
    sed 's/\x1b\[[0-9;]*m//g' "$1" | awk '/Unhandled (Error|Rejection)|Uncaught Exception|FAIL |AssertionError|Error:/{p=14} p>0{print; p--}'
}

vitest_run() {
    local rc=0
    npm --prefix frontend test 2>&1 | tee artifacts/vitest.log || rc=$?
    [[ $rc -eq 0 ]] && return 0
    vitest_errors artifacts/vitest.log >"$FAILURE_DETAIL" || true
    local plain
    plain="$(sed 's/\x1b\[[0-9;]*m//g' artifacts/vitest.log)"
    if [[ "${CI:-}" == "true" ]] && grep -qE '^ *Errors +[0-9]+ errors?' <<<"$plain" \
        && ! grep -qE '^ *Tests .*[0-9]+ failed' <<<"$plain" && ! grep -qE '^ *Test Files .*[0-9]+ failed' <<<"$plain"; then
        echo "== Every test passed but Vitest saw an unhandled error (above); running the unit tests once more =="
        cp artifacts/vitest.log artifacts/vitest-first.log
        rc=0
        npm --prefix frontend test 2>&1 | tee artifacts/vitest.log || rc=$?
        if [[ $rc -eq 0 ]]; then
            {
                echo "FLAKY: the first Vitest run ended with an unhandled error, the second passed (artifacts/vitest-first.log):"
                vitest_errors artifacts/vitest-first.log | head -n 40
            } | tee artifacts/vitest-flaky.txt
            rm -f "$FAILURE_DETAIL"
            return 0
        fi
        vitest_errors artifacts/vitest.log >"$FAILURE_DETAIL" || true
    fi
    return "$rc"
}

step_frontend() {
    if [[ "${CI:-}" == "true" || ! -d frontend/node_modules ]]; then
        npm --prefix frontend ci --no-audit --no-fund
    fi
    npm --prefix frontend run lint
    npm --prefix frontend run typecheck
    vitest_run

    # The committed TypeScript client types must be what openapi-typescript makes of the contract.
    local tmp
    tmp="$(mktemp --suffix=.d.ts)"
    TMP_FILES+=("$tmp")
    (cd frontend && npx --no-install openapi-typescript "$ROOT/openapi/openapi.json" -o "$tmp")
    if ! diff -u frontend/src/api/schema.d.ts "$tmp"; then
        rm -f "$tmp"
        fail "frontend/src/api/schema.d.ts is out of date with openapi/openapi.json: run 'make openapi' and commit the result."
    fi
    rm -f "$tmp"
    echo "frontend/src/api/schema.d.ts matches openapi/openapi.json."

    npm --prefix frontend run build

    # The public response page (respond.html) must stay within its 150 KB gzipped JS + CSS budget.
    npm --prefix frontend run size:respond
    # The results page (its chunk, CSS and the chunks only it imports) within 80 KB gzipped, on the build above.
    node frontend/scripts/check-results-size.mjs
}

step_compose() {
    # The real secret is required at deploy time (${GMC_JWT_SECRET:?}); a dummy one lets the file be checked.
    GMC_JWT_SECRET="${GMC_JWT_SECRET:-config-check-only-not-a-secret}" docker-compose -f docker-compose.yml config -q
    echo "docker-compose.yml is valid."
}

step_e2e() {
    bash scripts/e2e.sh
}

# ---- run -------------------------------------------------------------------------------------
step fmt          "1/11 cargo fmt --check"                 step_fmt
step clippy       "2/11 cargo clippy -D warnings"          step_clippy
step deps         "3/11 gmc-domain dependency check"       step_domain_deps
step cycles       "4/11 import cycles (scripts/check-cycles.py)" step_cycles
step sqlite       "5/11 Rust tests on SQLite"              step_tests_sqlite
step pg           "6/11 Rust tests on PostgreSQL"          step_tests_postgres
step openapi      "7/11 OpenAPI drift"                     step_openapi_drift
step schemathesis "8/11 schemathesis, release binary (scripts/schemathesis.sh)" step_schemathesis
step frontend     "9/11 Frontend lint, typecheck, tests, TS drift, build, size" step_frontend
step compose      "10/11 docker-compose config"            step_compose
step e2e          "11/11 Browser journeys (scripts/e2e.sh)" step_e2e
