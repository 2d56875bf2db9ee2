#!/usr/bin/env bash
# Stock export throughput and memory on this machine (not a test: nothing here can fail a build).
#  (a) 1,000,000 stock rows (level=supplier: 500,000 products x 2 suppliers): the floor, PostgreSQL's own
#      `psql -c "\copy (select ... the export's query ...) to stdout"` of the same rows in the same
#      order, then a CSV and a JSON export through the API with curl on 127.0.0.1; rows/s and the
#      ratio to the floor (targets: CSV >= 0.5 x floor, JSON >= 0.33 x floor);
#  (b) 5,000,000 rows exported as CSV by an export-service started with -Xmx256m: peak heap (the
#      largest heap before a GC, and the largest after one, from its GC log) and peak RSS (VmHWM).
# PostgreSQL and export-service are started here on their own ports and database, loopback only, and
# stopped at the end. Usage: bench/export-bench.sh [rows] [large-rows]   (defaults 1000000 5000000)
# Needs: ./mvnw -pl services/export-service install (or package), ./mvnw -pl tools/local-postgres
# package, psql, curl, openssl.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS="${1:-1000000}"
LARGE="${2:-5000000}"
STATE="$ROOT/.local/bench-export"
PG_PORT=25442
HTTP_PORT=28084
MGMT_PORT=29084
MODULE="$ROOT/services/export-service"
JAR="$MODULE/target/quarkus-app/quarkus-run.jar"
MAX_TIME=900   # seconds: no single transfer may take longer

[[ -f "$JAR" ]] || { echo "build first: ./mvnw -pl services/export-service install" >&2; exit 1; }
[[ -f "$ROOT/tools/local-postgres/target/local-postgres.jar" ]] \
  || { echo "build first: ./mvnw -pl tools/local-postgres package" >&2; exit 1; }
(( ROWS % 2 == 0 && LARGE % 2 == 0 && LARGE >= ROWS )) || { echo "rows must be even, large-rows >= rows" >&2; exit 1; }

rm -rf "$STATE" && mkdir -p "$STATE"
# shellcheck source=bench/bench-lib.sh
source "$ROOT/bench/bench-lib.sh"

start_local_postgres "$STATE/pg" $PG_PORT "$STATE/pg.log"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p $PG_PORT -U postgres system_gear_ec)

# catalog's schema from catalog-service's own migrations (the views export-service reads).
"${PSQL[@]}" -c "create schema if not exists catalog"
for f in "$ROOT"/services/catalog-service/src/main/resources/db/migration/V*.sql; do
  "${PSQL[@]}" -c "set search_path = catalog" -f "$f"
done

# products 1..n, each stocked by both suppliers (seeded in SQL: this measures reads).
load() {
  "${PSQL[@]}" <<SQL
insert into catalog.product (sku, jan, name)
select lpad(g::text, 9, '0'), case when g % 3 = 0 then lpad((4900000000000 + g)::text, 13, '0') end,
       'ベンチ商品 ' || g || ' 黒/L'
  from generate_series($1, $2) g;
insert into catalog.stock (product_id, supplier_id, quantity, unit_cost, run_id, import_date)
select p.id, s.id, (p.id * 7 + s.id) % 50, 100 + (p.id * 13 + s.id * 7) % 5000 + 0.5, 1, date '2026-11-28'
  from catalog.product p cross join catalog.supplier s
 where p.sku between lpad($1::text, 9, '0') and lpad($2::text, 9, '0');
analyze catalog.product; analyze catalog.stock;
SQL
}
"${PSQL[@]}" -c "insert into catalog.supplier (code, name) values ('B1', '山田卸'), ('B2', '加藤商事')"
echo "== loading $ROWS stock rows ($((ROWS / 2)) products x 2 suppliers)"
load 1 $((ROWS / 2))

# A key pair of its own and a viewer token signed with it (RS256), as auth-service would issue.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$STATE/key.pem" 2>/dev/null
openssl pkey -in "$STATE/key.pem" -pubout -out "$STATE/pub.pem"
b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
ISSUER="https://bench.local/auth"
NOW=$(date +%s)
HEADER=$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64)
PAYLOAD=$(printf '{"iss":"%s","aud":"system-gear-ec","sub":"bench","upn":"bench","groups":["viewer"],"iat":%d,"exp":%d,"jti":"bench-1"}' \
  "$ISSUER" "$NOW" $((NOW + 7200)) | b64)
SIG=$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -sign "$STATE/key.pem" -binary | b64)
TOKEN="$HEADER.$PAYLOAD.$SIG"
BASE="http://127.0.0.1:$HTTP_PORT/api/export"

