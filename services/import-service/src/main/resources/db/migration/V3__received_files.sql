-- Uploaded and dropped files become runs in state 'received' before they are parsed; the same file
-- (by SHA-256) sent again for the same supplier finds its existing run.
alter table import_run drop constraint import_run_status_ck;
alter table import_run add constraint import_run_status_ck check (status in ('queued', 'received', 'receiving',
    'parsing', 'staged', 'held', 'applying', 'committed', 'failed', 'rejected', 'rolled_back'));
create index import_run_supplier_sha_idx on import_run (supplier_code, file_sha256) where file_sha256 is not null;
