#!/usr/bin/env bash
# Builds the release app into dist/ (any static host can serve it) and prints its transfer
# size: the gzip of wasm + JS + CSS (and fails above TRANSFER_CAP_BYTES when that is set).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_SETUP:-}" = 1 ] || scripts/setup.sh
source scripts/env.sh
# The standard library is built with the app, for size: scripts/wasm-release/ (why, and what
# it costs, is written there). PANIC_MESSAGES=1 builds with the prebuilt standard library
# instead: panics then print their message and place in the console, for finding one.
if [ "${PANIC_MESSAGES:-}" != 1 ]; then
  REAL_CARGO="$(command -v cargo)"
  export REAL_CARGO
  export PATH="$PWD/scripts/wasm-release:$PATH"
fi
trunk build --release --offline --skip-version-check
node scripts/shrink-release.mjs dist
scripts/transfer-size.sh dist
