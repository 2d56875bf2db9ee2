#!/usr/bin/env bash
# tools/demo/seed-demo.sh — fills a freshly started local stack with demo data, through the public
# APIs only, as an operator would: three suppliers (Windows-31J CSV by header, UTF-8 TSV by position
# with a drop folder, fixed-width Windows-31J by byte ranges), their mapping rules, and import runs
# through import-service's pipeline: one committed run per supplier, which also creates the products
# its rules produce (upload option createProducts: ~2,700, with the files' JANs and names), a second
# smaller file for one supplier (history, a diff, missing items zeroed), a dry run left waiting for
# approval, and a few supplier codes no rule matches (the unmatched list).
#
# `./platform up` calls it once the services are ready, only when AUTH_DEMO_USERS=true (the demo
# admin must exist). Idempotent: does nothing when the catalog already has suppliers
# (`./platform up --reset` starts over). Talks to the services' own ports, not the edge, so that
# the edge's rate limit does not slow the polling of the runs down.
#
# Environment (all optional):
#   PORT_OFFSET        as for ./platform (default 0): auth 8081, catalog 8082, import 8083 + offset
#   AUTH_PORT, CATALOG_PORT, IMPORT_PORT   the services' ports (override the offset)
#   DEMO_USER, DEMO_PASSWORD               the login (default admin / demo-pass-2026)
#   DEMO_RUN_TIMEOUT   seconds to wait for the import runs (default 120)
#   DEMO_INPUT_DIR     import-service's INPUT_DIR: the drop folder of yamazaki is created in it
# Exit status: 0 loaded or skipped (prints "DEMO_SEED skipped" / "DEMO_SEED loaded"), non-zero on failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT_OFFSET="${PORT_OFFSET:-0}"
AUTH_API="http://127.0.0.1:${AUTH_PORT:-$((8081 + PORT_OFFSET))}/api/auth"
CATALOG_API="http://127.0.0.1:${CATALOG_PORT:-$((8082 + PORT_OFFSET))}/api/catalog"
IMPORT_API="http://127.0.0.1:${IMPORT_PORT:-$((8083 + PORT_OFFSET))}/api/import"
DEMO_USER="${DEMO_USER:-admin}"
DEMO_PASSWORD="${DEMO_PASSWORD:-demo-pass-2026}"
RUN_TIMEOUT="${DEMO_RUN_TIMEOUT:-120}"
SAMPLE_CP="$ROOT/tools/sample-data/target/sample-data.jar:$ROOT/tools/sample-data/target/lib/*"
SAMPLE_MAIN="jp.systemgear.ec.tools.sampledata.SampleData"

