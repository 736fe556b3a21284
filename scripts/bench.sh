#!/usr/bin/env bash
# Benchmarks BackOffice against PostgreSQL's own limit (see docs/benchmarks.md). Starts everything it needs and stops it:
# a throwaway PostgreSQL with production durability (fsync on, synchronous_commit on) on a free port, the API built in
# Release as a separate process, then the load, ledger (against pgbench), library and reads phases of bench/BackOffice.Bench. Prints a table and
# writes bench/results/<date>.json. The load phase's HTTP commands are run by wrk (issue 24's client: C, LuaJIT scripting),
# installed with apt-get when missing; when it cannot be, by the benchmark's own .NET client (a warning says so).
#   scripts/bench.sh            full run (1M events for rebuilds and reads; about 10 minutes on 2 cores)
#   scripts/bench.sh --smoke    a few seconds per measurement (CI): fails only on crashes and server errors, never on figures
# Options: --seconds N (length of each load window, full run), --events N (events stored for rebuilds and reads),
# --load-only (only the load phase: an A/B aid), --soak-seconds N, --group-commit on|off|both (ADR 25: the API's
# BackOffice:Commands:GroupCommit; default: the API's own default; both: the load phase runs twice in the same run, off
# then on, each on a freshly started API; the off pass's figures are printed, the on pass's go into the report).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib/postgres.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

args=("$@")
smoke=""; load_only=""; http_only=""
group_commit=""
for a in "$@"; do [ "$a" = "--smoke" ] && smoke="--smoke"; [ "$a" = "--load-only" ] && load_only=1; [ "$a" = "--http-only" ] && http_only=1; done
for ((i = 1; i <= $#; i++)); do [ "${!i}" = "--group-commit" ] && { j=$((i + 1)); group_commit=${!j:-}; }; done
case "$group_commit" in ""|on|off|both) ;; *) echo "--group-commit on|off|both"; exit 2 ;; esac
# The benchmark program does not know --group-commit: drop it (and its value) from the arguments passed on.
args=(); skip=""; for a in "$@"; do [ -n "$skip" ] && { skip=""; continue; }; [ "$a" = "--group-commit" ] && { skip=1; continue; }; args+=("$a"); done

