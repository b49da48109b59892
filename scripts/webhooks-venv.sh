#!/usr/bin/env bash
# issue 11: webhooks — installs the Standard Webhooks reference library (Python) into a virtualenv under
# target/, for the API tests that verify the server's signatures with an independent implementation
# (crates/api/tests/api/webhooks_delivery.rs finds its python through GMC_WEBHOOKS_PYTHON or at
# target/webhooks-venv/bin/python, and fails when it is missing). Nothing is installed system-wide.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Pinned: a verifier that changes under us would make a signature test pass or fail for its own reasons.
STANDARDWEBHOOKS_VERSION=1.1.0
VENV="$ROOT/target/webhooks-venv"

installed() {
  "$VENV/bin/python" -c "import sys; from importlib.metadata import version as v
sys.exit(v('standardwebhooks') != '$STANDARDWEBHOOKS_VERSION')" 2>/dev/null
}
if ! installed; then
  echo "==> Installing standardwebhooks $STANDARDWEBHOOKS_VERSION into $VENV"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "standardwebhooks==$STANDARDWEBHOOKS_VERSION"
fi