log() { printf '[demo] %s\n' "$*"; }
die() { printf '[demo] [ERROR] %s\n' "$*" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/demo-seed.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
started=$SECONDS

# --- HTTP helpers -----------------------------------------------------------------------------

TOKEN=""
# api METHOD URL [curl args...]: prints the body; fails (with the body) unless the status is 2xx.
api() {
  local method="$1" url="$2" out="$WORK/response" code auth=()
  shift 2
  [[ -z "$TOKEN" ]] || auth=(-H "Authorization: Bearer $TOKEN")
  code="$(curl -sS --max-time 60 -o "$out" -w '%{http_code}' -X "$method" "${auth[@]}" "$@" "$url")" \
    || die "$method $url: no answer"
  if [[ "$code" != 2* ]]; then
    die "$method $url: HTTP $code: $(head -c 600 "$out")"
  fi
  cat "$out"
}
api_json() {
  local method="$1" url="$2" body="$3"
  api "$method" "$url" -H 'Content-Type: application/json' --data-binary "$body"
}
# json_field NAME: the first string or number value of "NAME" in the JSON on stdin (flat values only).
json_field() {
  grep -o "\"$1\"[[:space:]]*:[[:space:]]*\(\"[^\"]*\"\|[-0-9.]*\)" | head -1 \
    | sed -e 's/^"[^"]*"[[:space:]]*:[[:space:]]*//' -e 's/^"//' -e 's/"$//'
}

# --- log in; skip when there is data already -------------------------------------------------

[[ -f "$ROOT/tools/sample-data/target/sample-data.jar" ]] \
  || die "tools/sample-data/target/sample-data.jar is missing; build it: ./mvnw -B -ntp -DskipTests -pl tools/sample-data -am package"

TOKEN="$(api_json POST "$AUTH_API/login" \
  "{\"username\":\"$DEMO_USER\",\"password\":\"$DEMO_PASSWORD\"}" | json_field accessToken)"
[[ -n "$TOKEN" ]] || die "the login as $DEMO_USER returned no access token"

suppliers="$(api GET "$CATALOG_API/suppliers")"
if grep -q '"code"' <<<"$suppliers"; then
  log "the catalog already has suppliers: no demo data added (./platform up --reset starts over)"
  echo "DEMO_SEED skipped"
  exit 0
fi

# --- supplier files (tools/sample-data: deterministic, realistic) -------------------------------
# Columns 商品コード,JANコード,商品名,在庫,単価,入数; codes 00000001.. (8 digits); JANs 49/45 + index.

sample() { java -Xmx256m -cp "$SAMPLE_CP" "$SAMPLE_MAIN" "$@" >/dev/null; }

MIDORI_ROWS=1212   # codes 00001200..00001212 match no rule: the unmatched list
YAMAZAKI_ROWS=900
YAMAZAKI_ROWS_2=850
HOKKAIDO_ROWS=600
sample --format csv --rows "$MIDORI_ROWS" --seed 101 --out "$WORK/midori.csv" &
sample --format tsv --rows "$YAMAZAKI_ROWS" --seed 202 --out "$WORK/yamazaki.tsv" &
sample --format fixed --rows "$HOKKAIDO_ROWS" --seed 303 --out "$WORK/hokkaido.dat" &
for job in $(jobs -p); do wait "$job" || die "tools/sample-data could not write the demo files"; done

# The generator's JANs are 49/45 + the line number, the same for every supplier; give each supplier
# its own 5-digit maker code (JAN = prefix 2 + maker 5 + item 5 + check digit), so that products
# of different suppliers do not share JANs. Byte-wise (LC_ALL=C): Windows-31J never has ',' or a
# tab as a second byte, and the fields before the cost are never quoted.
JAN_AWK='function jan(old, maker,   d, i, sum) {
    d = substr(old, 1, 2) maker substr(old, 8, 5)
    sum = 0
    for (i = 1; i <= 12; i++) sum += (i % 2 ? 1 : 3) * substr(d, i, 1)
    return d ((10 - sum % 10) % 10)
  }'
rejan_delimited() {  # FILE SEPARATOR MAKER
  LC_ALL=C awk -F "$2" -v OFS="$2" -v maker="$3" "$JAN_AWK"' NR > 1 { $2 = jan($2, maker) } { print }' \
    "$1" >"$1.tmp" && mv "$1.tmp" "$1"
}
rejan_delimited "$WORK/midori.csv" , 45012
rejan_delimited "$WORK/yamazaki.tsv" $'\t' 23456
LC_ALL=C awk -v maker=78901 "$JAN_AWK"' { $0 = substr($0, 1, 8) jan(substr($0, 9, 13), maker) substr($0, 22) } { print }' \
  "$WORK/hokkaido.dat" >"$WORK/hokkaido.dat.tmp" && mv "$WORK/hokkaido.dat.tmp" "$WORK/hokkaido.dat"

# yamazaki's second delivery: the first 850 lines of the same list (the last 50 items are gone:
# policy ZERO), new stock for every 9th item, costs up 3 % for every 25th.
head -n $((YAMAZAKI_ROWS_2 + 1)) "$WORK/yamazaki.tsv" | LC_ALL=C awk -F '\t' -v OFS='\t' '
  NR > 1 && (NR - 1) % 9 == 0 { $4 = ((NR * 37) % 240) + 5 }
  NR > 1 && (NR - 1) % 25 == 0 { c = $5; gsub(",", "", c); $5 = int(c * 1.03) }
  { print }' >"$WORK/yamazaki-2.tsv"
# hokkaido's next delivery, uploaded as a dry run: stock (bytes 62-66) changes for every 6th line.
LC_ALL=C awk '
  NR % 6 == 0 { $0 = substr($0, 1, 61) sprintf("%-5d", (NR * 13) % 150) substr($0, 67) }
  { print }' "$WORK/hokkaido.dat" >"$WORK/hokkaido-2.dat"

# --- suppliers ------------------------------------------------------------------------------------

