#!/usr/bin/env bash
# The Stripe test server (localstripe) for `make run` and the tests: start | stop | env.
# `start` writes target/localstripe/env with the STRIPE_* settings that point Trame at it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DIR="$ROOT/target/localstripe"
mkdir -p "$DIR"
case "${1:-start}" in
  start)
    if [ -f "$DIR/pid" ] && kill -0 "$(cat "$DIR/pid")" 2>/dev/null && [ -f "$DIR/env" ]; then
      exit 0
    fi
    PORT=$(free_port 8420)
    nohup "$TRAME_CACHE/venv/bin/python" "$ROOT/server/scripts/run_localstripe.py" "$PORT" >"$DIR/log" 2>&1 &
    echo $! >"$DIR/pid"
    wait_http "http://127.0.0.1:$PORT/js.stripe.com/v3/" 30
    cat >"$DIR/env" <<ENV
STRIPE_SECRET_KEY=sk_test_trame_local
STRIPE_PUBLISHABLE_KEY=pk_test_trame_local
STRIPE_WEBHOOK_SECRET=whsec_trame_local
STRIPE_API_URL=http://127.0.0.1:$PORT/
STRIPE_JS_URL=http://127.0.0.1:$PORT/js.stripe.com/v3/
ENV
    say "localstripe on http://127.0.0.1:$PORT"
    ;;
  stop)
    if [ -f "$DIR/pid" ]; then kill "$(cat "$DIR/pid")" 2>/dev/null || true; rm -f "$DIR/pid" "$DIR/env"; fi
    ;;
  env)
    cat "$DIR/env"
    ;;
esac
