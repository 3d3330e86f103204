#!/usr/bin/env bash
# make bench, pages (issue: the launch rush), all on the release build and in one run:
#   1. page weight: bytes per page and of the browser bundle, raw and compressed;
#   2. the campaign page through HTTP, cached and uncached, at 64 and 256 connections, next to
#      nginx serving the same brotli bytes from a file (wrk, on this same machine);
#   3. overload: twice the saturating load on an uncached page (data read from PostgreSQL)
#      while pledges are made;
#   4. 2,000 live-totals streams: memory, and the time from a commit to the last client.
# BENCH_SECONDS (default 10) per wrk run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
source server/scripts/env.sh
SECONDS_PER_RUN="${BENCH_SECONDS:-10}"
SLUG=fil-rouge-geneve
DB=trame_bench_pages
DB_URL="${DATABASE_URL%/*}/$DB"
WORK="$ROOT/target/bench-pages"
rm -rf "$WORK" && mkdir -p "$WORK"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  say "wrk and nginx (Debian)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null
fi

say "release build (the first one takes a while)"
SQLX_OFFLINE=true cargo leptos build --release
node server/scripts/precompress.mjs target/site/pkg >/dev/null
psql "$DATABASE_URL" -qc "drop database if exists $DB with (force)" -c "create database $DB" >/dev/null
DATABASE_URL="$DB_URL" RUST_LOG=warn target/release/trame seed >/dev/null

SERVER=
NGINX=
stop_all() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  [ -n "$NGINX" ] && nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true
  psql "$DATABASE_URL" -qc "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
}
trap stop_all EXIT

# starts the release server with extra settings; sets SERVER and PORT
start_server() {
  [ -n "$SERVER" ] && { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; }
  PORT=$(free_port)
  env DATABASE_URL="$DB_URL" LEPTOS_SITE_ADDR="127.0.0.1:$PORT" RUST_LOG=warn TRAME_WORKER=false \
    TRAME_AUTH_LIMIT_PER_ADDRESS=100000 TRAME_PLEDGE_LIMIT_PER_ADDRESS=100000 "$@" \
    target/release/trame serve >"$WORK/server.log" 2>&1 &
  SERVER=$!
  wait_http "http://127.0.0.1:$PORT/health" 60
}

# wrk against $1 with $2 connections: "requests/s p50 p99 non-2xx total pages/s" (pages: the
# answers that were not a 503)
load() {
  local out
  out=$(wrk -t2 -c"$2" -d"${SECONDS_PER_RUN}s" --latency -H 'Accept-Encoding: gzip, deflate, br, zstd' "$1")
  echo "$out" >>"$WORK/wrk.log"
  python3 - "$out" <<'PY'
import re, sys
out = sys.argv[1]
def ms(v):
    n, unit = float(re.match(r"[\d.]+", v).group()), re.search(r"[a-z]+", v).group()
    return n * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
total = int(re.search(r"(\d+) requests in", out).group(1))
bad = int(bad.group(1)) if bad else 0
seconds = float(re.search(r"requests in ([\d.]+)s", out).group(1))
print(f"{rps:.0f} {p50:.2f} {p99:.2f} {bad} {total} {(total - bad) / seconds:.0f}")
PY
}

start_server TRAME_PAGE_CACHE=true
BASE="http://127.0.0.1:$PORT"

say "page weight (release build; browsers get the cached campaign page as brotli, pages rendered for them as gzip)"
for path in / "/campaigns/$SLUG" /designers /signin; do
  raw=$(curl -fsS -H 'Accept-Encoding: identity' "$BASE$path" | wc -c)
  br=$(curl -fsS -H 'Accept-Encoding: br' "$BASE$path" | wc -c)
  gz=$(curl -fsS -H 'Accept-Encoding: gzip' "$BASE$path" | wc -c)
  scripts=$(curl -fsS "$BASE$path" | grep -c 'trameIslands' || true)
  printf '  %-28s html %7d raw %6d gzip %6d brotli   %s\n' "$path" "$raw" "$gz" "$br" \
    "$([ "$scripts" -gt 0 ] && echo 'loads the islands bundle' || echo 'no JavaScript, no wasm')"
