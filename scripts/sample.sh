#!/usr/bin/env bash
# Packs BackOffice.Domain and BackOffice.Projections into .local/feed, then restores samples/BackOffice.Sample from that
# folder feed (samples/nuget.config) and runs it against a throwaway PostgreSQL (or BACKOFFICE_CONNECTION when set).
# It proves the packages are what an embedder gets: restorable, registering beside the host's own documents, running
# a command, reading a projection, upcasting, erasing a person and verifying the chain. Exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib/postgres.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

feed="$root/.local/feed"
rm -rf "$feed"; mkdir -p "$feed"
for project in BackOffice.Domain BackOffice.Projections; do
  dotnet pack "$root/src/$project/$project.csproj" -c Release -nologo -v q -o "$feed" -p:RestoreLockedMode=true
done
package=$(ls "$feed"/BackOffice.Projections.*.nupkg | grep -v '\.snupkg$' | head -n 1)
version=$(basename "$package" .nupkg); version=${version#BackOffice.Projections.}
echo "Packed BackOffice.Domain and BackOffice.Projections $version into .local/feed:"
ls "$feed" | sed 's/^/  /'
# A version without a tag (0.0.0-alpha.0.N) is packed again on every commit: drop a stale copy from the package cache.
cache=$(dotnet nuget locals global-packages --list | sed 's/^[^:]*: *//')
rm -rf "$cache/backoffice.domain/$version" "$cache/backoffice.projections/$version"

tmp=""
cleanup() { if [ -n "$tmp" ]; then pg_stop "$tmp/data"; rm -rf "$tmp"; fi; }
trap cleanup EXIT
if [ -z "${BACKOFFICE_CONNECTION:-}" ]; then
  tmp=$(mktemp -d /tmp/backoffice-sample-pg.XXXXXX)
  chmod 755 "$tmp"
  port=$(pg_free_port)
  pg_start "$tmp/data" "$port" fsync=off synchronous_commit=off full_page_writes=off
  pg_create_db "$tmp/data" "$port" backoffice_sample
  export BACKOFFICE_CONNECTION="Host=127.0.0.1;Port=$port;Database=backoffice_sample;Username=postgres"
fi

sample="$root/samples/BackOffice.Sample"
dotnet restore "$sample" --configfile "$root/samples/nuget.config" -p:BackOfficeVersion="$version" -nologo -v q
dotnet build "$sample" -c Release --no-restore -p:BackOfficeVersion="$version" -nologo -v q
dotnet run --project "$sample" -c Release --no-build -p:BackOfficeVersion="$version"
echo "sample passed (packages $version)"
