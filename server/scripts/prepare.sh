#!/usr/bin/env bash
# Refreshes .sqlx/, the query data that lets builds check SQL without a database
# (SQLX_OFFLINE=true). Run after changing a query or adding a migration (make prepare).
# The queries are checked against a scratch database built from migrations/ alone.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
DB=trame_prepare
URL="${DATABASE_URL%/*}/$DB"
psql "$DATABASE_URL" -qc "drop database if exists $DB with (force)" -c "create database $DB" >/dev/null
for migration in migrations/*.sql; do
  psql -v ON_ERROR_STOP=1 -q "$URL" -f "$migration" >/dev/null
done
# Dependencies with their own query data (underway) build offline first, so that only our
# crates are compiled against the scratch database below (ours may fail here: new queries).
SQLX_OFFLINE=true pcargo test --workspace --no-run -q >/dev/null 2>&1 || true
rm -rf .sqlx && mkdir .sqlx
# the sqlx macros write their data only when they run: make cargo recompile every crate using them
touch app/src/lib.rs server/src/lib.rs server/tests/it/*.rs
SQLX_OFFLINE=false SQLX_OFFLINE_DIR="$ROOT/.sqlx" DATABASE_URL="$URL" pcargo test --workspace --no-run -q
psql "$DATABASE_URL" -qc "drop database $DB" >/dev/null
say "$(ls .sqlx | wc -l) queries in .sqlx/"