SERVICE_PID=""
start_service() { # $1: name of the run (log files)
  DB_HOST=127.0.0.1 DB_PORT=$PG_PORT DB_NAME=system_gear_ec HTTP_PORT=$HTTP_PORT MANAGEMENT_PORT=$MGMT_PORT \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 JWT_ISSUER="$ISSUER" \
    AUTH_JWKS_URL="file://$STATE/pub.pem" LOG_LEVEL=INFO EXPORT_DIR="$STATE/files" \
    java ${BENCH_JAVA_OPTS:--Xmx256m} -Xlog:gc:file="$STATE/gc-$1.log" -jar "$JAR" >"$STATE/export-$1.log" 2>&1 &
  SERVICE_PID=$!
  PIDS+=($SERVICE_PID)
  for _ in $(seq 1 60); do curl -sf "$BASE/status" >/dev/null 2>&1 && break; sleep 1; done
  curl -sf "$BASE/status" >/dev/null || { tail -30 "$STATE/export-$1.log"; exit 1; }
}
stop_service() { kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; }

QUERY="select sku, jan, product_name, supplier_code, supplier_active, quantity, unit_cost, discontinued, import_date, updated_at
  from catalog.stock_export_v1 order by sku collate \"C\", supplier_code collate \"C\""
floor() { # prints seconds for psql's \copy of the export's rows (the client reads and discards them)
  local t0 t1
  t0=$(date +%s.%N)
  "${PSQL[@]}" -c "\\copy ($QUERY) to stdout with (format csv)" >/dev/null
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}
api() { # $1 format: prints "seconds bytes" of the export through the API (no gzip: loopback)
  curl -sS --max-time $MAX_TIME -o /dev/null -H "Authorization: Bearer $TOKEN" -H "Accept-Encoding: identity" \
    -w '%{time_total} %{size_download} %{http_code}\n' "$BASE/stock?level=supplier&format=$1"
}
rate() { echo "$1 / $2" | bc -l | xargs printf '%.0f'; }

echo "== (a) $ROWS rows: floor vs API ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
start_service a
api csv >/dev/null   # warm-up: JIT, pool, PostgreSQL cache
api json >/dev/null
FLOOR=$(floor); FLOOR2=$(floor); FLOOR=$(echo "if ($FLOOR2 < $FLOOR) $FLOOR2 else $FLOOR" | bc -l)
read -r CSV_T CSV_B CSV_S < <(api csv); read -r CSV_T2 CSV_B2 _ < <(api csv)
read -r JSON_T JSON_B JSON_S < <(api json); read -r JSON_T2 _ _ < <(api json)
CSV_T=$(echo "if ($CSV_T2 < $CSV_T) $CSV_T2 else $CSV_T" | bc -l)
JSON_T=$(echo "if ($JSON_T2 < $JSON_T) $JSON_T2 else $JSON_T" | bc -l)
[[ "$CSV_S" == 200 && "$JSON_S" == 200 ]] || { echo "export failed: $CSV_S $JSON_S"; tail -20 "$STATE/export-a.log"; exit 1; }
FLOOR_RATE=$(rate "$ROWS" "$FLOOR"); CSV_RATE=$(rate "$ROWS" "$CSV_T"); JSON_RATE=$(rate "$ROWS" "$JSON_T")
printf '   floor (psql \\copy)  %8.2f s  %9d rows/s\n' "$FLOOR" "$FLOOR_RATE"
printf '   CSV  via the API     %8.2f s  %9d rows/s  %5.2f x floor (target >= 0.50)  %d bytes\n' \
  "$CSV_T" "$CSV_RATE" "$(echo "$CSV_RATE / $FLOOR_RATE" | bc -l)" "$CSV_B"
printf '   JSON via the API     %8.2f s  %9d rows/s  %5.2f x floor (target >= 0.33)  %d bytes\n' \
  "$JSON_T" "$JSON_RATE" "$(echo "$JSON_RATE / $FLOOR_RATE" | bc -l)" "$JSON_B"
stop_service

echo "== (b) $LARGE rows as CSV under ${BENCH_JAVA_OPTS:--Xmx256m}"
load $((ROWS / 2 + 1)) $((LARGE / 2))
start_service b
read -r BIG_T BIG_B BIG_S < <(api csv)
HWM=$(awk '/VmHWM/ {print $2}' "/proc/$SERVICE_PID/status")
[[ "$BIG_S" == 200 ]] || { echo "export failed: $BIG_S"; tail -20 "$STATE/export-b.log"; exit 1; }
# "GC(n) Pause Young ... 180M->12M(256M)": before -> after (heap size); the largest of each over the run.
read -r BEFORE AFTER < <(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$STATE/gc-b.log" \
  | sed -E 's/([0-9]+)M->([0-9]+)M.*/\1 \2/' | awk '$1>b{b=$1} $2>a{a=$2} END{print b+0, a+0}')
printf '   %d rows in %.2f s (%d rows/s), %d bytes\n' "$LARGE" "$BIG_T" "$(rate "$LARGE" "$BIG_T")" "$BIG_B"
echo "   peak heap: ${BEFORE} MB before a GC, ${AFTER} MB live after one (max heap 256 MB); peak RSS $((HWM / 1024)) MB"
grep -c "Pause" "$STATE/gc-b.log" | xargs printf '   %d GC pauses\n'
grep -h "Exported" "$STATE/export-b.log" | tail -1 | sed 's/^/   service log: /'
stop_service
