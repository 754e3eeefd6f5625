#!/usr/bin/env bash
# Builds the release app into dist/ (any static host can serve it) and prints its transfer
# size: the gzip of wasm + JS + CSS. Fails when that is over the 150 kB budget.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_SETUP:-}" = 1 ] || scripts/setup.sh
source scripts/env.sh
trunk build --release --offline --skip-version-check
scripts/transfer-size.sh dist
