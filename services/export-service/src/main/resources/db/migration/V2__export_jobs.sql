-- Export jobs: files written to EXPORT_DIR on demand or on a template's schedule, with their history.

-- Unix cron (5 fields) of a template's scheduled export file; null: on demand only.
alter table channel_template add column schedule_cron text;

-- One export file: who asked (a user, a client, or the scheduler), what, and what came out. The file
-- is written under a temporary name and renamed when complete, so a reader (SFTP pickup) never sees
-- half a file; sha256 and bytes are of the file as written.
create table export_job (
    id             bigint generated always as identity primary key,
    template_code  text,
    level          text        not null,
    format         text        not null,
    encoding       text        not null,
    requested_by   text        not null,
    trigger_kind   text        not null,
    scheduled_for  timestamptz,
    status         text        not null default 'running',
    file_name      text,
    row_count      bigint,
    byte_count     bigint,
    sha256         text,
    error          text,
    created_at     timestamptz not null default now(),
    finished_at    timestamptz,
    constraint export_job_status_ck check (status in ('running', 'succeeded', 'failed')),
    constraint export_job_trigger_kind_ck check (trigger_kind in ('manual', 'scheduled'))
);
create index export_job_created_at_idx on export_job (created_at desc);
create index export_job_template_code_idx on export_job (template_code, scheduled_for);

-- Scheduled fires claimed across replicas: every replica's scheduler fires; the one whose insert of
-- (job, fire time) succeeds runs it (the same design as import.scheduled_job_execution).
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
