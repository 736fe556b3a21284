#!/usr/bin/env bash
# Local PostgreSQL helpers for scripts/run.sh, scripts/test.sh and scripts/bench.sh.
# Listens on 127.0.0.1 only, socket in the data folder. Works as root (through the postgres OS user) and as a normal user.

pg_bindir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

pg_ensure_installed() {
  if ! pg_bindir >/dev/null; then
    echo "PostgreSQL server not found: installing it (apt-get install postgresql)..." >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
    # The Debian package starts a cluster on 5432 that we do not use.
    $sudo service postgresql stop >/dev/null 2>&1 || true
  fi
  PG_BIN=$(pg_bindir) || { echo "PostgreSQL server binaries are still missing" >&2; return 1; }
  export PG_BIN
}

# Runs a PostgreSQL binary as the owner of the data: the postgres OS user when we are root.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

# pg_start <data-dir> <port> [extra postgres -c options...]: initialises the cluster when new, then starts it.
pg_start() {
  local data="$1" port="$2"; shift 2
  pg_ensure_installed || return 1
  mkdir -p "$data"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    chown -R postgres "$data"
    chmod 700 "$data"
    # the postgres user must be able to reach the data folder
    local d; d=$(dirname "$data")
    while [ "$d" != "/" ]; do chmod o+x "$d" 2>/dev/null || true; d=$(dirname "$d"); done
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    pg_as_owner "$PG_BIN/initdb" -D "$data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null || return 1
  fi
  if pg_as_owner "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    echo "PostgreSQL already running on $data; reusing it" >&2
    return 0
  fi
  local opts="-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=300"
  local o; for o in "$@"; do opts="$opts -c $o"; done
  pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -o "$opts" -l "$data/server.log" -w -t 60 start >/dev/null || {
    cat "$data/server.log" >&2; return 1; }
}

pg_stop() {
  local data="$1"
  PG_BIN=${PG_BIN:-$(pg_bindir)} || return 0
  [ -f "$data/postmaster.pid" ] && pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_create_db <data-dir> <port> <name>
pg_create_db() {
  local data="$1" port="$2" name="$3"
  PG_BIN=${PG_BIN:-$(pg_bindir)} || return 1
  pg_as_owner "$PG_BIN/psql" -h "$data" -p "$port" -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname='$name'" | grep -q 1 \
    || pg_as_owner "$PG_BIN/psql" -h "$data" -p "$port" -U postgres -d postgres -qc "CREATE DATABASE \"$name\"" >/dev/null
}
