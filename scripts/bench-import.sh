#!/usr/bin/env bash
# Builds the package and runs the import benchmark (benches/import.mjs): the Hekman file by
# default, every shared data file with --all. Median of several runs, fresh process each.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-}" != 1 ]]; then bash scripts/build.sh; fi
node benches/import.mjs "$@"
