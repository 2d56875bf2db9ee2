-- The run's pipeline (docs/ARCHITECTURE.md, "Import runs"): who holds a run and since when, what it read,
-- how long each phase took, why it was held, the dry-run diff and what catalog's apply step reported.
alter table import_run
    add column dry_run           boolean     not null default false,
    add column partial           boolean     not null default false,
    add column attempts          integer     not null default 0,
    add column claim_token       uuid,
    add column claimed_by        text,
    add column heartbeat_at      timestamptz,
    add column rows_unmatched    integer     not null default 0,
    add column rows_excluded     integer     not null default 0,
    add column detected_encoding text,
    add column headers           text[],
    add column phase_millis      jsonb       not null default '{}',
    add column guard_reasons     text[],
    add column diff              jsonb,
    add column applied           jsonb,
    add column decided_by        text,
    add column decided_at        timestamptz,
    add column source_ref        text;

comment on column import_run.partial is
    'Re-import of corrected error rows: the missing-items policy and the row-count guard do not apply';

-- Runs of one supplier are serialised: at most one is between claim and its end (or waiting for a
-- decision); a second claim of the same supplier fails on this index and waits its turn.
create unique index import_run_one_active_per_supplier on import_run (supplier_code)
    where status in ('parsing', 'staged', 'held', 'applying');

-- Freshness per supplier (metrics, the SPA's dashboard). No index on staged SKUs: the diff reads a
-- run's rows by its primary-key range, and every extra index slows the bulk COPY.
create index import_run_committed_idx on import_run (supplier_code, finished_at desc) where status = 'committed';