tmp=$(mktemp -d /tmp/backoffice-bench.XXXXXX)
chmod 755 "$tmp"
api_pid=""
stop_api() {
  if [ -n "$api_pid" ] && kill -0 "$api_pid" 2>/dev/null; then
    kill "$api_pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$api_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$api_pid" 2>/dev/null || true
  fi
  api_pid=""
}
cleanup() {
  stop_api
  pg_stop "$tmp/data"
  if [ "${BACKOFFICE_KEEP_BENCH:-}" = "1" ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# wrk_ensure_installed: sets wrk_bin to wrk's path, installing it as scripts/lib/postgres.sh installs PostgreSQL; empty
# (with a warning) when it cannot be had: the load phase then measures with its .NET client.
wrk_ensure_installed() {
  wrk_bin=$(command -v wrk 2>/dev/null || true)
  [ -n "$wrk_bin" ] && return 0
  echo "wrk not found: installing it (apt-get install wrk)..." >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >&2
  wrk_bin=$(command -v wrk 2>/dev/null || true)
  [ -n "$wrk_bin" ] || echo "WARNING: wrk could not be installed: the HTTP commands are measured by the .NET client (fallback)" >&2
}
wrk_ensure_installed
wrk_args=(); [ -n "$wrk_bin" ] && wrk_args=(--wrk "$wrk_bin")

pg_port=${BENCH_PG_PORT:-$(pg_free_port)}
# Production durability; pg_stat_statements for profiling (select * from pg_stat_statements order by total_exec_time desc).
pg_start "$tmp/data" "$pg_port" fsync=on synchronous_commit=on full_page_writes=on \
  shared_preload_libraries=pg_stat_statements pg_stat_statements.track=all shared_buffers=256MB max_wal_size=4GB \
  || { echo "PostgreSQL did not start"; exit 1; }
pg_create_db "$tmp/data" "$pg_port" backoffice_bench
pg_as_owner "$PG_BIN/psql" -h "$tmp/data" -p "$pg_port" -U postgres -d backoffice_bench -qc "create extension if not exists pg_stat_statements" >/dev/null 2>&1 || true
connection="Host=127.0.0.1;Port=$pg_port;Database=backoffice_bench;Username=postgres"
echo "PostgreSQL (fsync on) on 127.0.0.1:$pg_port, data in $tmp; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

dotnet build "$root/src/BackOffice.Api/BackOffice.Api.csproj" -c Release -nologo -v q -p:RestoreLockedMode=true >"$tmp/build-api.log" 2>&1 \
  || { cat "$tmp/build-api.log"; echo "API build failed"; exit 1; }
dotnet build "$root/bench/BackOffice.Bench/BackOffice.Bench.csproj" -c Release -nologo -v q -p:RestoreLockedMode=true >"$tmp/build-bench.log" 2>&1 \
  || { cat "$tmp/build-bench.log"; echo "benchmark build failed"; exit 1; }
api_dll="$root/src/BackOffice.Api/bin/Release/net10.0/BackOffice.Api.dll"
bench_dll="$root/bench/BackOffice.Bench/bin/Release/net10.0/BackOffice.Bench.dll"

# start_api <schema> <daemon>: the API in Release with its production configuration (JSON logs, no developer pages): a
# clerk key for the load and an accountant key for the ledger (the benchmark's own), a throwaway audit key, a rate limit
# that never bites.
audit_key=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
start_api() {
  local port; port=$(pg_free_port)
  api_url="http://127.0.0.1:$port"
  ( cd "$(dirname "$api_dll")" && exec env ASPNETCORE_ENVIRONMENT="${BENCH_ENVIRONMENT:-Production}" BACKOFFICE_CONNECTION="$connection" \
      BackOffice__Schema="$1" BackOffice__Daemon="$2" BackOffice__RateLimit__PermitLimit=100000000 \
      BackOffice__ApiKeys__Keys__0__Key=bench-clerk-api-key-0123456789abcdef0123456789 BackOffice__ApiKeys__Keys__0__User=bench-clerk \
      BackOffice__ApiKeys__Keys__0__Tenant=demo BackOffice__ApiKeys__Keys__0__Roles__0=clerk \
      BackOffice__ApiKeys__Keys__1__Key=bench-accountant-api-key-0123456789abcdef01234 BackOffice__ApiKeys__Keys__1__User=bench-accountant \
      BackOffice__ApiKeys__Keys__1__Tenant=demo BackOffice__ApiKeys__Keys__1__Roles__0=accountant \
      BackOffice__Audit__HmacKey="$audit_key" \
      ${gc_env:-} ${BENCH_API_ENV:-} dotnet "$api_dll" --urls "$api_url" ) >>"$tmp/api-$1.log" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 300); do
    curl -sf "$api_url/health/ready" >/dev/null 2>&1 && { echo "API (pid $api_pid, schema $1, daemon $2) on $api_url"; return 0; }
    kill -0 "$api_pid" 2>/dev/null || break
    sleep 0.2
  done
  tail -n 50 "$tmp/api-$1.log"; echo "the API did not start"; return 1
}

bench() { dotnet "$bench_dll" "$1" --connection "$connection" --work "$tmp/figures" "${@:2}" ${args[@]+"${args[@]}"}; }

status=0
gc_env=""
case "$group_commit" in on) gc_env="BackOffice__Commands__GroupCommit=true" ;; off) gc_env="BackOffice__Commands__GroupCommit=false" ;; esac
if [ "$group_commit" = "both" ]; then
  # Same run, same PostgreSQL: group commit off first, then on (the report's pass), each on a fresh schema.
  gc_env="BackOffice__Commands__GroupCommit=false"
  start_api backoffice Solo || exit 1
  bench load --api "$api_url" --api-pid "$api_pid" --pgbench "$PG_BIN/pgbench" ${wrk_args[@]+"${wrk_args[@]}"} || { status=1; echo "load phase (group commit off) failed"; tail -n 30 "$tmp/api-backoffice.log"; }
  stop_api
  mv "$tmp/api-backoffice.log" "$tmp/api-backoffice-gc-off.log"
  pg_as_owner "$PG_BIN/psql" -h "$tmp/data" -p "$pg_port" -U postgres -d backoffice_bench -qc "drop schema if exists backoffice cascade" >/dev/null
  mv "$tmp/figures/load.json" "$tmp/load-group-commit-off.json" 2>/dev/null && { echo "[load] group commit OFF figures:"; cat "$tmp/load-group-commit-off.json"; }
  gc_env="BackOffice__Commands__GroupCommit=true"
  echo "[load] group commit ON:"
fi
start_api backoffice Solo || exit 1
bench load --api "$api_url" --api-pid "$api_pid" --pgbench "$PG_BIN/pgbench" ${wrk_args[@]+"${wrk_args[@]}"} || { status=1; echo "load phase failed"; tail -n 30 "$tmp/api-backoffice.log"; }
[ -z "$load_only" ] && { bench ledger --api "$api_url" --pgbench "$PG_BIN/pgbench" || { status=1; echo "ledger phase failed"; tail -n 30 "$tmp/api-backoffice.log"; }; }
stop_api
if [ -n "${BENCH_PROFILE_SQL:-}" ]; then
  pg_as_owner "$PG_BIN/psql" -h "$tmp/data" -p "$pg_port" -U postgres -d backoffice_bench -c \
    "select calls, round(total_exec_time::numeric,0) total_ms, round(mean_exec_time::numeric,3) mean_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 400) query from pg_stat_statements where calls > 100 order by calls desc limit 40" \
    | tee "$tmp/pg_stat_statements.txt"
fi
if [ -z "$load_only" ]; then
  bench library || { status=1; echo "library phase failed"; }
  start_api bench_lib Disabled || exit 1
  bench reads --api "$api_url" || { status=1; echo "reads phase failed"; tail -n 30 "$tmp/api-bench_lib.log"; }
  stop_api
fi
# --http-only is a profiling aid: it prints its figures and writes no report.
[ -n "$http_only" ] || bench report --results "$root/bench/results" || status=1
exit $status
