#!/usr/bin/env bash
# Prints the gzip size of the wasm, JS and CSS in a dist/ folder; with TRANSFER_CAP_BYTES set,
# fails above that many bytes.
set -euo pipefail
dist="${1:-dist}"
cap=${TRANSFER_CAP_BYTES:-0}
total=0
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + gz))
  printf '  %-40s %9d B  %8d B gzip\n' "$(basename "$f")" "$raw" "$gz"
done
printf 'transfer size (gzip wasm + js + css): %d B\n' "$total"
if [ "$cap" -gt 0 ] && [ "$total" -gt "$cap" ]; then
  echo "transfer size is over the cap of $cap B" >&2
  exit 1
fi
