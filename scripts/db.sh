#!/usr/bin/env bash
# A private PostgreSQL cluster for development, tests and benchmarks, without Docker.
#
#   scripts/db.sh start    initialise (first time) and start the cluster, create database "zaiko"
#   scripts/db.sh stop     stop it
#   scripts/db.sh status   say whether it runs, and where
#   scripts/db.sh url      print the Npgsql connection string of database "zaiko"
#   scripts/db.sh psql …   run psql as the cluster's admin user against database "zaiko" (Zaiko's tables);
#                          psql's own -d/--dbname or a database name argument picks another, e.g. -d postgres
#
# The cluster lives under .zaiko/pg and listens on 127.0.0.1:${ZAIKO_PG_PORT:-54329} only.
# PostgreSQL refuses to run as root: when invoked as root the server runs as the "postgres" user.
set -euo pipefail

project_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state_dir="$project_dir/.zaiko"
port="${ZAIKO_PG_PORT:-54329}"
db_user="zaiko"
db_name="zaiko"
password_file="$state_dir/pg-password"

die() { echo "db.sh: $*" >&2; exit 1; }
say() { echo "db.sh: $*" >&2; }

find_bindir() {
  local candidate
  if command -v pg_config >/dev/null 2>&1; then
    candidate=$(pg_config --bindir 2>/dev/null || true)
    if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
      echo "$candidate"; return 0
    fi
  fi
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -V -r); do
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

bindir=""
ensure_binaries() {
  if bindir=$(find_bindir); then return 0; fi
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "PostgreSQL server binaries not found; installing them with apt-get (package postgresql)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    bindir=$(find_bindir) || die "apt-get installed postgresql but initdb/pg_ctl are still missing"
    return 0
  fi
  die "PostgreSQL server binaries (initdb, pg_ctl) were not found.
  Install the server package, e.g. 'sudo apt-get install postgresql' on Debian/Ubuntu
  or 'brew install postgresql@15' on macOS, then run this script again."
}

# Who runs the server, and how to run a command as that user.
run_as=""
as_server_user() {
  # From /, since the server user may not be allowed into the caller's working directory.
  if [ -n "$run_as" ]; then (cd / && runuser -u "$run_as" -- "$@"); else "$@"; fi
}

choose_server_user() {
  if [ "$(id -u)" -ne 0 ]; then return 0; fi
  if id postgres >/dev/null 2>&1; then
    run_as=postgres
  else
    die "running as root, but there is no 'postgres' user to run the server as (PostgreSQL refuses root).
  Create one ('useradd --system --create-home postgres') or run this script as a normal user."
  fi
}

# The data directory. As root, the server user must be able to reach .zaiko/pg; a clone inside a
# private home (e.g. /root) is not reachable, so the cluster then lives in the server user's home,
# keyed by the project path. Permissions of the user's home are never changed.
data_dir=""
choose_data_dir() {
  local local_dir="$state_dir/pg"
  mkdir -p "$state_dir"
  if [ -z "$run_as" ]; then data_dir="$local_dir"; return 0; fi
  if [ -f "$state_dir/pg-location" ]; then
    data_dir=$(cat "$state_dir/pg-location")
    return 0
  fi
  mkdir -p "$local_dir"
  chown "$run_as": "$local_dir"
  chmod 700 "$local_dir"
  if as_server_user test -w "$local_dir" 2>/dev/null; then
    data_dir="$local_dir"
  else
    rmdir "$local_dir" 2>/dev/null || true
    local home key
    home=$(getent passwd "$run_as" | cut -d: -f6)
    [ -n "$home" ] && [ -d "$home" ] || die "user $run_as cannot reach $state_dir and has no home directory to keep the cluster in"
    key=$(printf '%s' "$project_dir" | sha256sum | cut -c1-12)
    data_dir="$home/zaiko-clusters/$key"
    as_server_user mkdir -p "$data_dir"
    as_server_user chmod 700 "$data_dir"
    say "user $run_as cannot reach $state_dir (a parent directory is private);"
    say "keeping this project's cluster in $data_dir instead"
  fi
  echo "$data_dir" > "$state_dir/pg-location"
}

password() {
  if [ ! -s "$password_file" ]; then
    mkdir -p "$state_dir"
    (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$password_file")
  fi
  cat "$password_file"
}

connection_string() {
  echo "Host=127.0.0.1;Port=$port;Database=$db_name;Username=$db_user;Password=$(password)"
}

is_running() {
  [ -f "$data_dir/PG_VERSION" ] && as_server_user "$bindir/pg_ctl" -D "$data_dir" status >/dev/null 2>&1
}

# Against "postgres": start() uses it to create database "zaiko", so it must work before that exists.
psql_admin() {
  PGPASSWORD="$(password)" "$bindir/psql" -h 127.0.0.1 -p "$port" -U "$db_user" -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
}

# The psql command: database "zaiko" by default, given as PGDATABASE so that -d, --dbname or a database name
# argument still wins (behind a "-d zaiko" of ours, psql would silently ignore a name argument).
psql_zaiko() {
  PGDATABASE="$db_name" PGPASSWORD="$(password)" "$bindir/psql" -h 127.0.0.1 -p "$port" -U "$db_user" -v ON_ERROR_STOP=1 -qtA "$@"
}

init_cluster() {
  local pwfile
  say "initialising a new cluster in $data_dir"
  pwfile=$(mktemp)
  password > "$pwfile"
  [ -n "$run_as" ] && chown "$run_as" "$pwfile"
  as_server_user "$bindir/initdb" -D "$data_dir" -U "$db_user" --pwfile="$pwfile" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  as_server_user sh -c "cat >> '$data_dir/postgresql.conf'" <<'CONF'

# Zaiko development cluster
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 300
shared_buffers = 256MB
timezone = 'UTC'
log_timezone = 'UTC'
CONF
}

start() {
  ensure_binaries
  choose_server_user
  choose_data_dir
  exec 9>"$state_dir/db.lock"
  flock 9
  [ -f "$data_dir/PG_VERSION" ] || init_cluster
  if is_running; then
    say "cluster already running on 127.0.0.1:$port ($data_dir)"
  else
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      die "port $port on 127.0.0.1 is taken by another program; set ZAIKO_PG_PORT to a free port"
    fi
    as_server_user "$bindir/pg_ctl" -D "$data_dir" -l "$data_dir/server.log" -o "-p $port" -w -t 60 start >/dev/null 9>&- \
      || die "PostgreSQL did not start; see $data_dir/server.log"
    say "cluster started on 127.0.0.1:$port ($data_dir)"
  fi
  if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db_name'")" != "1" ]; then
    psql_admin -c "CREATE DATABASE $db_name"
    say "created database $db_name"
  fi
  connection_string
}

stop() {
  ensure_binaries
  choose_server_user
  choose_data_dir
  if is_running; then
    as_server_user "$bindir/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null
    say "cluster stopped"
  else
    say "cluster is not running"
  fi
}

status() {
  ensure_binaries
  choose_server_user
  choose_data_dir
  if is_running; then
    say "running on 127.0.0.1:$port, data in $data_dir"
    connection_string
  else
    say "not running (data directory $data_dir)"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) connection_string ;;
  psql) shift; ensure_binaries; psql_zaiko "$@" ;;
  *) echo "usage: scripts/db.sh start|stop|status|url|psql [args]" >&2; exit 2 ;;
esac
