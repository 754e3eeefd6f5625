#!/usr/bin/env bash
# Builds the release app into dist/ (any static host can serve it, with a precompressed .gz
# beside each file for hosts that send those) and prints its transfer size: the gzip of wasm +
# JS + CSS as sent (and fails above TRANSFER_CAP_BYTES when that is set).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_SETUP:-}" = 1 ] || scripts/setup.sh
source scripts/env.sh
build() { trunk build --release --offline --skip-version-check; }
# The standard library is built with the app, for size: scripts/wasm-release/ (why, and what
# it costs, is written there). PANIC_MESSAGES=1 builds with the prebuilt standard library
# instead: panics then print their message and place in the console, for finding one.
# Should that build fail (no rust-src on this machine, or a toolchain whose build-std differs),
# the app is built with the prebuilt standard library after a warning, rather than not at all:
# it works the same, ~20 kB larger, and TRANSFER_CAP_PREBUILT_STD_BYTES is then its cap.
std=own
if [ "${PANIC_MESSAGES:-}" = 1 ]; then
  std=prebuilt
elif ! (export REAL_CARGO="$(command -v cargo)" PATH="$PWD/scripts/wasm-release:$PATH" && build); then
  printf '\nwarning: building with the standard library compiled in failed (see above; is the\n' >&2
  printf 'rust-src component installed?). Building with the prebuilt one: +20 kB.\n\n' >&2
  std=prebuilt
fi
if [ "$std" = prebuilt ]; then
  build
  export TRANSFER_CAP_BYTES="${TRANSFER_CAP_PREBUILT_STD_BYTES:-${TRANSFER_CAP_BYTES:-0}}"
fi
echo "standard library: $std"
node scripts/shrink-release.mjs dist
scripts/precompress.sh dist
scripts/transfer-size.sh dist
