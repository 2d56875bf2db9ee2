-- Staged rows arrive a million at a time through COPY. The foreign key to import_run made PostgreSQL
-- look up and key-share-lock the run's row once per staged row (and per row error), the largest cost of
-- staging. Only import-service writes these tables, always for a run it has just claimed, and runs are
-- never deleted (staged rows and row errors have their own retention), so the reference is kept by the
-- service rather than checked per row.
alter table chukan_file_tanka drop constraint chukan_file_tanka_run_id_fkey;
alter table import_row_error drop constraint import_row_error_run_id_fkey;
