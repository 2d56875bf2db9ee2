#!/usr/bin/env bash
# import-service benchmark on this machine (not a test: nothing here can fail a build). Issue #5:
#   a ROWS-row Windows-31J supplier CSV (tools/sample-data), from upload accepted to committed, through
#   the real services (auth, catalog, import on their own ports and their own embedded PostgreSQL),
#   against the floor measured in the same run on the same rows: psql \copy (UTF-8) into an unindexed
#   table plus one INSERT ... SELECT ... ON CONFLICT DO UPDATE into a table keyed by product and supplier.
#   Then the same values again in a new file (re-import: nothing changes), against the same floor.
#   Prints wall time, rows/s, the ratio to the floor, phase timings, and import-service's peak RSS and
#   peak heap (sampled from its metrics). Targets: <= 1.5x the floor; re-import <= 1.2x; -Xmx256m.
# Usage: bench/import-bench.sh [rows]      e.g. bench/import-bench.sh 1000000
#   BENCH_EXPLAIN=500ms bench/import-bench.sh   also logs the plan of every slower statement (.local/bench-import/pg.log)
# Needs: the services and tools built (./mvnw -B -ntp install -DskipTests), psql, iconv, curl, openssl.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS="${1:-1000000}"
STATE="$ROOT/.local/bench-import"
PG_PORT=25433
declare -A PORT=([auth]=38081 [catalog]=38082 [import]=38083)
declare -A MGMT=([auth]=39081 [catalog]=39082 [import]=39083)
IMPORT_HEAP="${IMPORT_HEAP:--Xmx256m}"
SUPPLIER=BENCH01

for tool in psql iconv curl openssl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done
for svc in auth catalog import; do
  [[ -f "$ROOT/services/$svc-service/target/quarkus-app/quarkus-run.jar" ]] \
    || { echo "build first: ./mvnw -B -ntp install -DskipTests" >&2; exit 1; }
done
[[ -f "$ROOT/tools/local-postgres/target/local-postgres.jar" && -f "$ROOT/tools/sample-data/target/sample-data.jar" ]] \
  || { echo "build first: ./mvnw -B -ntp install -DskipTests" >&2; exit 1; }

rm -rf "$STATE" && mkdir -p "$STATE"/{upload,input,processed,error}
# shellcheck source=bench/bench-lib.sh
source "$ROOT/bench/bench-lib.sh"
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
PSQL=(psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p $PG_PORT -U postgres system_gear_ec)

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
start_local_postgres "$STATE/pg" $PG_PORT "$STATE/pg.log"
# A server configured for bulk loads, for the floor and the import alike: the default max_wal_size (1GB)
# checkpoints every few seconds while a million rows are written, and every page touched after a
# checkpoint is written to the WAL whole again.
"${PSQL[@]}" -c "alter system set max_wal_size = '${BENCH_MAX_WAL_SIZE:-8GB}'" -c "select pg_reload_conf()" >/dev/null
if [[ -n "${BENCH_EXPLAIN:-}" ]]; then
  # Diagnosis: every statement over BENCH_EXPLAIN (e.g. 500ms) logs its plan with row counts to pg.log.
  "${PSQL[@]}" -c "load 'auto_explain'" -c "alter system set session_preload_libraries = 'auto_explain'" \
    -c "alter system set auto_explain.log_min_duration = '$BENCH_EXPLAIN'" -c "alter system set auto_explain.log_analyze = on" \
    -c "alter system set auto_explain.log_timing = off" -c "alter system set auto_explain.log_nested_statements = on" \
    -c "select pg_reload_conf()" >/dev/null
