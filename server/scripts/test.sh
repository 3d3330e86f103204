#!/usr/bin/env bash
# make test: every check and test. Quick the second time (tools and builds are cached).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
START=$SECONDS
server/scripts/tools.sh
source server/scripts/env.sh
# queries are checked against the committed .sqlx data, not a live database
export SQLX_OFFLINE=true
# a clean clone builds everything once: incremental data would only fill the disk (~11 GB)
if [ "${CI:-}" = true ]; then export CARGO_INCREMENTAL=0; fi

say "format";                    cargo fmt --all -- --check
say "lint (server)";             pcargo clippy --workspace --all-targets -- -D warnings
say "lint (browser)";            cargo clippy -p app --lib --features hydrate --target wasm32-unknown-unknown -- -D warnings
# sqlx::test pools (5 connections a test) share 20 across a binary's tests: two tests at a time
# keep well within them (servers with job workers get pools of their own)
say "unit + integration tests";  pcargo test --workspace -- --test-threads=2
say "build the site";            cargo leptos build
say "end-to-end tests";          server/scripts/e2e.sh
say "all checks passed in $((SECONDS - START)) s"
