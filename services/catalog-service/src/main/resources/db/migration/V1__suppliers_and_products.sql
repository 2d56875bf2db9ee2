-- catalog schema, owned and migrated by catalog-service only. Conventions (docs/ARCHITECTURE.md):
-- singular snake_case tables, bigint identity ids, timestamptz *_at columns, text codes (leading
-- zeros are data), numeric money, constraints and indexes named <table>_<columns>_<kind>.

create table supplier (
    id            bigint generated always as identity primary key,
    code          text        not null,
    name          text        not null,
    active        boolean     not null default true,
    priority      integer     not null default 100,
    contact_name  text,
    contact_email text,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    constraint supplier_code_uq unique (code),
    constraint supplier_code_ck check (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$'),
    constraint supplier_priority_ck check (priority between 0 and 10000)
);

create table product (
    id         bigint generated always as identity primary key,
    sku        text        not null,
    jan        text,
    name       text        not null,
    attributes jsonb       not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint product_sku_uq unique (sku),
    constraint product_jan_ck check (jan is null or jan ~ '^([0-9]{8}|[0-9]{13})$')
);

create index product_jan_idx on product (jan) where jan is not null;