log "creating 3 suppliers"
api_json POST "$CATALOG_API/suppliers" '{
  "code": "midori", "name": "ミドリ商事株式会社", "active": true, "priority": 10,
  "contactName": "営業部 佐藤 一郎", "contactEmail": "sato@midori-shoji.example.jp",
  "profile": {"format": "CSV", "encoding": "Windows-31J", "delimiter": ",", "quote": "\"",
    "headerRows": 1, "skipRows": 0, "decimalSeparator": ".", "thousandsSeparator": ",",
    "columns": {"code": {"header": "商品コード"}, "jan": {"header": "JANコード"}, "name": {"header": "商品名"},
      "stock": {"header": "在庫"}, "cost": {"header": "単価"}},
    "stockSymbols": {"○": 10, "△": 3, "×": 0, "10+": 10, "": 0}},
  "source": {"type": "UPLOAD"},
  "guard": {"minRows": 100, "maxRowDropPercent": 30, "maxZeroStockPercent": 50, "maxCostChangePercent": 50},
  "missingItemsPolicy": "KEEP"}' >/dev/null
api_json POST "$CATALOG_API/suppliers" '{
  "code": "yamazaki", "name": "株式会社山﨑製作所", "active": true, "priority": 20,
  "contactName": "山﨑 花子", "contactEmail": "hanako@yamazaki-ss.example.jp",
  "profile": {"format": "TSV", "encoding": "UTF-8", "headerRows": 1, "skipRows": 0,
    "decimalSeparator": ".", "thousandsSeparator": ",",
    "columns": {"code": {"position": 1}, "jan": {"position": 2}, "name": {"position": 3},
      "stock": {"position": 4}, "cost": {"position": 5}},
    "stockSymbols": {"○": 20, "△": 5, "×": 0, "10+": 10, "": 0}},
  "source": {"type": "DROP_FOLDER", "folder": "yamazaki", "filePattern": "*.tsv"},
  "guard": {"minRows": 50, "maxRowDropPercent": 20, "maxZeroStockPercent": 40, "maxCostChangePercent": 30},
  "missingItemsPolicy": "ZERO"}' >/dev/null
api_json POST "$CATALOG_API/suppliers" '{
  "code": "hokkaido", "name": "北海道乳業株式会社", "active": true, "priority": 30,
  "contactName": "受注センター", "contactEmail": "order@hokkaido-nyugyo.example.jp",
  "profile": {"format": "FIXED_WIDTH", "encoding": "Windows-31J", "headerRows": 0, "skipRows": 0,
    "decimalSeparator": ".", "thousandsSeparator": "",
    "columns": {"code": {"startByte": 1, "endByte": 8}, "jan": {"startByte": 9, "endByte": 21},
      "name": {"startByte": 22, "endByte": 61}, "stock": {"startByte": 62, "endByte": 66},
      "cost": {"startByte": 67, "endByte": 75}},
    "stockSymbols": {"○": 10, "△": 2, "×": 0, "10+": 10, "": 0}},
  "source": {"type": "UPLOAD"},
  "guard": {"minRows": 100, "maxRowDropPercent": 30, "maxZeroStockPercent": 50, "maxCostChangePercent": 50},
  "missingItemsPolicy": "DISCONTINUE"}' >/dev/null

if [[ -n "${DEMO_INPUT_DIR:-}" ]]; then mkdir -p "$DEMO_INPUT_DIR/yamazaki"; fi

# --- mapping rules --------------------------------------------------------------------------------

log "saving mapping rules"
api_json PUT "$CATALOG_API/suppliers/midori/rules" '{"comment": "デモ: 通常品とケース品", "rules": [
  {"name": "通常品 00000001-00000999", "match": {"type": "REGEX", "pattern": "0000(0[0-9]{3})", "skuTemplate": "MD-{1}"},
   "transforms": [{"type": "TAX_INCLUDE", "rate": 10}, {"type": "ROUND", "mode": "FLOOR", "unit": 1}]},
  {"name": "ケース品 00001000-00001199 (入数12)", "match": {"type": "REGEX", "pattern": "0000(1[01][0-9]{2})", "skuTemplate": "MD-{1}"},
   "transforms": [{"type": "PACK", "unitsPerCase": 12}, {"type": "TAX_INCLUDE", "rate": 10},
     {"type": "ROUND", "mode": "HALF_UP", "unit": 1}]}]}' >/dev/null
