-- The dashboard's last hours are counted in the database (GET /dashboard/hourly), not from the newest
-- 500 runs the SPA fetched: runs by creation time. (Each supplier's last committed run,
-- GET /dashboard/last-committed, reads V4's import_run_committed_idx.)
create index import_run_created_idx on import_run (created_at);
