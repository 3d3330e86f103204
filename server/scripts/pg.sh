#!/usr/bin/env bash
# A private PostgreSQL cluster under target/pg for development and tests (works as root).
# Usage: pg.sh start | stop | status | env
#   start  initdb once, start on a free port from 55432, create database "trame",
#          write target/pg/env (DATABASE_URL=...)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PGBASE="$ROOT/target/pg"
PGDATA="$PGBASE/data"
PGBIN="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}"
RUN=()
# initdb and postgres refuse to run as root: run them as the postgres user
if [ "$(id -u)" = 0 ]; then RUN=(runuser -u postgres --); fi

running() { "${RUN[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }

case "${1:-start}" in
start)
  if [ -z "$PGBIN" ]; then
    say "PostgreSQL (Debian)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)"
  fi
  mkdir -p "$PGBASE"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGBASE"
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    "${RUN[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PGBASE/initdb.log"
  fi
  if ! running; then
    PORT=$(free_port 55432)
    # throwaway data: no fsync; enough connections for parallel tests and load scripts
    "${RUN[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGBASE/server.log" -w -t 60 start -o \
      "-h 127.0.0.1 -p $PORT -k $PGBASE -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
    printf 'DATABASE_URL=postgres://postgres@127.0.0.1:%s/trame\nPGPORT=%s\n' "$PORT" "$PORT" >"$PGBASE/env"
  fi
  PORT=$(sed -n 's/^PGPORT=//p' "$PGBASE/env")
  "${RUN[@]}" psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc "select 1 from pg_database where datname = 'trame'" | grep -q 1 \
    || "${RUN[@]}" createdb -h 127.0.0.1 -p "$PORT" -U postgres trame
  ;;
stop) running && "${RUN[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null || true ;;
status) running && cat "$PGBASE/env" ;;
env) cat "$PGBASE/env" ;;
*) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
