-- import schema, owned and migrated by import-service only (conventions: docs/ARCHITECTURE.md).

-- One import of one supplier file, whatever way it came in.
create table import_run (
    id              bigint generated always as identity primary key,
    supplier_code   text        not null,
    source          text        not null,
    status          text        not null default 'queued',
    idempotency_key text,
    requested_by    text,
    file_name       text,
    file_sha256     text,
    file_size       bigint,
    rule_version    integer,
    rows_total      integer     not null default 0,
    rows_staged     integer     not null default 0,
    rows_error      integer     not null default 0,
    error_code      text,
    error_message   text,
    created_at      timestamptz not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    constraint import_run_idempotency_key_uq unique (idempotency_key),
    constraint import_run_source_ck check (source in ('upload', 'drop_folder', 'url', 'trigger', 'schedule')),
    constraint import_run_status_ck check (status in ('queued', 'receiving', 'parsing', 'staged', 'held',
        'applying', 'committed', 'failed', 'rejected', 'rolled_back'))
);
create index import_run_supplier_created_idx on import_run (supplier_code, created_at desc);
create index import_run_open_idx on import_run (status) where status not in ('committed', 'failed', 'rejected', 'rolled_back');

-- The original system's intermediate unit-price table (中間ファイル単価): staged rows per supplier and
-- import date, mapped with the rule version the run records. catalog-service reads it through a view.
create table chukan_file_tanka (
    run_id             bigint      not null references import_run (id) on delete cascade,
    line_no            integer     not null,
    supplier_code      text        not null,
    import_date        date        not null,
    supplier_item_code text,
    jan                text,
    raw_values         text[]      not null,
    mapped_sku         text,
    unit_cost          numeric(15, 4),
    quantity           integer,
    constraint chukan_file_tanka_pk primary key (run_id, line_no)
);
create index chukan_file_tanka_supplier_date_idx on chukan_file_tanka (supplier_code, import_date);

-- Rows that could not be read or mapped: the rest of the file still imports.
create table import_row_error (
    run_id     bigint      not null references import_run (id) on delete cascade,
    line_no    integer     not null,
    raw_text   text,
    reason     text        not null,
    created_at timestamptz not null default now(),
    constraint import_row_error_pk primary key (run_id, line_no)
);
create index import_row_error_created_idx on import_row_error (created_at);

-- One row per scheduled fire: the replica whose insert wins runs the job, the others skip it.
create table scheduled_job_execution (
    job_name    text        not null,
    fire_time   timestamptz not null,
    node        text        not null,
    started_at  timestamptz not null default now(),
    finished_at timestamptz,
    outcome     text        not null default 'running',
    detail      text,
    constraint scheduled_job_execution_pk primary key (job_name, fire_time),
    constraint scheduled_job_execution_outcome_ck check (outcome in ('running', 'succeeded', 'failed'))
);
