#!/usr/bin/env bash
# Installs what Trame's build and tests need and is missing; quick when everything is there.
# Versions and their reasons: ../shared/RECIPE.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

CARGO_LEPTOS_VERSION=0.3.6   # 0.3.7+ need rustc >= 1.96
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print }' Cargo.lock)
BINARYEN_VERSION=132.0.0     # Debian's binaryen 108 corrupts the wasm: never use it
LOCALSTRIPE_VERSION=1.15.10

rustup target list --installed | grep -qx wasm32-unknown-unknown || { say "wasm32 target"; rustup target add wasm32-unknown-unknown; }
rustup component list --installed | grep -q '^clippy' || rustup component add clippy rustfmt

if [ "$(cargo-leptos --version 2>/dev/null)" != "cargo-leptos $CARGO_LEPTOS_VERSION" ]; then
  say "cargo-leptos $CARGO_LEPTOS_VERSION (about 15 minutes, once)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
fi
# cargo-leptos runs the wasm-bindgen on PATH: it must be the version in Cargo.lock.
# (--locked fails: its lockfile pins a webpki-roots the registry lacks.)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
# wasm-opt for release builds: npm's binaryen, first on PATH (see env.sh)
if [ ! -x "$TRAME_CACHE/node/node_modules/.bin/wasm-opt" ]; then
  say "binaryen $BINARYEN_VERSION (wasm-opt)"
  npm install --prefix "$TRAME_CACHE/node" --no-save --no-audit --no-fund "binaryen@$BINARYEN_VERSION" >/dev/null
fi
# the Stripe test server
if [ "$("$TRAME_CACHE/venv/bin/pip" show localstripe 2>/dev/null | awk '/^Version/ { print $2 }')" != "$LOCALSTRIPE_VERSION" ]; then
  say "localstripe $LOCALSTRIPE_VERSION"
  python3 -m venv "$TRAME_CACHE/venv"
  "$TRAME_CACHE/venv/bin/pip" install -q "localstripe==$LOCALSTRIPE_VERSION"
fi
# browser tests: Playwright (no browser download) and Debian's Chromium
if [ ! -d end2end/node_modules/playwright-core ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  say "end2end node packages"
  (cd end2end && npm ci --no-audit --no-fund >/dev/null)
fi
if [ ! -x /usr/bin/chromium ]; then
  say "chromium (Debian)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