fi

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$STATE/jwt.pem" 2>/dev/null
SECRET="$(openssl rand -hex 24)"
ADMIN_PASSWORD="Pw-$(openssl rand -hex 10)"
start() {
  local svc="$1" heap="$2"; shift 2
  env DB_HOST=127.0.0.1 DB_PORT=$PG_PORT DB_NAME=system_gear_ec HTTP_PORT="${PORT[$svc]}" MANAGEMENT_PORT="${MGMT[$svc]}" \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 LOG_LEVEL=INFO \
    AUTH_JWKS_URL="http://127.0.0.1:${PORT[auth]}/api/auth/jwks" "$@" \
    java "$heap" -jar "$ROOT/services/$svc-service/target/quarkus-app/quarkus-run.jar" >"$STATE/$svc.log" 2>&1 &
  PIDS+=($!)
  eval "PID_$svc=$!"
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:${MGMT[$svc]}/q/health/ready" >/dev/null 2>&1 && return 0; sleep 1; done
  tail -30 "$STATE/$svc.log"; exit 1
}
start auth -Xmx256m JWT_PRIVATE_KEY_FILE="$STATE/jwt.pem" AUTH_ADMIN_USERNAME=benchadmin AUTH_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  AUTH_INTERNAL_CLIENT_SECRET="$SECRET"
start catalog -Xmx512m
start import "$IMPORT_HEAP" IMPORT_CLIENT_SECRET="$SECRET" AUTH_URL="http://127.0.0.1:${PORT[auth]}/api/auth" \
  CATALOG_URL="http://127.0.0.1:${PORT[catalog]}/api/catalog" UPLOAD_DIR="$STATE/upload" INPUT_DIR="$STATE/input" \
  PROCESSED_DIR="$STATE/processed" ERROR_DIR="$STATE/error" IMPORT_POLL_INTERVAL=0.2s

TOKEN=$(curl -sf -H 'Content-Type: application/json' \
  -d "{\"username\":\"benchadmin\",\"password\":\"$ADMIN_PASSWORD\"}" "http://127.0.0.1:${PORT[auth]}/api/auth/login" \
  | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
api() { curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }
api -d '{"code":"'$SUPPLIER'","name":"ベンチ卸","missingItemsPolicy":"KEEP",
  "guard":{"minRows":1,"maxRowDropPercent":100,"maxZeroStockPercent":100,"maxCostChangePercent":1000},
  "profile":{"format":"CSV","encoding":"Shift_JIS","headerRows":1,"thousandsSeparator":",",
    "columns":{"code":{"header":"商品コード"},"jan":{"header":"JANコード"},"name":{"header":"商品名"},
               "stock":{"header":"在庫"},"cost":{"header":"単価"}}}}' \
  "http://127.0.0.1:${PORT[catalog]}/api/catalog/suppliers" >/dev/null
api -X PUT -d '{"rules":[{"name":"全品","match":{"type":"PREFIX","prefix":"0","skuTemplate":"SG-{code}"}}]}' \
  "http://127.0.0.1:${PORT[catalog]}/api/catalog/suppliers/$SUPPLIER/rules" >/dev/null
"${PSQL[@]}" -c "insert into catalog.product (sku, name) select 'SG-' || lpad(g::text, 8, '0'), 'ベンチ商品 ' || g
  from generate_series(1, $ROWS) g; analyze catalog.product;"

echo "== data: $ROWS rows, Windows-31J CSV (tools/sample-data)"
java -cp "$ROOT/tools/sample-data/target/sample-data.jar:$ROOT/tools/sample-data/target/lib/*" \
  jp.systemgear.ec.tools.sampledata.SampleData --format csv --rows "$ROWS" --seed 7 --out "$STATE/data.csv" >/dev/null
cp "$STATE/data.csv" "$STATE/data-again.csv" && printf '\r\n' >>"$STATE/data-again.csv" # same values, new file
iconv -f CP932 -t UTF-8 "$STATE/data.csv" >"$STATE/data-utf8.csv"
echo "   $(du -h "$STATE/data.csv" | cut -f1) on disk"

# floor TABLE MODE: the floor's wall time. TABLE "plain": \copy into an ordinary unindexed table, as the
# issue says (the staging table is an ordinary one too); "unlogged": the same into an unlogged one, a
# stricter floor printed for reference. MODE "first": into an empty keyed table (every row inserted);
# "again": into the table as the first floor left it (every row conflicts and is updated).
floor() {
  local kind="" t0 t1
  [[ "$1" == unlogged ]] && kind=unlogged
  [[ "$2" == first ]] && "${PSQL[@]}" -c "drop table if exists bench_stock"
  "${PSQL[@]}" -c "drop table if exists bench_raw; create $kind table bench_raw (code text, jan text, name text,
    stock text, cost text, pack text);
    create table if not exists bench_stock (product_id bigint, supplier_id bigint, quantity integer, unit_cost numeric(15,4),
    primary key (product_id, supplier_id));" 2>/dev/null
  "${PSQL[@]}" -c "checkpoint"
  t0=$(now)
  "${PSQL[@]}" -c "\\copy bench_raw from '$STATE/data-utf8.csv' with (format csv, header true)"
  "${PSQL[@]}" -c "insert into bench_stock (product_id, supplier_id, quantity, unit_cost)
    select p.id, 1, case r.stock when '○' then 10 when '△' then 3 when '×' then 0 when '' then 0 when '10+' then 10
                         else r.stock::int end, replace(r.cost, ',', '')::numeric
      from bench_raw r join catalog.product p on p.sku = 'SG-' || r.code
    on conflict (product_id, supplier_id) do update set quantity = excluded.quantity, unit_cost = excluded.unit_cost"
  t1=$(now)
  secs "$t0" "$t1"
}

