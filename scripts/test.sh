#!/usr/bin/env bash
# Sets up everything (scripts/setup.sh) and runs every test, from many to few:
# formatting and lints (Rust and JavaScript), native unit + integration tests (incl. the real-world files in
# ../shared/data when present), the wasm facade in Node, the npm package in Node, and the
# page in headless Chromium. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
section() { printf '\n==== %s (%ss)\n' "$*" "$(( $(date +%s) - start ))"; }

section "setup"
bash scripts/setup.sh

section "format and lints"
cargo fmt --check
cargo clippy --all-targets --quiet -- -D warnings
# the wasm facade (src/wasm/) and its tests exist only for wasm32: lint them there too
cargo clippy --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings
# and as the page's first module is built (without the default features `import` and `full`)
cargo clippy --target wasm32-unknown-unknown --no-default-features --quiet -- -D warnings
# the JavaScript: Biome formats and lints it (biome.json; `bash scripts/lint-js.sh --write` fixes)
bash scripts/lint-js.sh
if grep -rn --include='*.js' --include='*.mjs' -E 'innerHTML|outerHTML|insertAdjacentHTML|document\.write' www; then
  echo "www/ writes HTML strings: data must reach the DOM through textContent or attributes" >&2
  exit 1
fi

section "native tests"
if [ ! -d ../shared/data ] || [ ! -d ../shared/reference ]; then
  echo "note: ../shared/data or ../shared/reference is absent: the tests on the real-world files and"
  echo "      the reference sheets skip (run 'cargo test -- --nocapture' to see each one's reason)"
fi
cargo test --quiet

section "build the package"
bash scripts/build.sh

section "wasm facade tests (Node)"
cargo test --target wasm32-unknown-unknown --test wasm --test search_wasm --test suggest_wasm

section "npm package tests (node --test)"
node --test tests/js/

section "page modules type-checked (tsc on the files marked // @ts-check, tsconfig.page.json)"
node_modules/.bin/tsc -p tsconfig.page.json

section "consumers of the packed package (Node, TypeScript, Vite, webpack, esbuild; tests/consumers)"
node --test tests/consumers/

section "browser tests (Debian Chromium)"
node --test --test-concurrency=1 tests/browser/

section "all tests passed"
