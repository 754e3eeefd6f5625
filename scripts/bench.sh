#!/usr/bin/env bash
# The benchmark (issue 6): builds the release app, then drives it in headless Chromium on
# generated boards of 1,000 / 5,000 / 10,000 / 50,000 deals and prints a Markdown table of
# first render (and its ratio to a plain-DOM floor), moves, save, import, memory, transfer
# size and storage capacity next to the budget. Figures go to bench/results.json.
# Not part of scripts/test.sh. See bench/README.md and docs/benchmark.md.
#
#   scripts/bench.sh [--sizes 1000,5000,10000,50000] [--moves 50] [--move-rounds 3] [--skip-build]
#                    [--runs 3] [--import-runs 3] [--timeout 180] [--out bench/results.json] [--markdown file.md]
#
# CI smoke test: scripts/bench.sh --skip-build --sizes 200 --moves 5 --move-rounds 1
# Exits non-zero only when something breaks (an error, a page error, a missing build), never
# because a budget is missed; timeouts at large sizes are reported in the table.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
args=()
for arg in "$@"; do
  case "$arg" in
    --skip-build) build=0 ;;
    -h|--help)
      sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
      exit 0 ;;
    *) args+=("$arg") ;;
  esac
done

if [ "$build" = 1 ]; then
  scripts/build-release.sh
  # The smallest Leptos apps, built the same way: the framework's share of the size budget.
  # Not needed for the rest: the table leaves the row out when they could not be built.
  scripts/leptos-floor.sh || echo "bench: the framework floor could not be built (see above)" >&2
fi
source scripts/env.sh
if [ ! -d node_modules/playwright-core ] || [ ! -x /usr/bin/chromium ]; then
  echo "bench: needs node_modules/playwright-core and /usr/bin/chromium (scripts/setup.sh --browser)" >&2
  exit 1
fi
exec node bench/bench.mjs ${args[@]+"${args[@]}"}
