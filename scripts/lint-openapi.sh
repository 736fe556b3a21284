#!/usr/bin/env bash
# Lints the OpenAPI document the API tests saved (.local/openapi.json) with Redocly's recommended rules.
# Run scripts/test.sh first. Exits non-zero on any error.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
doc="$root/.local/openapi.json"
[ -f "$doc" ] || { echo "No $doc: run scripts/test.sh first"; exit 1; }
cd "$root/tools/openapi-lint"
[ -d node_modules ] || npm ci --silent --no-audit --no-fund
npx --no-install redocly lint "$doc" --config redocly.yaml --format=summary
