#!/usr/bin/env bash
# Prints the transfer size of the wasm, JS and CSS in a dist/ folder: the bytes a browser
# receives for them. Where scripts/precompress.sh wrote a .gz beside a file, that is what a
# host serving precompressed files sends, so it counts; otherwise the file's gzip -9 does.
# Also prints every file's gzip -9, which is about what a host compressing as it sends gives.
# With TRANSFER_CAP_BYTES set, fails when the transfer size is above that many bytes.
set -euo pipefail
dist="${1:-dist}"
cap=${TRANSFER_CAP_BYTES:-0}
total=0
total_gzip9=0
shipped=precompressed
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f")
  gz9=$(gzip -9 -c "$f" | wc -c)
  if [ -f "$f.gz" ]; then sent=$(stat -c %s "$f.gz"); else sent=$gz9 shipped=gzip-9; fi
  total=$((total + sent))
  total_gzip9=$((total_gzip9 + gz9))
  printf '  %-40s %9d B  %8d B gzip -9  %8d B sent\n' "$(basename "$f")" "$raw" "$gz9" "$sent"
done
if [ "$shipped" = precompressed ]; then
  printf 'transfer size (gzip wasm + js + css, the precompressed .gz files): %d B\n' "$total"
else
  printf 'transfer size (gzip wasm + js + css, gzip -9: not all precompressed): %d B\n' "$total"
fi
printf 'gzip -9 of the same files (a host compressing as it sends): %d B\n' "$total_gzip9"
if [ "$cap" -gt 0 ] && [ "$total" -gt "$cap" ]; then
  echo "transfer size is over the cap of $cap B" >&2
  exit 1
fi
