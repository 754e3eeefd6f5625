#!/usr/bin/env bash
# Builds Dealboard and serves it on http://127.0.0.1:8080, rebuilding on changes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
exec trunk serve --offline --skip-version-check --address 127.0.0.1 --port 8080 "$@"
