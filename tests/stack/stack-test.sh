#!/usr/bin/env bash
# Black-box test of the local stack: starts `./platform up` on its own ports and state directory,
# checks it through the HTTPS edge like a browser or an internal client would, stops it with
# SIGINT (Ctrl-C) and checks that nothing it started is left behind.
#
# Prints one line per check ("ok - ..." / "not ok - ...") and finally "N passed, M failed";
# exits non-zero when a check failed.
#
# Environment (optional):
#   STACK_TEST_STATE_DIR      state directory, wiped first (default .local/stack-test)
#   STACK_TEST_PORT_OFFSET    PORT_OFFSET for the stack (default 10000: edge 18443, services 18081..,
#                             management 19081.., PostgreSQL 25432), so a developer's stack can keep running
#   STACK_TEST_READY_TIMEOUT  seconds to wait for "./platform up" to be ready (default 180)
#   STACK_TEST_BURST          requests in the rate-limit burst (default 200)
#   STACK_TEST_PLATFORM       the command under test (default ./platform)
#   STACK_TEST_NO_BUILD=1     use the jars as they are (default: ./platform build first)
set -uo pipefail # no -e: a failed check is recorded and the run goes on

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE_DIR="${STACK_TEST_STATE_DIR:-$ROOT/.local/stack-test}"
case "$STATE_DIR" in /*) ;; *) STATE_DIR="$PWD/$STATE_DIR" ;; esac
OFFSET="${STACK_TEST_PORT_OFFSET:-10000}"
READY_TIMEOUT="${STACK_TEST_READY_TIMEOUT:-180}"
STOP_TIMEOUT=60
BURST="${STACK_TEST_BURST:-200}"
PLATFORM="${STACK_TEST_PLATFORM:-$ROOT/platform}"

EDGE_PORT=$((8443 + OFFSET))
PG_PORT=$((15432 + OFFSET))
SHORTS=(auth catalog import export)
APP_PORTS=($((8081 + OFFSET)) $((8082 + OFFSET)) $((8083 + OFFSET)) $((8084 + OFFSET)))
MGMT_PORTS=($((9081 + OFFSET)) $((9082 + OFFSET)) $((9083 + OFFSET)) $((9084 + OFFSET)))
ALL_PORTS=("$EDGE_PORT" "${APP_PORTS[@]}" "${MGMT_PORTS[@]}" "$PG_PORT")

BASE="https://localhost:$EDGE_PORT"
CACERT="$STATE_DIR/edge/tls/localhost.crt"
OUT="$STATE_DIR/platform-up.out"
WORK="$STATE_DIR/stack-test"

PASSED=0
FAILED=0
PLATFORM_PID=""
SUMMARY_DONE=0

ok() { PASSED=$((PASSED + 1)); echo "ok - $*"; }
not_ok() { FAILED=$((FAILED + 1)); echo "not ok - $*"; }
note() { echo "# $*"; }
# check DESCRIPTION COMMAND...: ok when the command succeeds.
check() {
  local description="$1"
  shift
  if "$@"; then ok "$description"; else not_ok "$description"; fi
}

summary() {
  ((SUMMARY_DONE)) && return
  SUMMARY_DONE=1
  echo "$PASSED passed, $FAILED failed"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

busy_ports() {
  local p taken=()
  for p in "${ALL_PORTS[@]}"; do
    if port_in_use "$p"; then taken+=("$p"); fi
  done
  echo "${taken[*]}"
}

# java, nginx or postgres processes whose command line names our state directory.
stray_processes() {
  ps -eo pid=,args= | awk -v dir="$STATE_DIR" -v self=$$ '
    index($0, dir) && $1 != self && /(java|nginx|postgres)/ && !/awk -v dir/ { print }'
}

# curl through the edge, verifying the generated certificate (no -k).
edge_curl() {
  curl -s --max-time 10 --cacert "$CACERT" --resolve "localhost:$EDGE_PORT:127.0.0.1" "$@"
}

show_logs() {
  local f
  note "--- end of ./platform up output ($OUT):"
  tail -n 30 "$OUT" 2>/dev/null | sed 's/^/#   /'
  for f in "$STATE_DIR"/logs/*.log; do
    [[ -s "$f" && "$f" != */edge-access.log ]] || continue
    note "--- end of $f:"
    tail -n 12 "$f" | sed 's/^/#   /'
  done
}

