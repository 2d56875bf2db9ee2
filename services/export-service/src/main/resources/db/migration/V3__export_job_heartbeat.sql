-- A job's file is written by one replica; if that replica dies (OOM kill, node loss, SIGKILL) the job
-- would stay 'running' forever. The writing replica renews heartbeat_at while it writes; a job whose
-- heartbeat is older than EXPORT_JOB_STALE_AFTER is ended 'failed' by whichever replica sees it first
-- (ExportJobWatch). Jobs recorded before this migration count as just renewed.
alter table export_job add column heartbeat_at timestamptz not null default now();
create index export_job_running_idx on export_job (heartbeat_at) where status = 'running';
