# Sourced by the other scripts: tools on PATH and a database (the private cluster when
# DATABASE_URL is not set).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# npm's binaryen must come before any /usr/bin/wasm-opt (Debian's corrupts the wasm)
export PATH="$TRAME_CACHE/node/node_modules/.bin:$PATH"
if [ -z "${DATABASE_URL:-}" ]; then
  "$ROOT/server/scripts/pg.sh" start
  export "$(grep '^DATABASE_URL=' "$ROOT/target/pg/env")"
fi
# Stripe: the local fake unless real keys are configured
if [ -z "${STRIPE_SECRET_KEY:-}" ]; then
  "$ROOT/server/scripts/stripe.sh" start
  set -a; source "$ROOT/target/localstripe/env"; set +a
fi