platform_running() { [[ -n "$PLATFORM_PID" ]] && kill -0 "$PLATFORM_PID" 2>/dev/null; }

# Always leaves nothing running, whatever failed: Ctrl-C first, then the whole process group.
cleanup() {
  local rc=$?
  if platform_running; then
    kill -INT "$PLATFORM_PID" 2>/dev/null
    local deadline=$((SECONDS + STOP_TIMEOUT))
    while platform_running && ((SECONDS < deadline)); do sleep 0.2; done
    if platform_running; then
      note "./platform up did not stop; killing its process group"
      kill -KILL -- "-$PLATFORM_PID" 2>/dev/null
    fi
  fi
  # The embedded PostgreSQL server runs in its own session (pg_ctl), outside that process group.
  local pidfile="$STATE_DIR/pgdata/postmaster.pid" pid
  if [[ -f "$pidfile" ]]; then
    pid="$(head -1 "$pidfile")"
    if [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" == *"$STATE_DIR"* ]]; then
      note "stopping the leftover PostgreSQL server (pid $pid)"
      kill -INT "$pid" 2>/dev/null
    fi
  fi
  if ((!SUMMARY_DONE)); then
    not_ok "stack test aborted"
    summary
    rc=1
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'note "interrupted"; exit 1' INT TERM

# ---------------------------------------------------------------------------------------------

for tool in curl openssl java ps awk; do
  command -v "$tool" >/dev/null || { not_ok "prerequisite $tool is installed"; summary; exit 1; }
done

mkdir -p "$(dirname "$STATE_DIR")"
# Building may take minutes and is not what is measured here; ./platform build is a no-op when fresh.
if [[ "${STACK_TEST_NO_BUILD:-}" == 1 ]]; then
  note "STACK_TEST_NO_BUILD=1: using the jars as they are"
elif "$PLATFORM" build >"$STATE_DIR.build.log" 2>&1; then
  ok "jars are built"
  rm -f "$STATE_DIR.build.log"
else
  not_ok "jars are built (see $STATE_DIR.build.log)"
  summary
  exit 1
fi

# Never take over or kill somebody else's processes: refuse to start when the ports are taken.
busy="$(busy_ports)"
stray="$(stray_processes)"
if [[ -n "$busy" || -n "$stray" ]]; then
  not_ok "ports and state directory are free (busy ports: ${busy:-none}; processes: ${stray:-none})"
  summary
  exit 1
fi
ok "ports ${ALL_PORTS[*]} are free"

rm -rf "$STATE_DIR"
mkdir -p "$STATE_DIR" "$WORK"

# Job control gives `./platform up` its own process group (so cleanup can reach all of it), and
# keeps SIGINT deliverable: without it, bash starts background jobs with SIGINT ignored. An ignore
# inherited from whoever started this test (a background job of a script, say) cannot be undone by
# bash itself, so perl resets SIGINT and SIGQUIT to their defaults and execs `./platform up` (same pid).
started_at=$SECONDS
set -m
PLATFORM_STATE_DIR="$STATE_DIR" PORT_OFFSET="$OFFSET" PLATFORM_READY_TIMEOUT="$READY_TIMEOUT" \
  perl -e '$SIG{INT} = $SIG{QUIT} = "DEFAULT"; exec @ARGV or die "exec: $!"' "$PLATFORM" up --reset --no-build \
  >"$OUT" 2>&1 </dev/null &
PLATFORM_PID=$!
set +m

deadline=$((SECONDS + READY_TIMEOUT))
while ! grep -q 'Press Ctrl-C to stop' "$OUT" 2>/dev/null; do
  if ! platform_running || ((SECONDS >= deadline)); then break; fi
  sleep 0.2
done
if grep -q 'Press Ctrl-C to stop' "$OUT"; then
  ok "./platform up is ready in $((SECONDS - started_at)) s"
else
  if platform_running; then
    not_ok "./platform up is ready within ${READY_TIMEOUT}s"
  else
    not_ok "./platform up is ready (it exited early)"
  fi
  show_logs
  summary
  exit 1
fi

check "the ready banner names the URL https://localhost:$EDGE_PORT/" grep -qF "https://localhost:$EDGE_PORT/" "$OUT"

# --- every service answers through the edge ---------------------------------------------------
for short in "${SHORTS[@]}"; do
  body="$(edge_curl -w '\n%{http_code}' "$BASE/api/$short/status")"
  code="${body##*$'\n'}"
  body="${body%$'\n'*}"
  if [[ "$code" == 200 ]] && grep -Eq '"status"[[:space:]]*:[[:space:]]*"UP"' <<<"$body" \
      && grep -Eq "\"service\"[[:space:]]*:[[:space:]]*\"$short-service\"" <<<"$body"; then
    ok "GET /api/$short/status through the edge: 200, $short-service UP"
  else
    not_ok "GET /api/$short/status through the edge: 200, $short-service UP (got $code: ${body:0:200})"
  fi
done

# --- the web app ------------------------------------------------------------------------------
read -r code ctype < <(edge_curl -o "$WORK/index.html" -w '%{http_code} %{content_type}\n' "$BASE/")
if [[ "$code" == 200 && "$ctype" == text/html* ]] && grep -qi '<html' "$WORK/index.html"; then
  ok "GET / serves the web app (text/html)"
else
  not_ok "GET / serves the web app (got $code $ctype)"
fi
read -r code ctype < <(edge_curl -o /dev/null -w '%{http_code} %{content_type}\n' "$BASE/suppliers/0001/rules")
check "a client-side route falls back to index.html (got $code $ctype)" \
  test "$code" == 200 -a "${ctype%%;*}" == text/html
# The certificate also names 127.0.0.1 (SAN IP), so clients may use the address directly.
code="$(curl -s --max-time 10 --cacert "$CACERT" -o /dev/null -w '%{http_code}' "https://127.0.0.1:$EDGE_PORT/")"
check "the edge certificate verifies for https://127.0.0.1:$EDGE_PORT/ (got $code)" test "$code" == 200

# --- errors are problem+json ------------------------------------------------------------------
read -r code ctype < <(edge_curl -o "$WORK/nope.json" -w '%{http_code} %{content_type}\n' "$BASE/api/catalog/nope")
check "GET /api/catalog/nope: 404 application/problem+json (got $code $ctype)" \
  test "$code" == 404 -a "${ctype%%;*}" == application/problem+json
read -r code ctype < <(edge_curl -o /dev/null -w '%{http_code} %{content_type}\n' "$BASE/api/no-such-service/x")
check "GET /api/no-such-service/x: 404 application/problem+json from the edge (got $code $ctype)" \
  test "$code" == 404 -a "${ctype%%;*}" == application/problem+json

# --- proxy headers: a sane request id is kept and echoed --------------------------------------
rid="$(edge_curl -o /dev/null -D - -H 'X-Request-Id: stack-test-4711' "$BASE/api/auth/status" \
  | tr -d '\r' | awk -F': ' 'tolower($1) == "x-request-id" { print $2 }')"
check "X-Request-Id is passed through and echoed (got '${rid}')" test "$rid" == stack-test-4711

# --- demo data (tools/demo/seed-demo.sh, run by ./platform up with the demo users) -------------
check "the start-up output says the demo data is loaded" grep -q 'demo data is loaded' "$OUT"
token="$(edge_curl -X POST -H 'Content-Type: application/json' \
  -d '{"username":"viewer","password":"demo-pass-2026"}' "$BASE/api/auth/login" \
  | grep -o '"accessToken":"[^"]*"' | cut -d'"' -f4)"
demo_get() { edge_curl -H "Authorization: Bearer $token" "$BASE$1"; }
suppliers="$(demo_get /api/catalog/suppliers)"
missing=""
for code in midori yamazaki hokkaido; do
  grep -q "\"code\":\"$code\"" <<<"$suppliers" || missing+=" $code"
done
check "the demo suppliers exist (missing:${missing:- none})" test -n "$token" -a -z "$missing"
committed="$(demo_get '/api/import/runs?status=committed' | grep -o '"status":"committed"' | wc -l)"
check "demo import runs are committed ($committed)" test "$committed" -ge 1
staged_dry="$(demo_get '/api/import/runs?status=staged' | grep -c '"dryRun":true')"
check "a demo dry run waits for approval" test "$staged_dry" -ge 1
avail="$(demo_get /api/catalog/availability/MD-0001)"
qty="$(grep -o '"totalQuantity":[0-9]*' <<<"$avail" | cut -d: -f2)"
check "availability of demo SKU MD-0001 has stock from midori (totalQuantity ${qty:-none})" \
  test "${qty:-0}" -gt 0 -a -n "$(grep -o '"supplierCode":"midori"' <<<"$avail")"
unmatched="$(demo_get /api/catalog/suppliers/midori/unmatched | grep -o '"supplierItemCode"' | wc -l)"
check "the unmatched list of midori is not empty ($unmatched)" test "$unmatched" -ge 1

# --- rate limiting: a burst from one client gets 429 problem+json -----------------------------
# Last, so that no other check runs into the limit.
burst_dir="$WORK/burst"
mkdir -p "$burst_dir"
edge_curl --parallel --parallel-max 50 --no-progress-meter -o "$burst_dir/r_#1" \
  -w '%{http_code} %{content_type} retry-after=%header{retry-after}\n' \
  "$BASE/api/catalog/status?n=[1-$BURST]" >"$burst_dir/codes.txt" 2>"$burst_dir/curl.err"
n200="$(grep -c '^200 ' "$burst_dir/codes.txt")"
n429="$(grep -c '^429 application/problem+json retry-after=[0-9]' "$burst_dir/codes.txt")"
nother="$(grep -vc '^200 \|^429 ' "$burst_dir/codes.txt")"
note "burst of $BURST concurrent requests: $n200 x 200, $n429 x 429, $nother other"
check "a burst of $BURST requests gets some 429 with application/problem+json and Retry-After" test "$n429" -gt 0
check "the same burst is partly served (200) and nothing else fails ($nother other answers)" \
  test "$n200" -gt 0 -a "$nother" -eq 0
if grep -qs '"code":"RATE_LIMITED"' "$burst_dir"/r_*; then
  ok "the 429 body carries code RATE_LIMITED"
else
  not_ok "the 429 body carries code RATE_LIMITED"
fi

# --- Ctrl-C stops everything ------------------------------------------------------------------
stop_started=$SECONDS
kill -INT "$PLATFORM_PID"
deadline=$((SECONDS + STOP_TIMEOUT))
while platform_running && ((SECONDS < deadline)); do sleep 0.1; done
if platform_running; then
  not_ok "./platform up stops within ${STOP_TIMEOUT}s of SIGINT"
else
  wait "$PLATFORM_PID"
  status=$?
  check "./platform up stops cleanly on SIGINT in $((SECONDS - stop_started)) s (exit status $status)" test "$status" -eq 0
fi
# A process may need a moment to release its port after its parent saw it exit.
for _ in $(seq 1 20); do
  [[ -z "$(busy_ports)" ]] && break
  sleep 0.25
done
busy="$(busy_ports)"
check "no port is left listening (busy: ${busy:-none})" test -z "$busy"
stray="$(stray_processes)"
check "no java/nginx/postgres process of this stack is left" test -z "$stray"
[[ -n "$stray" ]] && note "left: $stray"

((FAILED)) && show_logs
summary
((FAILED == 0))
