#!/bin/sh
# The seed's weekly maintenance: refresh planner statistics and reclaim dead rows (VACUUM ANALYZE)
# in every schema the maintenance role may touch, then report the tables most in need of it.
# Environment: PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD (libpq).
set -eu

psql --no-password -v ON_ERROR_STOP=1 -X -q -c 'VACUUM (ANALYZE);'
psql --no-password -v ON_ERROR_STOP=1 -X -A -F ' ' -c "
  SELECT schemaname || '.' || relname, n_live_tup, n_dead_tup, last_analyze, last_autoanalyze
  FROM pg_stat_user_tables ORDER BY n_dead_tup DESC LIMIT 10;"
echo "maintenance done: VACUUM (ANALYZE) on $PGDATABASE"
