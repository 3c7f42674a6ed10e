#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests and benchmarks, on a free loopback port.
#
#   bash scripts/pg-cluster.sh start   # installs postgresql-15 if missing (as root), starts a cluster, prints its URL
#   bash scripts/pg-cluster.sh url     # prints the running cluster's URL (exit 1 when none is running)
#   bash scripts/pg-cluster.sh stop    # stops the cluster and removes its folder
#
# The cluster lives in $SKILLSCOPE_PG_HOME (default ${TMPDIR:-/tmp}/skillscope-pg): data, socket and log,
# owned by the postgres user when run as root (initdb refuses root), else by the current user. It listens on
# 127.0.0.1 only, with trust authentication for the local socket and 127.0.0.1 (no password): a database
# for tests, never for data anyone keeps. The URL is postgresql://postgres@127.0.0.1:PORT/postgres.
#
# `start` is idempotent: when the cluster in $SKILLSCOPE_PG_HOME is running it prints its URL; a cluster left
# over by a killed run (its folder is there but its server is not) is removed and made anew. When
# SKILLSCOPE_PG_OWNER names a process id, `start` records it, and any later `start` removes clusters whose
# owner process has gone (scripts/test.sh does this, so a killed test run leaves no server behind for long).
#
# Settings: fsync, synchronous_commit and full_page_writes are off (a crash loses a throwaway cluster anyway,
# and the tests commit often); SKILLSCOPE_PG_DURABLE=1 keeps PostgreSQL's durable defaults (the benchmarks use
# it, so their figures are those of a real server). Works without standard input and with CI=true.
set -euo pipefail

pg_version=15
bin=/usr/lib/postgresql/$pg_version/bin
tmp_root=${TMPDIR:-/tmp}
home=${SKILLSCOPE_PG_HOME:-$tmp_root/skillscope-pg}
home=${home%/}

fail() { echo "pg-cluster: $*" >&2; exit 1; }

# Runs a command as the user who owns the clusters (postgres when we are root), without standard input.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@" </dev/null
  else
    "$@" </dev/null
  fi
}

install_postgres() {
  [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ] && [ -x "$bin/psql" ] && return 0
  [ "$(id -u)" -eq 0 ] || fail "PostgreSQL $pg_version is not installed ($bin is missing); run as root to install it with apt-get, or: apt-get install postgresql-$pg_version"
  command -v apt-get >/dev/null || fail "PostgreSQL $pg_version is not installed and apt-get is not available"
  echo "pg-cluster: installing postgresql-$pg_version with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null >&2 || fail "apt-get update failed"
  # The package creates (and may start) a default cluster on port 5432; we never use it, and a free port is
  # chosen below, so its presence does no harm. --no-install-recommends keeps the install small.
  apt-get install -y -qq --no-install-recommends "postgresql-$pg_version" "postgresql-client-$pg_version" </dev/null >&2 \
    || fail "apt-get install postgresql-$pg_version failed"
  [ -x "$bin/initdb" ] || fail "postgresql-$pg_version installed but $bin/initdb is missing"
}

ensure_owner_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  id postgres >/dev/null 2>&1 && return 0
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres || fail "could not create the postgres user"
}

# The postmaster's process id when the cluster in $1 is running, else nothing.
running_pid() {
  local dir=$1 pid
  [ -f "$dir/data/postmaster.pid" ] || return 0
  pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  # The pid must be alive and be a postgres server whose data directory is ours (not a recycled pid).
  if [ -r "/proc/$pid/cmdline" ] && grep -qa postgres "/proc/$pid/cmdline" \
     && [ "$(readlink -f "/proc/$pid/cwd" 2>/dev/null || true)" = "$(readlink -f "$dir/data")" ]; then
    echo "$pid"
  fi
}

url_of() { echo "postgresql://postgres@127.0.0.1:$(cat "$1/port")/postgres"; }

