#!/usr/bin/env bash
# catalog-service benchmarks on this machine (not tests: nothing here can fail a build):
#  (a) mapping-rule application: rows per second on one core and on all cores, over N synthetic
#      Japanese supplier rows (RuleEngineBench, in-process, default 1,000,000);
#  (b) stock lookup by SKU (GET /api/catalog/availability/{sku}) with wrk on 127.0.0.1 only:
#      requests/s and p99, against catalog-service started here on its own database and ports,
#      stopped again at the end.
# Usage: bench/catalog-bench.sh [rows] [wrk-duration]      e.g. bench/catalog-bench.sh 1000000 30s
# Needs: the built module (./mvnw -pl services/catalog-service install), tools/local-postgres
# built, wrk (apt-get install wrk), openssl, psql.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS="${1:-1000000}"
DURATION="${2:-30s}"
PRODUCTS=20000
STATE="$ROOT/.local/bench-catalog"
PG_PORT=25432
HTTP_PORT=28082
MGMT_PORT=29082
MODULE="$ROOT/services/catalog-service"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[[ -f "$MODULE/target/quarkus-app/quarkus-run.jar" && -d "$MODULE/target/test-classes" ]] \
  || { echo "build first: ./mvnw -pl services/catalog-service install" >&2; exit 1; }
[[ -f "$ROOT/tools/local-postgres/target/local-postgres.jar" ]] \
  || { echo "build first: ./mvnw -pl tools/local-postgres package" >&2; exit 1; }

echo "== (a) rule application, $ROWS synthetic rows ($(nproc) cores)"
# The rule engine lives in mapping-rules (shared with import-service): its classes come with the app's libs.
java -Xmx1g -cp "$MODULE/target/classes:$MODULE/target/test-classes:$MODULE/target/quarkus-app/lib/main/*" \
  jp.systemgear.ec.catalog.bench.RuleEngineBench "$ROWS" 5

echo "== (b) stock lookup by SKU with wrk, $DURATION, loopback"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$STATE" && mkdir -p "$STATE"
# shellcheck source=bench/bench-lib.sh
source "$ROOT/bench/bench-lib.sh"

start_local_postgres "$STATE/pg" $PG_PORT "$STATE/pg.log"

# A key pair of its own and a viewer token signed with it (RS256), as auth-service would issue.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$STATE/key.pem" 2>/dev/null
openssl pkey -in "$STATE/key.pem" -pubout -out "$STATE/pub.pem"
b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
ISSUER="https://bench.local/auth"
NOW=$(date +%s)
HEADER=$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64)
PAYLOAD=$(printf '{"iss":"%s","aud":"system-gear-ec","sub":"bench","upn":"bench","groups":["viewer"],"iat":%d,"exp":%d,"jti":"bench-1"}' \
  "$ISSUER" "$NOW" $((NOW + 3600)) | b64)
SIG=$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -sign "$STATE/key.pem" -binary | b64)
TOKEN="$HEADER.$PAYLOAD.$SIG"

DB_HOST=127.0.0.1 DB_PORT=$PG_PORT DB_NAME=system_gear_ec HTTP_PORT=$HTTP_PORT MANAGEMENT_PORT=$MGMT_PORT \
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 JWT_ISSUER="$ISSUER" \
  AUTH_JWKS_URL="file://$STATE/pub.pem" LOG_LEVEL=WARN CACHE_TTL="${CACHE_TTL:-300}" \
  java ${BENCH_JAVA_OPTS:--Xmx256m} -jar "$MODULE/target/quarkus-app/quarkus-run.jar" >"$STATE/catalog.log" 2>&1 &
PIDS+=($!)
BASE="http://127.0.0.1:$HTTP_PORT/api/catalog"
for _ in $(seq 1 60); do curl -sf "$BASE/status" >/dev/null 2>&1 && break; sleep 1; done
curl -sf "$BASE/status" >/dev/null || { tail -30 "$STATE/catalog.log"; exit 1; }

# Data: PRODUCTS products, each stocked by 2 of 3 suppliers (seeded in SQL: this measures reads).
psql -q -h 127.0.0.1 -p $PG_PORT -U postgres system_gear_ec <<SQL
insert into catalog.supplier (code, name, priority) values ('B1', '山田卸', 10), ('B2', '加藤商事', 20), ('B3', 'ミドリ', 30);
insert into catalog.product (sku, name) select lpad(g::text, 8, '0'), 'ベンチ商品 ' || g from generate_series(1, $PRODUCTS) g;
insert into catalog.stock (product_id, supplier_id, quantity, unit_cost, run_id, import_date)
select p.id, s.id, (p.id * 7 + s.id) % 50, 100 + (p.id * 13 + s.id * 7) % 5000, 1, current_date
from catalog.product p join catalog.supplier s on (p.id + s.id) % 3 <> 0;
analyze;
SQL
curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/availability/00000001" >/dev/null \
  || { echo "lookup failed:"; curl -s -H "Authorization: Bearer $TOKEN" "$BASE/availability/00000001"; exit 1; }

cat >"$STATE/warm.lua" <<LUA
-- Every SKU in turn: fills the availability cache (CACHE_TTL) and warms the JIT; reported as the
-- uncached figure, since each of its requests reads PostgreSQL.
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/catalog/availability/" .. string.format("%08d", (i % $PRODUCTS) + 1),
    { ["Authorization"] = "Bearer $TOKEN" })
end
LUA
cat >"$STATE/lookup.lua" <<LUA
-- Random SKUs over all products, as shop front ends ask for them.
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/api/catalog/availability/" .. string.format("%08d", math.random(1, $PRODUCTS)),
    { ["Authorization"] = "Bearer $TOKEN" })
end
LUA
echo "-- warm-up: each of the $PRODUCTS SKUs once (cache misses: PostgreSQL reads)"
wrk -t1 -c16 -d"${WARM_DURATION:-20s}" --latency -s "$STATE/warm.lua" "http://127.0.0.1:$HTTP_PORT" \
  | grep -E "Requests/sec| 99%"
summary() { echo "$(grep 'Requests/sec' "$1" | awk '{print $2}') requests/s, p99 $(grep ' 99%' "$1" | awk '{print $2}')"; }
echo "-- measured: random SKUs, 64 connections (throughput)"
wrk -t2 -c64 -d"$DURATION" --latency -s "$STATE/lookup.lua" "http://127.0.0.1:$HTTP_PORT" | tee "$STATE/wrk64.txt"
echo "-- measured: random SKUs, 16 connections (latency)"
wrk -t2 -c16 -d"$DURATION" --latency -s "$STATE/lookup.lua" "http://127.0.0.1:$HTTP_PORT" | tee "$STATE/wrk16.txt"
echo "-- summary: 64 connections: $(summary "$STATE/wrk64.txt"); 16 connections: $(summary "$STATE/wrk16.txt")"
echo "   (target: >= 3000 requests/s, p99 <= 20ms; wrk, the service and PostgreSQL share $(nproc) cores;" \
  "load average before: $LOAD_BEFORE)"
