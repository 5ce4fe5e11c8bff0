#!/usr/bin/env bash
# Sets up, builds and serves the page: the URL to open is the first line printed.
# Arguments go to serve.mjs (e.g. --port 0 for a free port).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
echo "Open the URL below in a browser (Ctrl-C stops the server):" >&2
exec node scripts/serve.mjs "$@"
