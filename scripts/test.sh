#!/usr/bin/env bash
# Builds and runs every test against a throwaway PostgreSQL it starts and removes (or BACKOFFICE_TEST_CONNECTION).
# Last line: "N passed, N failed". Exits non-zero on any failure or when no test ran.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib/postgres.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

results="$root/.local/test-results"
rm -rf "$results"; mkdir -p "$results"
tmp=""
cleanup() {
  if [ -n "$tmp" ]; then pg_stop "$tmp/data"; rm -rf "$tmp"; fi
}
trap cleanup EXIT

if [ -z "${BACKOFFICE_TEST_CONNECTION:-}" ]; then
  tmp=$(mktemp -d /tmp/backoffice-test-pg.XXXXXX)
  chmod 755 "$tmp"
  pg_port=$(pg_free_port)
  pg_start "$tmp/data" "$pg_port" fsync=off synchronous_commit=off full_page_writes=off || { echo "0 passed, 0 failed"; exit 1; }
  pg_create_db "$tmp/data" "$pg_port" backoffice_test
  export BACKOFFICE_TEST_CONNECTION="Host=127.0.0.1;Port=$pg_port;Database=backoffice_test;Username=postgres"
  echo "Throwaway PostgreSQL on 127.0.0.1:$pg_port"
fi

# The console's browser tests drive Debian's Chromium (Playwright cannot download a browser here): install it when missing.
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing chromium for the console's browser tests..."
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium; } >/dev/null 2>&1 \
    || echo "could not install chromium: the console's browser tests will fail"
fi

dotnet build "$root/BackOffice.slnx" -c Release -nologo -v q -p:RestoreLockedMode=true
build=$?
if [ $build -ne 0 ]; then echo "build failed"; echo "0 passed, 0 failed"; exit 1; fi

dotnet test "$root/BackOffice.slnx" -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" "$@"
status=$?

# The API suite again with a database per tenant (ADR 26): the tests' tenants in two tenant databases beside a main one
# (ApiFixture creates them in the same PostgreSQL). Skipped when arguments narrow the run (e.g. a --filter).
if [ $# -eq 0 ]; then
  BACKOFFICE_TEST_TENANCY=DatabasePerTenant dotnet test "$root/tests/BackOffice.Api.Tests" -c Release --no-build -nologo \
    --logger "trx;LogFileName=api-database-per-tenant.trx" --results-directory "$results"
  [ $? -ne 0 ] && status=1
fi

passed=0; failed=0
for f in "$results"/*.trx; do
  [ -f "$f" ] || continue
  p=$(grep -o '<Counters [^>]*' "$f" | grep -o 'passed="[0-9]*"' | grep -o '[0-9]*'); passed=$((passed + ${p:-0}))
  x=$(grep -o '<Counters [^>]*' "$f" | grep -o 'failed="[0-9]*"' | grep -o '[0-9]*'); failed=$((failed + ${x:-0}))
done
echo "$passed passed, $failed failed"
if [ $status -ne 0 ] || [ $failed -ne 0 ] || [ $passed -eq 0 ]; then exit 1; fi
