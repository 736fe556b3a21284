#!/usr/bin/env bash
# Paired A/B of the HTTP command path (issue 24; docs/benchmarks.md, "Paired A/B"). On a virtual machine whose speed
# drifts by ± 30 % within minutes, two variants measured minutes apart cannot be compared. This runs both at once:
# two APIs (the same Release build, or two builds), each with its own schema on one throwaway PostgreSQL (fsync on),
# each seeded with the same number of stocked items; after an unmeasured warm-up of each, wrk alternates closed-loop
# windows between them (A B, B A, A B…, a pause between windows for the other's daemon to drain) and prints each
# window, then per variant the mean throughput and CPU per command, and the B / A ratio per round and its mean.
#   scripts/ab.sh --b-env "DOTNET_gcServer=0"                          a runtime setting (B) against none (A)
#   scripts/ab.sh --b-env "BackOffice__Daemon=Disabled" --rounds 8     a configuration setting
#   scripts/ab.sh --b-dll /path/to/other/BackOffice.Api.dll            another build (B) against this checkout's (A)
# Options: --a-env / --b-env "K=V K=V" (environment of each API), --a-dll / --b-dll, --rounds N (8), --seconds N (15,
# per window), --warmup N (60 s per API), --items N (1,000), --connections N (32). Needs wrk (apt-get install wrk).
# A mean ratio over 8 rounds resolves about ± 10 % here; a smaller difference is noise.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib/postgres.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

a_env=""; b_env=""; a_dll=""; b_dll=""; rounds=8; seconds=15; warmup=60; items=1000; connections=32
while [ $# -gt 0 ]; do
  case "$1" in
    --a-env) a_env=$2; shift 2 ;;
    --b-env) b_env=$2; shift 2 ;;
    --a-dll) a_dll=$2; shift 2 ;;
    --b-dll) b_dll=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --items) items=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }

