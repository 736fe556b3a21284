#!/usr/bin/env bash
# Lints the OpenAPI document the API tests saved (.local/openapi.json): Redocly's recommended rules, then Spectral's
# OWASP API Security ruleset (tools/openapi-lint/.spectral.yaml: the rules switched off are each given their reason).
# Run scripts/test.sh first. Exits non-zero on any error of either.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
doc="$root/.local/openapi.json"
[ -f "$doc" ] || { echo "No $doc: run scripts/test.sh first"; exit 1; }
cd "$root/tools/openapi-lint"
[ -x node_modules/.bin/spectral ] && [ -x node_modules/.bin/redocly ] || npm ci --silent --no-audit --no-fund
npx --no-install redocly lint "$doc" --config redocly.yaml --format=summary
npx --no-install spectral lint "$doc" --ruleset .spectral.yaml --fail-severity=error --display-only-failures
