# Puts the project's tools first on PATH: npm binaryen's wasm-opt before any other, and
# cargo's bin directory for trunk and wasm-bindgen. Sourced by the other scripts.
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$_root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
unset _root