tmp=$(mktemp -d /tmp/backoffice-ab.XXXXXX)
chmod 755 "$tmp"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  sleep 1
  pg_stop "$tmp/data"
  if [ "${BACKOFFICE_KEEP_AB:-}" = "1" ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg_port=$(pg_free_port)
pg_start "$tmp/data" "$pg_port" fsync=on synchronous_commit=on full_page_writes=on shared_buffers=256MB max_wal_size=4GB \
  || { echo "PostgreSQL did not start"; exit 1; }
pg_create_db "$tmp/data" "$pg_port" backoffice_ab
connection="Host=127.0.0.1;Port=$pg_port;Database=backoffice_ab;Username=postgres"
postmaster=$(head -1 "$tmp/data/postmaster.pid")

default_dll="$root/src/BackOffice.Api/bin/Release/net10.0/BackOffice.Api.dll"
if [ -z "$a_dll" ] || [ -z "$b_dll" ]; then
  dotnet build "$root/src/BackOffice.Api/BackOffice.Api.csproj" -c Release -nologo -v q -p:RestoreLockedMode=true >"$tmp/build.log" 2>&1 \
    || { cat "$tmp/build.log"; echo "API build failed"; exit 1; }
fi
a_dll=${a_dll:-$default_dll}; b_dll=${b_dll:-$default_dll}
key=bench-clerk-api-key-0123456789abcdef0123456789
audit_key=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')

# start <name> <dll> <env>: prints "<pid> <url>"
start() {
  local port; port=$(pg_free_port)
  # shellcheck disable=SC2086 # the environment is a list of K=V words
  ( cd "$(dirname "$2")" && exec env ASPNETCORE_ENVIRONMENT=Production BACKOFFICE_CONNECTION="$connection" \
      BackOffice__Schema="ab_$1" BackOffice__Daemon=Solo BackOffice__RateLimit__PermitLimit=100000000 \
      BackOffice__ApiKeys__Keys__0__Key=$key BackOffice__ApiKeys__Keys__0__User=bench-clerk \
      BackOffice__ApiKeys__Keys__0__Tenant=demo BackOffice__ApiKeys__Keys__0__Roles__0=clerk \
      BackOffice__Audit__HmacKey="$audit_key" $3 dotnet "$2" --urls "http://127.0.0.1:$port" ) >"$tmp/api-$1.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && { echo "$pid http://127.0.0.1:$port"; return 0; }
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  tail -n 30 "$tmp/api-$1.log" >&2; echo "API $1 did not start" >&2; return 1
}
read -r a_pid a_url < <(start a "$a_dll" "$a_env") || exit 1; pids+=("$a_pid")
read -r b_pid b_url < <(start b "$b_dll" "$b_env") || exit 1; pids+=("$b_pid")
echo "A: pid $a_pid $a_url ${a_env:-(no extra environment)} $a_dll"
echo "B: pid $b_pid $b_url ${b_env:-(no extra environment)} $b_dll"

# seed <url> <file>: registers and stocks the items, one id per line
seed_one() {
  local id
  id=$(curl -sf -X POST "$AB_URL/api/supply-items" -H "X-Api-Key: $AB_KEY" -H 'Content-Type: application/json' \
    -d "{\"sku\":\"AB-$1\",\"name\":\"A/B $1\",\"unit\":\"each\",\"category\":\"ab\",\"location\":\"B1\",\"reorderPoint\":0,\"reorderQuantity\":10}" \
    | sed 's/.*"id":"\([^"]*\)".*/\1/')
  curl -sf -o /dev/null -X POST "$AB_URL/api/supply-items/$id/receipts" -H "X-Api-Key: $AB_KEY" -H 'Content-Type: application/json' \
    -d '{"quantity":1000000}' && echo "$id"
}
export -f seed_one
seed() {
  seq 1 "$items" | AB_URL=$1 AB_KEY=$key xargs -P 8 -I{} bash -c 'seed_one {}' > "$2"
  [ "$(wc -l < "$2")" -eq "$items" ] || { echo "seeding $1 stored $(wc -l < "$2") of $items items"; exit 1; }
}
seed "$a_url" "$tmp/items-a.txt"; seed "$b_url" "$tmp/items-b.txt"

cat > "$tmp/post.lua" <<'LUA'
local items = {}
for line in io.lines(os.getenv("AB_ITEMS")) do items[#items + 1] = line end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = os.getenv("AB_KEY")
wrk.body = '{"quantity":1}'
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  local id = items[math.random(#items)]
  local kind = math.random(2) == 1 and "receipts" or "issues"
  return wrk.format(nil, "/api/supply-items/" .. id .. "/" .. kind)
end
done = function(summary, latency, requests)
  io.write(string.format("AB %d %.3f %.3f %.3f %d\n", summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
LUA
# ticks of a process (own CPU), and of the whole PostgreSQL server (the postmaster's own and reaped children's, plus live children)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
pg_ticks() {
  local t; t=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")
  for p in $(pgrep -P "$postmaster"); do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$t"
}
hz=$(getconf CLK_TCK)
# window <A|B> <seconds> [quiet]
window() {
  local url pid file
  if [ "$1" = A ]; then url=$a_url; pid=$a_pid; file=$tmp/items-a.txt; else url=$b_url; pid=$b_pid; file=$tmp/items-b.txt; fi
  local c0 p0 c1 p1
  c0=$(ticks "$pid"); p0=$(pg_ticks)
  AB_ITEMS=$file AB_KEY=$key wrk -t2 -c"$connections" -d"$2"s -s "$tmp/post.lua" "$url" > "$tmp/wrk.out" 2>&1
  c1=$(ticks "$pid"); p1=$(pg_ticks)
  [ -n "${3:-}" ] && return 0
  read -r _ n d p50 p99 errors < <(grep '^AB ' "$tmp/wrk.out")
  awk -v v="$1" -v n="$n" -v d="$d" -v p50="$p50" -v p99="$p99" -v e="$errors" -v api=$((c1 - c0)) -v pg=$((p1 - p0)) -v hz="$hz" 'BEGIN {
    r = n / d; printf "%s %.1f cmd/s p50 %.1f ms p99 %.1f ms API %.3f PostgreSQL %.3f ms CPU per command errors %d\n", v, r, p50, p99, api / hz / n * 1000, pg / hz / n * 1000, e }'
}
echo "warm-up: ${warmup} s on each"
window A "$warmup" quiet; window B "$warmup" quiet
for i in $(seq 1 "$rounds"); do
  if [ $((i % 2)) = 1 ]; then order="A B"; else order="B A"; fi
  for v in $order; do sleep 3; window "$v" "$seconds"; done
done | tee "$tmp/windows.txt"
awk '
  { r[$1] = r[$1] " " $2; api[$1] += $11; pg[$1] += $13; p99[$1] += $8; n[$1]++ }
  $1 == "A" { a[++na] = $2 } $1 == "B" { b[++nb] = $2 }
  END {
    split("A B", vs, " ")
    for (j = 1; j <= 2; j++) { v = vs[j]; split(r[v], x, " "); s = 0; for (k in x) s += x[k];
      printf "%s: mean %.1f cmd/s, p99 %.1f ms, API %.3f / PostgreSQL %.3f ms CPU per command\n", v, s / n[v], p99[v] / n[v], api[v] / n[v], pg[v] / n[v] }
    line = "B / A per round:"; s = 0
    for (k = 1; k <= na && k <= nb; k++) { q = b[k] / a[k]; s += q; line = line sprintf(" %.3f", q) }
    printf "%s; mean %.3f\n", line, s / (k - 1)
  }' "$tmp/windows.txt"
