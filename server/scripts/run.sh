#!/usr/bin/env bash
# make run: build the site, seed an empty database with the demo campaign, serve on :3000.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
server/scripts/tools.sh
source server/scripts/env.sh
export SQLX_OFFLINE="${SQLX_OFFLINE:-true}"
say "build"
cargo leptos build
target/debug/trame seed
say "Trame on http://${LEPTOS_SITE_ADDR:-127.0.0.1:3000}  (Ctrl-C stops it)"
exec target/debug/trame serve
