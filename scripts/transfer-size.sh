#!/usr/bin/env bash
# Prints the gzip size of the wasm, JS and CSS in a dist/ folder, and fails above the cap.
set -euo pipefail
dist="${1:-dist}"
cap=${TRANSFER_CAP_BYTES:-150000}
total=0
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + gz))
  printf '  %-40s %9d B  %8d B gzip\n' "$(basename "$f")" "$raw" "$gz"
done
printf 'transfer size (gzip wasm + js + css): %d B (cap %d B)\n' "$total" "$cap"
if [ "$total" -gt "$cap" ]; then
  echo "transfer size is over the cap" >&2
  exit 1
fi
