#!/usr/bin/env bash
# Installs what building and testing Dealboard needs, skipping whatever is already there at
# the right version, so only the first run on a fresh machine is slow (~10 min).
# Usage: scripts/setup.sh [--browser]   (--browser adds Chromium and chromedriver for tests)
# Source scripts/env.sh afterwards (the other scripts do) to get the tools on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must be exactly the wasm-bindgen that Cargo.lock resolved.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)

step() { printf '\n== setup: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "installing trunk $TRUNK_VERSION (about 7 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # Not --locked: its own lock file wants a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/terser ]; then
  step "installing npm packages (binaryen's wasm-opt, terser, playwright-core)"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi

# zopfli precompresses the release files (scripts/precompress.sh); without it, gzip -9 does.
if ! command -v zopfli >/dev/null; then
  step "installing zopfli"
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y zopfli; } ||
    echo "warning: zopfli could not be installed; the release files are precompressed with gzip -9" >&2
fi

if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    step "installing Chromium and chromedriver"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
fi

# The release build compiles the standard library from its source (scripts/build-release.sh;
# without it, that build falls back to the prebuilt one, 18 kB larger, after a warning).
if ! rustup component list --installed | grep -q '^rust-src'; then
  step "adding the standard library's source (rust-src)"
  rustup component add rust-src || echo "warning: no rust-src; the release build will use the prebuilt standard library" >&2
fi

step "fetching crates"
cargo fetch --locked
# ... and the standard library's own dependencies, at the versions its lock file names.
std_manifest="$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
if [ -f "$std_manifest" ]; then
  RUSTC_BOOTSTRAP=1 cargo fetch --locked --manifest-path "$std_manifest" ||
    echo "warning: the standard library's crates could not be fetched; the release build will use the prebuilt one" >&2
fi
