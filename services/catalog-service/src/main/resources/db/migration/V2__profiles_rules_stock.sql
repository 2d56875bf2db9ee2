-- Supplier file profiles, versioned mapping rules, stock and unit cost with history, applied runs.

-- Profile, source and guard are documents the import pipeline reads as a whole; they are validated by
-- the service (field-level errors) and stored as jsonb so a new file option needs no migration.
alter table supplier
    add column file_profile         jsonb   not null default '{}'::jsonb,
    add column source               jsonb   not null default '{"type":"upload"}'::jsonb,
    add column schedule_cron        text,
    add column guard                jsonb   not null default '{}'::jsonb,
    add column missing_items_policy text    not null default 'KEEP',
    add column version              integer not null default 0,
    add constraint supplier_missing_items_policy_ck check (missing_items_policy in ('KEEP', 'ZERO', 'DISCONTINUE'));

-- Optimistic concurrency for products too (ETag / If-Match).
alter table product add column version integer not null default 0;

-- Name and SKU search with ILIKE '%...%' uses trigram indexes (pg_trgm is a trusted extension).
create extension if not exists pg_trgm;
create index product_name_trgm_idx on product using gin (name gin_trgm_ops);
create index product_sku_trgm_idx on product using gin (sku gin_trgm_ops);
-- Keyset paging orders by SKU in byte order, so paging does not depend on the database's collation.
create index product_sku_c_idx on product (sku collate "C");

-- One immutable version of a supplier's ordered mapping rules (商品マッピングルール). A change
-- inserts the next version; nothing ever updates or deletes a row, so an import can always name
-- the exact rules it used.
create table mapping_rule_set (
    id            bigint generated always as identity primary key,
    supplier_id   bigint      not null references supplier (id),
    version       integer     not null,
    rules         jsonb       not null,
    comment       text,
    created_by    text,
    restored_from integer,
    created_at    timestamptz not null default now(),
    constraint mapping_rule_set_supplier_version_uq unique (supplier_id, version),
    constraint mapping_rule_set_version_ck check (version >= 1)
);

-- Current stock and unit cost of one product from one supplier. run_id/import_date name the run
-- that last CHANGED the values: unchanged rows are not rewritten by later runs.
create table stock (
    product_id   bigint         not null references product (id),
    supplier_id  bigint         not null references supplier (id),
    quantity     integer        not null,
    unit_cost    numeric(15, 4),
    discontinued boolean        not null default false,
    run_id       bigint         not null,
    import_date  date           not null,
    updated_at   timestamptz    not null default now(),
    constraint stock_pk primary key (product_id, supplier_id),
    constraint stock_quantity_ck check (quantity >= 0)
);
create index stock_supplier_idx on stock (supplier_id);
create index stock_updated_at_idx on stock (updated_at);

-- Every change of a stock row, with the values before and after, so history can be shown and a run
-- undone. change_kind: apply (a staged row), missing (the missing-items policy), undo.
create table stock_history (
    id                 bigint generated always as identity primary key,
    product_id         bigint         not null references product (id),
    supplier_id        bigint         not null references supplier (id),
    run_id             bigint         not null,
    import_date        date           not null,
    change_kind        text           not null,
    existed_before     boolean        not null,
    old_quantity       integer,
    new_quantity       integer,
    old_unit_cost      numeric(15, 4),
    new_unit_cost      numeric(15, 4),
    old_discontinued   boolean,
    new_discontinued   boolean,
    old_run_id         bigint,
    old_import_date    date,
    changed_at         timestamptz    not null default now(),
    constraint stock_history_change_kind_ck check (change_kind in ('apply', 'missing', 'undo'))
);
-- The original system's chukan_file_tanka index was on supplier and import date: history keeps it.
create index stock_history_supplier_date_idx on stock_history (supplier_id, import_date);
create index stock_history_product_idx on stock_history (product_id, id);
create index stock_history_run_idx on stock_history (run_id);

-- "Run N applied": the primary key makes a second apply of the same run a no-op.
-- seq orders the applies of a supplier (assigned after its lock is taken): only the latest may be undone.
create table applied_run (
    run_id          bigint      primary key,
    seq             bigint      generated always as identity,
    supplier_id     bigint      not null references supplier (id),
    import_date     date        not null,
    rule_version    integer,
    status          text        not null default 'applied',
    rows_staged     integer     not null default 0,
    rows_matched    integer     not null default 0,
    rows_unknown_sku integer    not null default 0,
    rows_changed    integer     not null default 0,
    rows_unchanged  integer     not null default 0,
    rows_missing    integer     not null default 0,
    missing_policy  text        not null,
    applied_by      text,
    applied_at      timestamptz not null default now(),
    undone_by       text,
    undone_at       timestamptz,
    constraint applied_run_status_ck check (status in ('applied', 'undone'))
);
create index applied_run_supplier_idx on applied_run (supplier_id, seq desc);
