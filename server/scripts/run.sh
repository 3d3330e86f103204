#!/usr/bin/env bash
# make run: the release build (what users get: optimised, compressed, hashed assets), an empty
# database seeded with the demo campaign, served on :3000.
# make dev (run.sh dev): the debug build, rebuilt and restarted on every change (cargo leptos watch).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
MODE="${1:-release}"
server/scripts/tools.sh
source server/scripts/env.sh
export SQLX_OFFLINE="${SQLX_OFFLINE:-true}"
if [ "$MODE" = dev ]; then
  say "build (debug)"
  cargo leptos build
  BIN=target/debug/trame
else
  say "build (release: the first one takes a while)"
  cargo leptos build --release
  node server/scripts/precompress.mjs target/site/pkg
  BIN=target/release/trame
fi
"$BIN" seed
# with the local Stripe fake, its payment events come back to this server
if [[ "${STRIPE_API_URL:-}" == http://127.0.0.1:* ]]; then
  curl -fsS -o /dev/null -X POST "${STRIPE_API_URL}_config/webhooks/trame" \
    -d "url=http://${LEPTOS_SITE_ADDR:-127.0.0.1:3000}/webhooks/stripe" -d "secret=$STRIPE_WEBHOOK_SECRET"
  say "payments go to localstripe: test card 4242 4242 4242 4242; 4000 0025 0000 3155 asks for 3-D Secure"
fi
say "Trame on http://${LEPTOS_SITE_ADDR:-127.0.0.1:3000}  (Ctrl-C stops it)"
# localstripe outlives a database reset (make clean): a deployment id per start keeps new
# idempotency keys from meeting the old database's at the fake, which honours them like Stripe
export TRAME_DEPLOYMENT_ID="${TRAME_DEPLOYMENT_ID:-dev-$(date +%s)}"
if [ "$MODE" = dev ]; then
  exec cargo leptos watch
fi
exec "$BIN" serve
