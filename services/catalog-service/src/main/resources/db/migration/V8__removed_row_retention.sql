-- Removal tombstones (removed_row, V4) were kept for ever. They are pruned after
-- CATALOG_REMOVED_ROW_RETENTION (RemovedRowRetention, hourly); the newest pruned tombstone's
-- transaction is kept here, so an incremental export can tell a cursor that would miss pruned
-- removals (its snapshot's xmin at or below it) and refuse it (410 CURSOR_EXPIRED: take a full export).
-- A cursor taken later sees every pruned removal as already visible, so it loses nothing.
create table removed_row_horizon (
    singleton      boolean     primary key default true constraint removed_row_horizon_one check (singleton),
    pruned_through xid8        not null default '0',
    pruned_at      timestamptz
);
insert into removed_row_horizon default values;
create index removed_row_removed_at_idx on removed_row (removed_at);

-- For export-service (contract, like removed_export_v1): the transaction of the newest pruned
-- tombstone ('0': none pruned) and when pruning last removed any.
--   pruned_through  a cursor whose snapshot has pg_snapshot_xmin <= this may miss removals
--   pruned_at       when tombstones were last pruned
create view removed_export_horizon_v1 as
select pruned_through, pruned_at from removed_row_horizon;
