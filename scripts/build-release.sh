#!/usr/bin/env bash
# Builds the release app into dist/ (any static host can serve it) and prints its transfer
# size: the gzip of wasm + JS + CSS (and fails above TRANSFER_CAP_BYTES when that is set).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_SETUP:-}" = 1 ] || scripts/setup.sh
source scripts/env.sh
trunk build --release --offline --skip-version-check
node scripts/shrink-release.mjs dist
scripts/transfer-size.sh dist
