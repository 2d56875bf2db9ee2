-- auth schema, owned and migrated by auth-service only (conventions: docs/ARCHITECTURE.md).

create table app_user (
    id                  bigint generated always as identity primary key,
    username            text        not null,
    display_name        text,
    password_hash       text        not null,
    role                text        not null,
    enabled             boolean     not null default true,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    password_changed_at timestamptz not null default now(),
    constraint app_user_role_ck check (role in ('admin', 'operator', 'viewer'))
);
-- User names are unique whatever their case: "Tanaka" and "tanaka" are one person.
create unique index app_user_username_uq on app_user (lower(username));

-- Who did what to whom, for admins and for security reviews; never holds a password or a secret.
create table audit_event (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null default now(),
    event_type     text        not null,
    actor          text,
    subject        text,
    client_address text,
    details        jsonb       not null default '{}'::jsonb
);
create index audit_event_occurred_at_idx on audit_event (occurred_at desc);
create index audit_event_subject_idx on audit_event (subject, occurred_at desc);
