-- Refresh tokens: opaque to clients, stored only as SHA-256 hashes. Each login starts a family;
-- every refresh marks its token used and issues the next one in the family. Presenting a used
-- token again means it was stolen or replayed: the whole family is revoked.
create table refresh_token (
    id          bigint generated always as identity primary key,
    family_id   uuid        not null,
    user_id     bigint      not null references app_user (id) on delete cascade,
    token_hash  bytea       not null,
    issued_at   timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz,
    constraint refresh_token_token_hash_uq unique (token_hash)
);
create index refresh_token_family_idx on refresh_token (family_id);
create index refresh_token_user_idx on refresh_token (user_id) where revoked_at is null;
create index refresh_token_expires_at_idx on refresh_token (expires_at);

-- Machine clients (Kubernetes CronJobs, internal systems) using the client-credentials grant.
create table service_client (
    id                bigint generated always as identity primary key,
    client_id         text        not null,
    name              text        not null,
    secret_hash       bytea       not null,
    scopes            text[]      not null,
    enabled           boolean     not null default true,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    secret_rotated_at timestamptz not null default now(),
    last_used_at      timestamptz,
    constraint service_client_client_id_uq unique (client_id),
    constraint service_client_scopes_ck check (scopes <@ array['import:trigger', 'export:read']::text[]
        and cardinality(scopes) > 0)
);
