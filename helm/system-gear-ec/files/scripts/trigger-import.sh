#!/bin/sh
# Triggers one supplier's import: a token from auth-service (client-credentials grant, scope
# import:trigger), then POST /api/import/runs. Run by the import CronJobs (curl image, POSIX sh).
#
# Environment:
#   AUTH_URL, IMPORT_URL   base URLs of auth-service and import-service (no trailing slash)
#   SUPPLIER_CODE          the supplier's code, as data (leading zeros kept)
#   IDEMPOTENCY_KEY        the same for every retry of one scheduled run (the Job's name), so a retry
#                          after a lost answer never queues a second run
#   CLIENT_DIR             folder with the files client-id and client-secret (a mounted Secret)
#   CURL_MAX_TIME          seconds per request (default 30)
# Exit status: 0 when the run is queued (201) or was already queued under this key (409); otherwise
# non-zero, and the Job's backoffLimit retries.
set -eu

max_time="${CURL_MAX_TIME:-30}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

client_id="$(cat "$CLIENT_DIR/client-id")"
client_secret="$(cat "$CLIENT_DIR/client-secret")"

# The credentials go to curl through a config file, never on its command line (visible in ps), as
# HTTP Basic (auth-service also takes them as form fields). In a curl config string, backslash and
# double quote must be escaped.
curl_quote() {
  printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'
}
umask 077
printf 'user = "%s:%s"\n' "$(curl_quote "$client_id")" "$(curl_quote "$client_secret")" >"$work/curl-auth"

status="$(curl -sS --max-time "$max_time" -o "$work/token.json" -w '%{http_code}' \
  -K "$work/curl-auth" \
  -H 'Accept: application/json' \
  --data 'grant_type=client_credentials&scope=import%3Atrigger' \
  "$AUTH_URL/api/auth/token")" || { echo "[ERROR] token request to $AUTH_URL failed" >&2; exit 2; }
if [ "$status" != 200 ]; then
  echo "[ERROR] token request answered HTTP $status: $(head -c 500 "$work/token.json")" >&2
  exit 2
fi
token="$(tr -d '\n' <"$work/token.json" | sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')"
if [ -z "$token" ]; then
  echo "[ERROR] no access_token in the token response" >&2
  exit 2
fi

# JSON strings: escape backslashes and quotes (codes and Job names carry nothing else special).
json_string() {
  printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"
}
printf '{"supplierCode":%s,"idempotencyKey":%s}' "$(json_string "$SUPPLIER_CODE")" \
  "$(json_string "$IDEMPOTENCY_KEY")" >"$work/request.json"
printf 'header = "Authorization: Bearer %s"\n' "$token" >"$work/curl-token"

status="$(curl -sS --max-time "$max_time" -o "$work/response.json" -w '%{http_code}' \
  -K "$work/curl-token" \
  -H 'Content-Type: application/json' -H 'Accept: application/json' \
  --data-binary "@$work/request.json" \
  "$IMPORT_URL/api/import/runs")" || { echo "[ERROR] trigger request to $IMPORT_URL failed" >&2; exit 3; }
case "$status" in
  201)
    echo "import queued for supplier $SUPPLIER_CODE (key $IDEMPOTENCY_KEY): $(head -c 500 "$work/response.json")"
    ;;
  409)
    # The same key was accepted before (an earlier attempt whose answer was lost): nothing to do.
    echo "import for supplier $SUPPLIER_CODE already queued under key $IDEMPOTENCY_KEY"
    ;;
  *)
    echo "[ERROR] trigger for supplier $SUPPLIER_CODE answered HTTP $status: $(head -c 500 "$work/response.json")" >&2
    exit 3
    ;;
esac