# Stops the cluster in $1 (fast shutdown, then SIGQUIT/SIGKILL to its own postmaster if it hangs) and removes it.
remove_cluster() {
  local dir=$1 pid
  pid=$(running_pid "$dir")
  if [ -n "$pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
    pid=$(running_pid "$dir")
    if [ -n "$pid" ]; then
      kill -QUIT "$pid" 2>/dev/null || true
      for _ in 1 2 3 4 5 6 7 8 9 10; do [ -d "/proc/$pid" ] || break; sleep 0.5; done
      [ -d "/proc/$pid" ] && kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -rf "$dir"
}

# Clusters recorded with an owner process that no longer runs were left by a killed run: remove them.
sweep_orphans() {
  local dir owner
  for dir in "$tmp_root"/skillscope-pg*; do
    [ -d "$dir" ] && [ -f "$dir/owner" ] && [ "$dir" != "$home" ] || continue
    owner=$(cat "$dir/owner" 2>/dev/null || true)
    [[ "$owner" =~ ^[0-9]+$ ]] || continue
    [ -d "/proc/$owner" ] && continue
    echo "pg-cluster: removing $dir (left over by process $owner, which has ended)" >&2
    remove_cluster "$dir"
  done
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  install_postgres
  ensure_owner_user
  sweep_orphans

  if [ -n "$(running_pid "$home")" ] && [ -f "$home/port" ]; then
    url_of "$home"
    return 0
  fi
  if [ -e "$home" ]; then
    echo "pg-cluster: removing the stopped cluster left in $home" >&2
    remove_cluster "$home"
  fi

  mkdir -p "$home"
  chmod 700 "$home"
  [ -n "${SKILLSCOPE_PG_OWNER:-}" ] && echo "$SKILLSCOPE_PG_OWNER" >"$home/owner"
  [ "$(id -u)" -eq 0 ] && chown -R postgres: "$home"
  as_owner "$bin/initdb" -D "$home/data" -U postgres --auth-local=trust --auth-host=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$home/initdb.log" 2>&1 \
    || { cat "$home/initdb.log" >&2; fail "initdb failed in $home"; }

  # Loopback only, trust only there.
  cat >"$home/data/pg_hba.conf" <<'EOF'
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 trust
host    all       all   127.0.0.1/32  trust
EOF
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = '$home'"
    echo "max_connections = 200"
    if [ "${SKILLSCOPE_PG_DURABLE:-0}" != 1 ]; then
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } >>"$home/data/postgresql.conf"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$home/data/pg_hba.conf" "$home/data/postgresql.conf"

  # A free port: skip ports something answers on; if another process takes the port between the check and
  # the start, the start fails with "could not bind" and the next port is tried.
  local port attempt
  for attempt in $(seq 1 20); do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    port_in_use "$port" && continue
    if as_owner "$bin/pg_ctl" -D "$home/data" -l "$home/server.log" -w -t 60 -o "-p $port" start >/dev/null 2>&1; then
      echo "$port" >"$home/port"
      [ "$(id -u)" -eq 0 ] && chown postgres: "$home/port"
      if "$bin/psql" -X -q -At -h 127.0.0.1 -p "$port" -U postgres -d postgres -c 'SELECT 1' </dev/null >/dev/null 2>&1; then
        url_of "$home"
        return 0
      fi
      tail -n 20 "$home/server.log" >&2 || true
      remove_cluster "$home"
      fail "the server started on port $port but does not answer"
    fi
    if ! grep -qi "could not bind\|address already in use" "$home/server.log" 2>/dev/null; then
      tail -n 20 "$home/server.log" >&2 || true
      remove_cluster "$home"
      fail "could not start PostgreSQL $pg_version in $home"
    fi
    : >"$home/server.log"
  done
  remove_cluster "$home"
  fail "no free loopback port found after 20 attempts"
}

case "${1:-}" in
  start) start ;;
  url)
    [ -n "$(running_pid "$home")" ] && [ -f "$home/port" ] || fail "no cluster is running in $home (run: bash scripts/pg-cluster.sh start)"
    url_of "$home" ;;
  stop)
    [ -e "$home" ] && remove_cluster "$home"
    exit 0 ;;
  *)
    echo "usage: bash scripts/pg-cluster.sh start|url|stop   (cluster folder: \$SKILLSCOPE_PG_HOME, default $tmp_root/skillscope-pg)" >&2
    exit 2 ;;
esac
