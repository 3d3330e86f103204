# Shared helpers for the scripts (sourced, not run).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Tools shared by every clone on this machine (CI's fresh clone finds them again).
TRAME_CACHE="${TRAME_CACHE:-$HOME/.cache/trame}"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

free_port() {
  python3 - "${1:-0}" <<'PY'
import socket, sys
start = int(sys.argv[1])
ports = range(start, 65000) if start else [0]
for p in ports:
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p)); print(s.getsockname()[1]); break
    except OSError:
        pass
    finally:
        s.close()
PY
}

# Plain cargo with the flag cargo-leptos uses for debug builds, so both share target/debug
# (without it every switch between them rebuilds the whole dependency tree).
pcargo() { RUSTFLAGS="--cfg erase_components" cargo "$@"; }

# Waits until $1 answers 200 (at most $2 seconds).
wait_http() {
  local url=$1 deadline=$((SECONDS + ${2:-60}))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "no answer from $url" >&2; return 1; }
    sleep 0.3
  done
}
export PGOPTIONS="-c client_min_messages=warning"
