#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine of this kind (Debian 12, Rust by
# rustup, Node 20, npm): the wasm target, the pinned wasm-bindgen CLI, the npm dev tools
# (binaryen's wasm-opt, playwright-core), and Debian's Chromium + ChromeDriver for the
# browser tests. Each step is skipped when already done. See ../shared/TOOLCHAIN.md.
set -euo pipefail
cd "$(dirname "$0")/.."
WASM_BINDGEN_VERSION=0.2.130
step() { printf '\n== %s\n' "$*"; }

step "Rust target wasm32-unknown-unknown"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

step "wasm-bindgen CLI $WASM_BINDGEN_VERSION"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  # no --locked: its lock file pins a webpki-roots release the registry mirror lacks
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

step "npm dev tools"
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -x node_modules/.bin/esbuild ] || [ ! -x node_modules/.bin/tsc ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

step "Chromium and ChromeDriver (Debian packages)"
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium chromium-driver
fi
# Never Debian's binaryen: its wasm-opt 108 corrupts wasm-bindgen 0.2.130 output.
if command -v wasm-opt >/dev/null && [ "$(command -v wasm-opt)" = /usr/bin/wasm-opt ]; then
  echo "warning: /usr/bin/wasm-opt (Debian binaryen) is installed; the build uses node_modules/.bin/wasm-opt instead" >&2
fi
echo "setup done"
