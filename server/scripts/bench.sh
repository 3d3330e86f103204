#!/usr/bin/env bash
# make bench: pledge creation under a crowd (server/benches/pledges.rs: 50 and 500 backers racing
# for a tier of 10 units, no Stripe call), then pgbench's simple-update TPS on the same PostgreSQL
# server, as a yardstick of what it does with short write transactions.
# Uses the databases trame_bench and trame_pgbench on DATABASE_URL's server, dropped at the end.
# BENCH_ROUNDS=20 make bench: more rounds per crowd (default 5) for steadier figures.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
# the bench builds its own Stripe settings and calls nothing: keep env.sh from starting localstripe
STRIPE_SECRET_KEY="${STRIPE_SECRET_KEY:-unused}"
source server/scripts/env.sh
BENCH_DB=trame_bench
PGBENCH_DB=trame_pgbench
PGBENCH_URL="${DATABASE_URL%/*}/$PGBENCH_DB"

drop_databases() {
  psql "$DATABASE_URL" -qc "drop database if exists $BENCH_DB with (force)" \
    -c "drop database if exists $PGBENCH_DB with (force)" >/dev/null
}
trap drop_databases EXIT

# release (the bench profile); erased view types as in debug builds: they compile much faster, and
# the pledge path renders no view
say "pledge creation (the first release build takes a while)"
SQLX_OFFLINE=true pcargo bench -p trame --bench pledges

# Debian installs pgbench under the server's bin/ and may not put it on PATH
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -n1 || true)
if [ -z "$PGBENCH" ]; then
  say "pgbench not found (Debian: part of the postgresql package): no comparison"
  exit 0
fi
say "pgbench simple-update on the same server"
psql "$DATABASE_URL" -qc "drop database if exists $PGBENCH_DB with (force)" -c "create database $PGBENCH_DB" >/dev/null
if ! init=$("$PGBENCH" -i -s 10 -q "$PGBENCH_URL" 2>&1); then
  echo "$init" >&2
  exit 1
fi
echo
echo "## pgbench simple-update, scale 10, 15 s ($("$PGBENCH" --version))"
echo
for clients in 50 10; do
  if ! run=$("$PGBENCH" -b simple-update -c "$clients" -j 2 -T 15 -n "$PGBENCH_URL" 2>&1); then
    echo "$run" >&2
    exit 1
  fi
  grep -E '^(latency average|tps) = ' <<<"$run" | sed "s/^/-c $clients: /"
done
