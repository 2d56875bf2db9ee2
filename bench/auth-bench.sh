#!/usr/bin/env bash
# Authentication costs on this machine:
#  1. bcrypt per cost factor, RS256 signing and JWT verification (in-process, AuthCostBench);
#  2. login latency through the HTTPS edge and directly (median and p90 of sequential logins),
#     on a stack this script starts on its own ports and stops again.
# Usage: bench/auth-bench.sh [logins]   (default 40). Loopback only; bounded.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOGINS="${1:-40}"
STATE="$ROOT/.local/bench-auth"
OFFSET=40000
EDGE="https://localhost:$((8443 + OFFSET))"
DIRECT="http://127.0.0.1:$((8081 + OFFSET))"

echo "== in-process costs"
(cd "$ROOT" && ./mvnw -B -ntp -q -pl services/auth-service test-compile exec:java \
  -Dexec.mainClass=jp.systemgear.ec.auth.bench.AuthCostBench -Dexec.classpathScope=test)

echo "== login latency ($LOGINS sequential logins, bcrypt cost ${AUTH_BCRYPT_COST:-11})"
rm -rf "$STATE"
set -m # keeps SIGINT deliverable to the background stack
PORT_OFFSET=$OFFSET PLATFORM_STATE_DIR="$STATE" "$ROOT/platform" up >"$STATE.out" 2>&1 &
STACK=$!
trap 'kill -INT $STACK 2>/dev/null; wait $STACK 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  grep -q "Press Ctrl-C" "$STATE.out" 2>/dev/null && break
  kill -0 $STACK 2>/dev/null || { cat "$STATE.out"; exit 1; }
  sleep 1
done

measure() { # URL -> prints median and p90 in ms
  local url="$1" i
  for i in $(seq 1 "$LOGINS"); do
    curl -sk -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' \
      -d '{"username":"operator","password":"demo-pass-2026"}' "$url/api/auth/login"
  done | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "median %.0f ms, p90 %.0f ms (n=%d)\n", t[int((NR + 1) / 2)], t[int(NR * 0.9)], NR }'
}
# The account is throttled after failures only; these all succeed. Spread over both paths.
printf '  through the edge: '; measure "$EDGE"
printf '  direct:           '; measure "$DIRECT"
