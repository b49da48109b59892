#!/usr/bin/env bash
# Property-based API testing of the release binary with schemathesis: builds `gmc` in release mode,
# seeds a throw-away SQLite database with the demo data, starts `gmc serve` on a free loopback port and
# runs schemathesis against the served OpenAPI document for every operation, once as the demo delegate
# and once as the demo admin (enrolled in TOTP through the API, since admin operations need a second
# factor). Checks: no 5xx, and every response's status, content type and body as the document declares.
# The seed is fixed, so a failure reproduces with the same command line. Reports (JUnit, the console
# output, the server log) land in artifacts/schemathesis/. Exits non-zero on any failure.
#
# Env: SCHEMATHESIS_SEED (default below), SCHEMATHESIS_MAX_EXAMPLES (per operation and phase),
#      SCHEMATHESIS_ROLES ("delegate admin": which credentials to run as).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARTIFACTS="$ROOT/artifacts/schemathesis"
# Pinned: a new schemathesis release generates other cases from the same seed (and may add checks), so an
# upgrade is a deliberate change here, not something CI picks up by itself.
SCHEMATHESIS_VERSION=4.32.5
PYOTP_VERSION=2.9.0
VENV="$ROOT/target/schemathesis-venv"
SEED="${SCHEMATHESIS_SEED:-20260711}"
MAX_EXAMPLES="${SCHEMATHESIS_MAX_EXAMPLES:-25}"
ROLES="${SCHEMATHESIS_ROLES:-delegate admin}"
PASSWORD="demo-pass-2026"
# No 5xx; and every status, content type, declared header and body as the document says.
CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance
CHECKS+=,response_schema_conformance

log() { printf '\n==> %s\n' "$*"; }

