#!/usr/bin/env bash
# Lints the JavaScript and checks its formatting with Biome (one tool for both; biome.json:
# recommended rules, 2 spaces, single quotes, semicolons, 120 columns). Exits non-zero on a
# finding. `bash scripts/lint-js.sh --write` formats and applies the safe fixes; any further
# arguments are passed on (`bash scripts/lint-js.sh www/lib`).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--write" ]; then
  shift
  exec node_modules/.bin/biome check --write "${@:-.}"
fi
exec node_modules/.bin/biome check "${@:-.}"
