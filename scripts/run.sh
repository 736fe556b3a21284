#!/usr/bin/env bash
# Runs the BackOffice API on http://127.0.0.1:${BACKOFFICE_PORT:-5080} (Swagger UI at /swagger).
# With BACKOFFICE_CONNECTION unset, starts a local PostgreSQL whose data lives in .local/ (reused by the next run)
# and stops it on exit. With BACKOFFICE_CONNECTION set, uses that database and starts nothing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib/postgres.sh"

port="${BACKOFFICE_PORT:-5080}"
started_pg=""
data="$root/.local/pgdata"

cleanup() {
  [ -n "$started_pg" ] && { echo "Stopping the local PostgreSQL..."; pg_stop "$data"; }
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${BACKOFFICE_CONNECTION:-}" ]; then
  pg_port="${BACKOFFICE_PG_PORT:-55432}"
  pg_start "$data" "$pg_port"
  started_pg=1
  pg_create_db "$data" "$pg_port" backoffice
  export BACKOFFICE_CONNECTION="Host=127.0.0.1;Port=$pg_port;Database=backoffice;Username=postgres"
  echo "Local PostgreSQL on 127.0.0.1:$pg_port (data in .local/pgdata)"
fi

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$root/src/BackOffice.Api/BackOffice.Api.csproj" -c Release -nologo -v q
cd "$root/src/BackOffice.Api/bin/Release/net10.0"
dotnet BackOffice.Api.dll --urls "http://127.0.0.1:$port" &
api=$!
trap 'kill $api 2>/dev/null; wait $api 2>/dev/null; cleanup' EXIT
wait $api