mkdir -p "$ARTIFACTS"
rm -rf "${ARTIFACTS:?}"/*

# --- schemathesis, in its own virtualenv under target/ (nothing installed system-wide) ----------------
installed() {
  "$VENV/bin/python" -c "import sys; from importlib.metadata import version as v
sys.exit((v('schemathesis'), v('pyotp')) != ('$SCHEMATHESIS_VERSION', '$PYOTP_VERSION'))" 2>/dev/null
}
if ! installed; then
  log "Installing schemathesis $SCHEMATHESIS_VERSION and pyotp $PYOTP_VERSION into $VENV"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check \
    "schemathesis==$SCHEMATHESIS_VERSION" "pyotp==$PYOTP_VERSION"
fi
PY="$VENV/bin/python"

# --- the server ---------------------------------------------------------------------------------------
log "Building the release binary"
(cd "$ROOT" && cargo build --release -p gmc-cli)
GMC="$ROOT/target/release/gmc"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/gmc-schemathesis.XXXXXX")"
SERVER_PID=""
cleanup() {
  local status=$?
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT INT TERM

export DATABASE_URL="sqlite://$WORK/gmc.sqlite3?mode=rwc"
log "Migrating and seeding $WORK/gmc.sqlite3"
"$GMC" migrate
"$GMC" seed --demo

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
BASE_URL="http://127.0.0.1:$PORT"

# Rate limits raised so that thousands of generated requests test the operations rather than the limiters
# (they still answer 429 where a limit is reached, which the document declares). Access tokens live an
# hour so that none expires mid-run. No SPA: only the API is under test.
log "Starting the server at $BASE_URL"
GMC_PORT="$PORT" GMC_STATIC_DIR="$WORK/no-spa" GMC_LOGIN_BURST=100000 GMC_PUBLIC_BURST=100000 \
  GMC_PUBLIC_PERIOD_MS=1 GMC_ACCESS_TTL_SECS=3600 GMC_WORKERS=2 RUST_LOG="${RUST_LOG:-info}" \
  "$GMC" serve >"$ARTIFACTS/server.log" 2>&1 &
SERVER_PID=$!

ready=""
for _ in $(seq 1 120); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "schemathesis: the server exited during start-up; its log:" >&2
    cat "$ARTIFACTS/server.log" >&2
    exit 1
  fi
  if curl -fsS "$BASE_URL/health/ready" >/dev/null 2>&1; then
    ready=yes
    break
  fi
  sleep 0.5
done
if [[ -z "$ready" ]]; then
  echo "schemathesis: $BASE_URL/health/ready did not answer within 60 s; server log:" >&2
  cat "$ARTIFACTS/server.log" >&2
  exit 1
fi

# --- credentials ----------------------------------------------------------------------------------------
# Both accounts sign in before any run starts, since the runs send wrong passwords and codes that the
# sign-in limiter counts. The admin enrols a TOTP factor through the API on the way (see the helper).
declare -A TOKENS
for role in $ROLES; do
  case "$role" in
    delegate) email="delegate.bgd@gmc.test" ;;
    admin) email="admin@gmc.test" ;;
    *) echo "schemathesis: unknown role '$role' in SCHEMATHESIS_ROLES" >&2; exit 2 ;;
  esac
  log "Signing in as $email"
  TOKENS[$role]="$("$PY" "$ROOT/scripts/schemathesis-setup.py" token "$BASE_URL" "$email" "$PASSWORD")"
done

# Real ids, codes and ETags from the seeded data, for generated requests to draw on (see the helper).
CONFIG="$WORK/schemathesis.toml"
# The admin's token (when it runs) comes first: it reads every record, so the delegate's run also asks
# for other delegations' records, which it must get 404 or 403 for.
readers=()
if [[ -n "${TOKENS[admin]:-}" ]]; then readers+=("${TOKENS[admin]}"); fi
for role in $ROLES; do
  if [[ "$role" != admin ]]; then readers+=("${TOKENS[$role]}"); fi
done
"$PY" "$ROOT/scripts/schemathesis-setup.py" config "$BASE_URL" "$CONFIG" "${readers[@]}"
cp "$CONFIG" "$ARTIFACTS/schemathesis.toml"

# --- the runs -------------------------------------------------------------------------------------------
# Every operation of the document runs once per role; none is left out. Schemathesis feeds values it saw in
# earlier responses (ids, refresh tokens) into later requests, so three operations could end the session a
# run is using, and they run in passes of their own after the rest:
#   users      PATCH /users/{id} and DELETE /users/{id}/mfa: given the admin's own id (from /me or /users),
#              a new password or a reset second factor signs the admin out everywhere. This pass reads no
#              list of users, so its ids come only from the dictionary, which leaves out the run accounts.
#   sign-in    /auth/*: the login example is the demo delegate's, and signing out with the refresh token
#              it returned ends every access token of that account (by design: docs/security.md). Last.
# The stateful phase is not run: it chains operations through ids from responses, which is how it would
# reach the admin's own id in the users pass.
PASSES=(
  "main|--exclude-path-regex|^/api/v1/auth/|--exclude-operation-id|update_user|--exclude-operation-id|reset_user_mfa"
  "users|--include-operation-id|update_user|--include-operation-id|reset_user_mfa"
  "sign-in|--include-path-regex|^/api/v1/auth/"
)

status=0
for role in $ROLES; do
  for pass in "${PASSES[@]}"; do
    IFS='|' read -r -a filter <<<"$pass"
    name="${filter[0]}"
    filter=("${filter[@]:1}")
    out="$ARTIFACTS/$role-$name"
    mkdir -p "$out"
    log "schemathesis as the $role, $name pass (seed $SEED, at most $MAX_EXAMPLES examples per operation and phase)"
    rc=0
    # --workers 1: with values carried from one response to later requests, the order of requests is part
    # of what the seed reproduces.
    (cd "$WORK" && "$VENV/bin/schemathesis" --config-file "$CONFIG" run "$BASE_URL/api/v1/openapi.json" \
      "${filter[@]}" \
      --header "Authorization: Bearer ${TOKENS[$role]}" \
      --checks "$CHECKS" \
      --phases examples,coverage,fuzzing \
      --seed "$SEED" \
      --max-examples "$MAX_EXAMPLES" \
      --workers 1 \
      --request-timeout 30 \
      --generation-database none \
      --suppress-health-check too_slow,filter_too_much \
      --report junit --report-dir "$out" \
      --no-color) 2>&1 | tee "$out/console.log" || rc=$?
    if [[ $rc -ne 0 ]]; then
      echo "schemathesis: the $role's $name pass failed (exit $rc); its report is in $out" >&2
      status=1
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "schemathesis: the server died during the $role's $name pass; its log is $ARTIFACTS/server.log" >&2
      exit 1
    fi
  done
done

# A panic inside a handler may not reach the client as a 500 (actix drops the connection): look for it.
if grep -n 'panicked' "$ARTIFACTS/server.log" >&2; then
  echo "schemathesis: the server panicked (lines above, from $ARTIFACTS/server.log)" >&2
  status=1
fi

# Test cases per role, from each pass's summary line ("N generated, …").
for role in $ROLES; do
  cases="$(cat "$ARTIFACTS/$role"-*/console.log | awk '$2 == "generated," { n += $1 } END { print n + 0 }')"
  echo "schemathesis: ${cases:-0} test cases as the $role"
done
if [[ $status -eq 0 ]]; then
  log "schemathesis: no server errors and no responses that break the documented schema ($ROLES)"
fi
exit "$status"
