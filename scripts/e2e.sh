#!/usr/bin/env bash
# Browser journeys end to end: builds the SPA (when missing or stale; always under CI=true) and the
# server, seeds a throw-away SQLite database with the demo data, starts `gmc serve` on a free port,
# runs the Playwright journeys in frontend/e2e against it with the system Chromium, and stops the
# server on exit. Screenshots, the server log and the report land in artifacts/e2e/.
# Exits non-zero when any step or any journey fails.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FRONTEND="$ROOT/frontend"
ARTIFACTS="$ROOT/artifacts/e2e"
CHROMIUM="${E2E_CHROMIUM:-/usr/bin/chromium}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

log() { printf '\n==> %s\n' "$*"; }

if [[ ! -x "$CHROMIUM" ]]; then
  echo "e2e: no Chromium at $CHROMIUM (install Debian's chromium package or set E2E_CHROMIUM)" >&2
  exit 1
fi

mkdir -p "$ARTIFACTS"
rm -f "$ARTIFACTS"/*.png

# --- the SPA ---------------------------------------------------------------------------------------
if [[ ! -d "$FRONTEND/node_modules" || "$FRONTEND/package-lock.json" -nt "$FRONTEND/node_modules/.package-lock.json" ]]; then
  log "Installing frontend dependencies"
  (cd "$FRONTEND" && npm ci --no-audit --no-fund)
fi

# Stale when either page (the SPA's index.html, the public respond.html) is missing from dist/ or any
# input of the build is newer than either: sources, both HTML entries, static files and build config.
spa_is_stale() {
  local stamp
  for stamp in "$FRONTEND/dist/index.html" "$FRONTEND/dist/respond.html"; do
    [[ ! -f "$stamp" ]] && return 0
    [[ -n "$(find "$FRONTEND/src" "$FRONTEND/public" "$FRONTEND/index.html" "$FRONTEND/respond.html" \
      "$FRONTEND/package.json" "$FRONTEND/package-lock.json" "$FRONTEND/vite.config.ts" \
      "$FRONTEND/tsconfig.json" -newer "$stamp" -print -quit 2>/dev/null)" ]] && return 0
  done
  return 1
}

if [[ "${CI:-}" == "true" ]] || spa_is_stale; then
  log "Building the SPA"
  (cd "$FRONTEND" && npm run build)
else
  log "SPA in frontend/dist is up to date"
fi

# --- the server ------------------------------------------------------------------------------------
log "Building the server"
(cd "$ROOT" && cargo build -p gmc-cli)
GMC="$ROOT/target/debug/gmc"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/gmc-e2e.XXXXXX")"
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

log "Starting the server at $BASE_URL"
# issue 11: import-ui — GMC_WEBHOOK_ALLOW_PRIVATE: the imports journey's webhook receiver listens on
# 127.0.0.1, which the server refuses as a target by default (SSRF); only this throw-away server allows it.
GMC_PORT="$PORT" GMC_STATIC_DIR="$FRONTEND/dist" GMC_LOGIN_BURST=1000 GMC_WEBHOOK_ALLOW_PRIVATE=true \
  "$GMC" serve >"$ARTIFACTS/server.log" 2>&1 &
SERVER_PID=$!

ready=""
for _ in $(seq 1 120); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "e2e: the server exited during start-up; its log:" >&2
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
  echo "e2e: $BASE_URL/health/ready did not answer within 60 s; server log:" >&2
  cat "$ARTIFACTS/server.log" >&2
  exit 1
fi

# --- the journeys ----------------------------------------------------------------------------------
log "Running the browser journeys"
status=0
rm -f "$ARTIFACTS/results.json"
(cd "$FRONTEND" && E2E_BASE_URL="$BASE_URL" E2E_CHROMIUM="$CHROMIUM" npx playwright test "$@") || status=$?
node "$ROOT/scripts/e2e-summary.mjs" "$ARTIFACTS/results.json" || true

if [[ $status -ne 0 ]]; then
  echo "e2e: journeys failed (exit $status); screenshots and traces are in $ARTIFACTS" >&2
else
  log "All journeys passed; screenshots in $ARTIFACTS"
fi
exit "$status"
