#!/usr/bin/env bash
# Builds the release app into dist/ (any static host can serve it) and prints its transfer
# size: the gzip of wasm + JS + CSS (and fails above TRANSFER_CAP_BYTES when that is set).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_SETUP:-}" = 1 ] || scripts/setup.sh
source scripts/env.sh
# The standard library is built with the app, for size (−24 kB gzip, docs/size.md): with
# `optimize_for_size`, and with panics that stop the app at once, without formatting a message
# (a release build's message had no names to point at anyway). That needs unstable cargo and
# rustc flags, allowed on this pinned stable toolchain by RUSTC_BOOTSTRAP for this build
# only. PANIC_MESSAGES=1 builds with the prebuilt standard library instead: panics then
# print their message and place in the console, for finding one.
if [ "${PANIC_MESSAGES:-}" != 1 ]; then
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  # Replaces .cargo/config.toml's wasm32 rustflags, so their `--cfg erase_components` is
  # repeated here.
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort"
fi
trunk build --release --offline --skip-version-check
node scripts/shrink-release.mjs dist
scripts/transfer-size.sh dist