done
for f in target/site/pkg/*.wasm target/site/pkg/*.js target/site/pkg/*.css; do
  printf '  %-40s %8d raw %7d gzip %7d brotli\n' "$(basename "$f")" "$(wc -c <"$f")" "$(wc -c <"$f.gz")" "$(wc -c <"$f.br")"
done
js=$(ls target/site/pkg/*.js); wasm=$(ls target/site/pkg/*.wasm)
echo "  islands bundle (JavaScript + wasm) as sent: $(( $(wc -c <"$js.br") + $(wc -c <"$wasm.br") )) bytes brotli (budget 100 KB)"

say "campaign page, $SECONDS_PER_RUN s per run, wrk -t2 on this machine"
curl -fsS -H 'Accept-Encoding: br' "$BASE/campaigns/$SLUG" -o "$WORK/page.br"
NGINX_PORT=$(free_port)
cat >"$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location = /page {
      default_type "text/html; charset=utf-8";
      add_header Content-Encoding br;
      alias $WORK/page.br;
    }
  }
}
NGINX
nginx -c "$WORK/nginx.conf"
NGINX=1
printf '  %-34s %10s %9s %9s %8s %7s\n' "" "pages/s" "p50 ms" "p99 ms" "non-2xx" "ratio"
for c in 64 256; do
  read -r _ n_p50 n_p99 n_bad _ n_rps < <(load "http://127.0.0.1:$NGINX_PORT/page" "$c")
  read -r _ c_p50 c_p99 c_bad _ c_rps < <(load "$BASE/campaigns/$SLUG" "$c")
  printf '  %-34s %10s %9s %9s %8s\n' "nginx, same bytes, $c conn." "$n_rps" "$n_p50" "$n_p99" "$n_bad"
  printf '  %-34s %10s %9s %9s %8s %7s\n' "Trame cached, $c conn." "$c_rps" "$c_p50" "$c_p99" "$c_bad" \
    "$(python3 -c "print(f'{$c_rps / $n_rps:.3f}')")"
done
# uncached: rendered and compressed per request, as for a signed-in visitor (the campaign's
# data kept in memory), then with the data read from PostgreSQL each time as well
for data in true false; do
  start_server TRAME_PAGE_CACHE=false TRAME_DATA_CACHE=$data
  BASE="http://127.0.0.1:$PORT"
  for c in 64 256; do
    read -r _ u_p50 u_p99 u_bad _ u_rps < <(load "$BASE/campaigns/$SLUG" "$c")
    label="uncached, $c conn."
    [ "$data" = true ] || label="uncached, no data kept, $c conn."
    printf '  %-34s %10s %9s %9s %8s\n' "Trame $label" "$u_rps" "$u_p50" "$u_p99" "$u_bad"
  done
done

say "overload: 512 connections on the uncached page, no data kept (twice the 256 that saturate it) while pledges are made"
node server/scripts/bench/pledges_under_load.mjs "$BASE" "$SLUG" "$SECONDS_PER_RUN" >"$WORK/pledges.out" &
PLEDGES=$!
until grep -q ready "$WORK/pledges.out" 2>/dev/null; do sleep 0.2; done
read -r o_rps o_p50 o_p99 o_bad o_total _ < <(load "$BASE/campaigns/$SLUG" 512)
wait $PLEDGES
echo "  pages: $o_rps answers/s, p50 $o_p50 ms, p99 $o_p99 ms; $o_bad of $o_total answered 503 ($(python3 -c "print(f'{100 * $o_bad / max($o_total, 1):.1f}')") %)"
echo "  $(grep -v ready "$WORK/pledges.out")"

say "live totals: ${STREAMS:-2000} open streams on one process"
start_server TRAME_PAGE_CACHE=true
node server/scripts/bench/streams.mjs "http://127.0.0.1:$PORT" "$SLUG" "$SERVER" \
  "psql $DB_URL -qc \"update campaign set backer_count = backer_count where slug = '$SLUG'\""