api_json PUT "$CATALOG_API/suppliers/yamazaki/rules" '{"comment": "デモ: 全品 YZ- 品番、廃番予定品は除外", "rules": [
  {"name": "廃番予定品", "match": {"type": "EXACT", "code": "00000900"}, "exclude": true},
  {"name": "全品", "match": {"type": "PREFIX", "prefix": "0000", "skuTemplate": "YZ-{rest}"},
   "transforms": [{"type": "TAX_INCLUDE", "rate": 10}, {"type": "ROUND", "mode": "CEILING", "unit": 10},
     {"type": "SAFETY_BUFFER", "value": 2}]}]}' >/dev/null
api_json PUT "$CATALOG_API/suppliers/hokkaido/rules" '{"comment": "デモ: 食品は軽減税率8%", "rules": [
  {"name": "乳製品・食品 (軽減税率)", "match": {"type": "PREFIX", "prefix": "00000", "skuTemplate": "HK-{rest}"},
   "transforms": [{"type": "TAX_INCLUDE", "rate": 8}, {"type": "ROUND", "mode": "FLOOR", "unit": 1},
     {"type": "THRESHOLD", "value": 2}]}]}' >/dev/null

# --- import runs through the pipeline --------------------------------------------------------

# upload CODE FILE [query]: prints the new run's id.
upload() {
  local id
  id="$(api POST "$IMPORT_API/suppliers/$1/files${3:-}" -F "file=@$2" | json_field id)"
  [[ "$id" =~ ^[0-9]+$ ]] || die "uploading $2 for $1 gave no run id"
  echo "$id"
}
# wait_run ID EXPECTED: waits until the run is EXPECTED (fails when it ends otherwise).
wait_run() {
  local id="$1" expected="$2" deadline=$((SECONDS + RUN_TIMEOUT)) body status
  while true; do
    body="$(api GET "$IMPORT_API/runs/$id")"
    status="$(json_field status <<<"$body")"
    [[ "$status" == "$expected" ]] && return 0
    case "$status" in
      committed | failed | rejected | rolled_back | held)
        die "run $id ended $status, not $expected: $(json_field errorMessage <<<"$body") $(grep -o '"guardReasons":[^]]*]' <<<"$body" || true)" ;;
    esac
    ((SECONDS < deadline)) || die "run $id is still $status after ${RUN_TIMEOUT}s (expected $expected)"
    sleep 0.5
  done
}

# The first file of each supplier also creates the products its rules produce (createProducts: one
# product per SKU, with the file's JAN and name, in the run's apply), so the stock lands on them at once.
log "uploading supplier files to import-service (the first of each creates its products)"
run_midori="$(upload midori "$WORK/midori.csv" '?createProducts=true')"
run_yamazaki="$(upload yamazaki "$WORK/yamazaki.tsv" '?createProducts=true')"
run_hokkaido="$(upload hokkaido "$WORK/hokkaido.dat" '?createProducts=true')"
# Runs of one supplier go one after the other: these wait for the ones above.
wait_run "$run_yamazaki" committed
run_yamazaki_2="$(upload yamazaki "$WORK/yamazaki-2.tsv")"
wait_run "$run_hokkaido" committed
run_dry="$(upload hokkaido "$WORK/hokkaido-2.dat" '?dryRun=true')"
wait_run "$run_midori" committed
wait_run "$run_yamazaki_2" committed
wait_run "$run_dry" staged
# products_created ID: the products the committed run's apply created (catalog's record of it).
products_created() {
  local n
  n="$(api GET "$IMPORT_API/runs/$1" | json_field productsCreated)"
  [[ "$n" =~ ^[0-9]+$ ]] || die "run $1 has no count of products created"
  echo "$n"
}
total=0
for run in "$run_midori" "$run_yamazaki" "$run_hokkaido"; do
  created="$(products_created "$run")"
  total=$((total + created))
done
((total > 0)) || die "the first runs created no products"
log "runs: midori #$run_midori, yamazaki #$run_yamazaki and #$run_yamazaki_2, hokkaido #$run_hokkaido committed;" \
  "hokkaido #$run_dry is a dry run waiting for approval"
log "loaded in $((SECONDS - started)) s: 3 suppliers, $total products, 4 committed runs, 1 dry run," \
  "$((MIDORI_ROWS - 1199)) unmatched codes (midori)"
echo "DEMO_SEED loaded"
