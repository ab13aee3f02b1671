#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: Debian's own server binaries, a temp directory,
# a free loopback port, a random superuser password. Never touches any other cluster.
#   scripts/pg-test-cluster.sh start [STATE_DIR]   starts one, prints its URL (also in STATE_DIR/url)
#   scripts/pg-test-cluster.sh url   [STATE_DIR]   prints the URL of the running one
#   scripts/pg-test-cluster.sh stop  [STATE_DIR]   stops it and removes its files
#   scripts/pg-test-cluster.sh pause|resume [STATE_DIR]   stops the server / starts it again on the
#                                                  same port, keeping its data (offline tests)
# STATE_DIR (default: $TMPDIR/frontline-pg-test-$UID) holds url, tempdir (the cluster's files and
# server.log) and, when the cluster could not start, reason. Exit codes: 0 ok; 1 failure. When the server binaries are missing or
# the cluster cannot start, `start` writes the reason, prints it and exits 0 so that the tests
# skip PostgreSQL with that message -- unless FRONTLINE_REQUIRE_POSTGRES=1 (CI), then it exits 1.
set -euo pipefail

action=${1:-}
state=${2:-${TMPDIR:-/tmp}/frontline-pg-test-$(id -u)}
bindir=${FRONTLINE_PG_BINDIR:-/usr/lib/postgresql/15/bin}
# Tests do not need the server to survive a power cut; benchmarks of durable commits do
# (FRONTLINE_PG_FSYNC=on).
server_options="-c listen_addresses=127.0.0.1"
[ "${FRONTLINE_PG_FSYNC:-off}" = on ] || server_options="$server_options -c fsync=off"

# initdb and postgres refuse to run as root: root runs them as the `postgres` user.
as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cannot_start() {
  mkdir -p "$state"
  echo "$1" > "$state/reason"
  rm -f "$state/url"
  echo "pg-test-cluster: cannot start a test cluster: $1" >&2
  if [ "${FRONTLINE_REQUIRE_POSTGRES:-0}" = 1 ]; then exit 1; fi
  exit 0
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

stop_cluster() {
  [ -f "$state/tempdir" ] || { rm -rf "$state"; return 0; }
  local data
  data=$(cat "$state/tempdir")
  if [ -f "$data/cluster/postmaster.pid" ]; then
    as_server_user "$bindir/pg_ctl" -D "$data/cluster" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$data" "$state"
}

start_cluster() {
  stop_cluster  # a cluster left by an interrupted run of this same state directory
  [ -x "$bindir/initdb" ] && [ -x "$bindir/pg_ctl" ] ||
    cannot_start "no PostgreSQL server binaries in $bindir (install Debian's postgresql package: scripts/install-deps.sh)"
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    cannot_start "running as root and there is no 'postgres' user to run the server as"
  fi
  mkdir -p "$state"
  chmod 700 "$state"
  local data password port
  data=$(mktemp -d "${TMPDIR:-/tmp}/frontline-pg-data.XXXXXX")
  echo "$data" > "$state/tempdir"
  password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
  printf '%s\n' "$password" > "$data/pwfile"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$data"; fi
  as_server_user "$bindir/initdb" -D "$data/cluster" -A scram-sha-256 --pwfile="$data/pwfile" -U postgres \
    --encoding=UTF8 --locale=C.UTF-8 >"$data/initdb.log" 2>&1 ||
    cannot_start "initdb failed: $(tail -n 3 "$data/initdb.log" | tr '\n' ' ')"
  rm -f "$data/pwfile"
  for attempt in 1 2 3; do
    port=$(free_port)
    if as_server_user "$bindir/pg_ctl" -D "$data/cluster" -w -t 30 -l "$data/server.log" \
      -o "-p $port -k $data $server_options" start >/dev/null 2>&1; then
      umask 077
      echo "$port" > "$state/port"
      # No TLS or Kerberos on a loopback test server: libpq would try both first.
      echo "postgresql://postgres:$password@127.0.0.1:$port/postgres?sslmode=disable&gssencmode=disable" > "$state/url"
      rm -f "$state/reason"
      cat "$state/url"
      return 0
    fi
    echo "pg-test-cluster: port $port did not work (attempt $attempt)" >&2
  done
  cannot_start "the server did not start: $(tail -n 3 "$data/server.log" 2>/dev/null | tr '\n' ' ')"
}

pause_cluster() {
  as_server_user "$bindir/pg_ctl" -D "$(cat "$state/tempdir")/cluster" -m fast -w stop >/dev/null
}

resume_cluster() {
  local data
  data=$(cat "$state/tempdir")
  as_server_user "$bindir/pg_ctl" -D "$data/cluster" -w -t 30 -l "$data/server.log" \
    -o "-p $(cat "$state/port") -k $data $server_options" start >/dev/null
}

case "$action" in
  start) start_cluster ;;
  pause) pause_cluster ;;
  resume) resume_cluster ;;
  stop) stop_cluster ;;
  url)
    [ -f "$state/url" ] || { echo "pg-test-cluster: no cluster is running for $state" >&2; exit 1; }
    cat "$state/url"
    ;;
  *)
    echo "usage: scripts/pg-test-cluster.sh start|stop|url|pause|resume [STATE_DIR]" >&2
    exit 2
    ;;
esac
