#!/usr/bin/env bash
# The framework's floor for the transfer-size budget: builds the two smallest Leptos apps in
# bench/leptos-floor/ exactly as scripts/build-release.sh builds Dealboard (same profile,
# standard library, wasm-bindgen, wasm-opt, glue minifier, precompressed files) and prints their transfer
# size. What is left of the 150 kB budget for Dealboard's own code is the budget minus this.
#
#   scripts/leptos-floor.sh [out-dir]      (default target/leptos-floor; prints a line each)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/leptos-floor}"
mkdir -p "$out"
source scripts/env.sh
export REAL_CARGO="$(command -v cargo)" PATH="$PWD/scripts/wasm-release:$PATH"
for app in hello counter; do
  dist="$out/$app"
  rm -rf "$dist"
  # The page Trunk builds from: only the app's bin differs.
  page="$out/$app.html"
  manifest="$(realpath --relative-to="$out" Cargo.toml)" # Trunk takes it relative to the page
  cat >"$page" <<HTML
<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Leptos floor: $app</title>
    <link data-trunk rel="rust" href="$manifest" data-bin="leptos-floor-$app" data-wasm-opt="z" data-wasm-opt-params="--low-memory-unused" />
  </head>
  <body></body>
</html>
HTML
  trunk build --release --offline --skip-version-check --dist "$dist" \
    "$page" >"$out-$app.log" 2>&1 || { cat "$out-$app.log" >&2; exit 1; }
  node scripts/shrink-release.mjs "$dist" >/dev/null
  scripts/precompress.sh "$dist"
  printf 'leptos-floor %-8s %s\n' "$app" "$(scripts/transfer-size.sh "$dist" | grep '^transfer size' | grep -o '[0-9]* B$')"
done