heap_peak=0
sample_heap() {
  local used
  used=$(curl -s "http://127.0.0.1:${MGMT[import]}/q/metrics" | awk '/^jvm_memory_used_bytes/ && /area="heap"/ { s += $NF } END { printf "%d", s }')
  ((used > heap_peak)) && heap_peak=$used
  return 0
}

import_file() {
  local file="$1" t0 t1 t2 body id status
  t0=$(now)
  body=$(curl -sf -H "Authorization: Bearer $TOKEN" -F "file=@$file;type=text/csv" \
    "http://127.0.0.1:${PORT[import]}/api/import/suppliers/$SUPPLIER/files")
  t1=$(now)
  id=$(sed -E 's/.*"id":([0-9]+).*/\1/' <<<"$body")
  while true; do
    sample_heap
    # The run's own status is the first "status" (catalog's apply record has one too).
    status=$(api "http://127.0.0.1:${PORT[import]}/api/import/runs/$id" | grep -o '"status":"[a-z_]*"' | head -1 | cut -d'"' -f4)
    [[ "$status" == committed || "$status" == failed || "$status" == held ]] && break
    sleep 0.2
  done
  t2=$(now)
  [[ "$status" == committed ]] || { echo "run $id ended $status:"; api "http://127.0.0.1:${PORT[import]}/api/import/runs/$id"; exit 1; }
  RUN_JSON=$(api "http://127.0.0.1:${PORT[import]}/api/import/runs/$id")
  UPLOAD_SECS=$(secs "$t0" "$t1")
  RUN_SECS=$(secs "$t1" "$t2")
}

report() {
  local label="$1" run="$2" floor="$3"
  awk -v l="$label" -v r="$run" -v f="$floor" -v n="$ROWS" 'BEGIN {
    printf "%-34s %8.2f s  %10.0f rows/s   floor %6.2f s (%9.0f rows/s)   ratio %.2f\n", l, r, n / r, f, n / f, r / f }'
  echo "   phases (ms): $(grep -o '"phaseMillis":{[^}]*}' <<<"$RUN_JSON")  applied: $(grep -o '"rows\(Changed\|Unchanged\)":[0-9]*' <<<"$RUN_JSON" | tr '\n' ' ')"
  echo "   floor into an unlogged table instead: ${4} s (ratio $(awk -v r="$run" -v f="$4" 'BEGIN { printf "%.2f", r / f }'))"
  echo "   upload itself: ${UPLOAD_SECS} s (not counted: the clock starts when the upload is accepted)"
}

echo "== first import (every row new)"
FLOOR1U=$(floor unlogged first)
FLOOR1=$(floor plain first)
"${PSQL[@]}" -c "checkpoint"
import_file "$STATE/data.csv"
report "import, upload accepted->committed" "$RUN_SECS" "$FLOOR1" "$FLOOR1U"
echo "== re-import: the same values in a new file"
FLOOR2U=$(floor unlogged again)
FLOOR2=$(floor plain again)
"${PSQL[@]}" -c "checkpoint"
import_file "$STATE/data-again.csv"
report "re-import, accepted->committed" "$RUN_SECS" "$FLOOR2" "$FLOOR2U"

RSS_KB=$(awk '/VmHWM/ { print $2 }' "/proc/$PID_import/status")
echo "== import-service ($IMPORT_HEAP): peak RSS $((RSS_KB / 1024)) MiB, peak heap used $((heap_peak / 1024 / 1024)) MiB (sampled every 0.2 s)"
echo "   targets: import <= 1.5x floor, re-import <= 1.2x floor; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
