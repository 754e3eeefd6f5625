#!/usr/bin/env bash
# Writes NAME.gz beside each file a browser fetches from a dist/ folder (page, wasm, JS, CSS,
# icon), compressed with zopfli: the same gzip format every browser reads, found by a slower
# and more thorough search than gzip -9 (the wasm: ~10 kB smaller). A host that serves
# precompressed files (nginx `gzip_static on`, Caddy `precompressed gzip`, Apache with a
# rewrite, the tests' and the benchmark's servers) sends them as they are, with
# `Content-Encoding: gzip`; a host that compresses as it sends ignores them and sends its own
# (README, "Deploying").
# Each .gz is checked to unpack to its file, byte for byte, before it is kept.
# Without zopfli (scripts/setup.sh installs it), gzip -9 makes them, after a warning.
#
#   scripts/precompress.sh [dist]
set -euo pipefail
dist="${1:-dist}"
if command -v zopfli >/dev/null; then
  pack() { zopfli --i15 -c "$1"; }
else
  echo "warning: zopfli is not installed; precompressing with gzip -9 (~10 kB larger)" >&2
  pack() { gzip -9 -n -c "$1"; }
fi
for f in "$dist"/*.html "$dist"/*.wasm "$dist"/*.js "$dist"/*.css "$dist"/*.svg; do
  [ -f "$f" ] || continue
  pack "$f" >"$f.gz.tmp"
  if ! gzip -dc "$f.gz.tmp" | cmp -s - "$f"; then
    rm -f "$f.gz.tmp"
    echo "precompress: $f.gz does not unpack to $f" >&2
    exit 1
  fi
  mv "$f.gz.tmp" "$f.gz"
done
