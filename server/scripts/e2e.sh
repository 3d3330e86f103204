#!/usr/bin/env bash
# Browser tests: a fresh seeded database, the built server on a free port, Playwright + Chromium.
# Expects the site built (cargo leptos build) and DATABASE_URL set (env.sh).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
node server/scripts/precompress.mjs target/site/pkg
E2E_DB=trame_e2e
E2E_URL="${DATABASE_URL%/*}/$E2E_DB"
psql "$DATABASE_URL" -qc "drop database if exists $E2E_DB with (force)" -c "create database $E2E_DB" >/dev/null
DATABASE_URL="$E2E_URL" target/debug/trame seed
PORT=$(free_port)
MAIL="$ROOT/target/e2e/mail"
rm -rf "$MAIL" && mkdir -p "$MAIL"
# a fresh database numbers its pledges from 1 again: a deployment id of its own keeps Stripe's
# idempotency keys (the fake honours them) from meeting an earlier run's
DATABASE_URL="$E2E_URL" LEPTOS_SITE_ADDR="127.0.0.1:$PORT" EMAIL_DIR="$MAIL" RUST_LOG="${RUST_LOG:-warn}" \
  TRAME_DEPLOYMENT_ID="e2e-$(date +%s)" target/debug/trame serve >target/e2e/server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
wait_http "http://127.0.0.1:$PORT/health" 60
# localstripe sends its payment_intent.* events to this server, signed with our secret
curl -fsS -o /dev/null -X POST "${STRIPE_API_URL}_config/webhooks/trame-e2e" \
  -d "url=http://127.0.0.1:$PORT/webhooks/stripe" -d "secret=$STRIPE_WEBHOOK_SECRET"
cd end2end
BASE_URL="http://127.0.0.1:$PORT" EMAIL_DIR="$MAIL" SCREENSHOTS="$ROOT/target/e2e" \
  node --test --test-concurrency=1 tests/
cd "$ROOT"
# after every pledge the browsers made, the campaigns' totals still equal their pledges
DATABASE_URL="$E2E_URL" RUST_LOG=warn target/debug/trame check-totals
