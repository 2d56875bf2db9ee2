# Sourced by the bench scripts (ROOT set): every process they start is stopped when they exit, and a
# PostgreSQL of their own from tools/local-postgres (embedded binaries, loopback only).
PIDS=()
bench_cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap bench_cleanup EXIT

# start_local_postgres DATA_DIR PORT LOG: database system_gear_ec, user postgres, trust on 127.0.0.1.
start_local_postgres() {
  local dir="$1" port="$2" log="$3"
  [[ -f "$ROOT/tools/local-postgres/target/local-postgres.jar" ]] \
    || { echo "build first: ./mvnw -pl tools/local-postgres package" >&2; exit 1; }
  java -Xmx128m -cp "$ROOT/tools/local-postgres/target/local-postgres.jar:$ROOT/tools/local-postgres/target/lib/*" \
    jp.systemgear.ec.tools.localpg.LocalPostgres --data-dir "$dir" --port "$port" >"$log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do grep -q LOCAL_POSTGRES_READY "$log" && return 0; sleep 1; done
  cat "$log"; exit 1
}
