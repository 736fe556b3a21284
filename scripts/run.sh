#!/usr/bin/env bash
# Runs the BackOffice API on http://127.0.0.1:${BACKOFFICE_PORT:-5080} (Swagger UI at /swagger).
# With BACKOFFICE_CONNECTION unset, starts a local PostgreSQL whose data lives in .local/ (reused by the next run)
# and stops it on exit. With BACKOFFICE_CONNECTION set, uses that database and starts nothing.
# --demo: once started, fills tenant 'demo' with five months of a small office's life, made through the API's own
# commands and dated by a simulated clock (Development only; a second run adds nothing). See docs/adr/0023-demo-data.md.
set -euo pipefail

demo=""
for arg in "$@"; do
  case "$arg" in
    --demo) demo=1 ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $arg (use --demo or nothing)" >&2; exit 2 ;;
  esac
done
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
if [ -n "$demo" ]; then
  [ "$ASPNETCORE_ENVIRONMENT" = "Development" ] || { echo "--demo runs in Development only (ASPNETCORE_ENVIRONMENT=$ASPNETCORE_ENVIRONMENT)" >&2; exit 2; }
  export BackOffice__Demo__Seed=true
  echo "Demo data: tenant 'demo' is filled once the API has started (watch the log line 'Demo data: ...')."
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$root/src/BackOffice.Api/BackOffice.Api.csproj" -c Release -nologo -v q
cd "$root/src/BackOffice.Api/bin/Release/net10.0"
dotnet BackOffice.Api.dll --urls "http://127.0.0.1:$port" &
api=$!
trap 'kill $api 2>/dev/null; wait $api 2>/dev/null; cleanup' EXIT
wait $api
