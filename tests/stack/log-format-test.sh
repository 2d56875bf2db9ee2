#!/usr/bin/env bash
# The log lines the runbook greps: readable "yyyy-MM-dd HH:mm:ss.SSS [LEVEL] ..." by default, one JSON
# object per line with LOG_JSON=true. Starts a built service jar against a database port where
# nothing listens, so it logs an [ERROR] and exits (twice: text, then JSON); bounded; loopback only.
# Prints "ok - ..." per check and "N passed, M failed".
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="$ROOT/services/export-service/target/quarkus-app/quarkus-run.jar"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
PASSED=0
FAILED=0
ok() { PASSED=$((PASSED + 1)); echo "ok - $*"; }
not_ok() { FAILED=$((FAILED + 1)); echo "not ok - $*"; }

if [[ ! -f "$JAR" ]]; then
  not_ok "export-service is built ($JAR)"
  echo "$PASSED passed, $FAILED failed"
  exit 1
fi

# A port nobody listens on: the service fails its start-up migration and says so at ERROR level.
run_service() {
  env DB_HOST=127.0.0.1 DB_PORT=1 HTTP_PORT=0 MANAGEMENT_PORT=0 QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_MANAGEMENT_HOST=127.0.0.1 AUTH_JWKS_URL=http://127.0.0.1:1/jwks "$@" \
    timeout 90 java -Xmx128m -jar "$JAR" >"$WORK/out.log" 2>&1
}

run_service
if grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3} \[ERROR\] \[[a-z.A-Z]+\] \(main\) ' "$WORK/out.log"; then
  ok "a failed start is logged as 'yyyy-MM-dd HH:mm:ss.SSS [ERROR] [category] (thread) ...', as the runbook greps"
else
  not_ok "a failed start is logged as 'yyyy-MM-dd HH:mm:ss.SSS [ERROR] ...' ($(head -c 400 "$WORK/out.log"))"
fi
if grep -q '^{' "$WORK/out.log"; then
  not_ok "the default format is not JSON"
else
  ok "the default format is not JSON"
fi

run_service LOG_JSON=true
json_lines="$(grep -c '^{' "$WORK/out.log" || true)"
if ((json_lines > 0)) && python3 - "$WORK/out.log" <<'PY'
import json, sys
levels = set()
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("{"):
        levels.add(json.loads(line)["level"])
sys.exit(0 if "ERROR" in levels else 1)
PY
then
  ok "LOG_JSON=true writes one JSON object per line ($json_lines lines, the failure at level ERROR)"
else
  not_ok "LOG_JSON=true writes one JSON object per line ($(head -c 300 "$WORK/out.log"))"
fi

echo "$PASSED passed, $FAILED failed"
((FAILED == 0))
