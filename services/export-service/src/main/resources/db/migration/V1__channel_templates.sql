-- export schema, owned and migrated by export-service only (conventions: docs/ARCHITECTURE.md).

-- A sales channel's file layout, kept as data so a new mall layout needs no release.
create table channel_template (
    id             bigint generated always as identity primary key,
    code           text        not null,
    name           text        not null,
    format         text        not null default 'csv',
    encoding       text        not null default 'UTF-8',
    include_header boolean     not null default true,
    -- {"columns": [{"header": ..., "field": ... | "value": ...}, ...]}
    layout         jsonb       not null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint channel_template_code_uq unique (code),
    constraint channel_template_format_ck check (format in ('csv', 'tsv', 'json', 'ndjson')),
    constraint channel_template_encoding_ck check (encoding in ('UTF-8', 'Windows-31J')),
    constraint channel_template_layout_ck check (jsonb_typeof(layout -> 'columns') = 'array'
        and jsonb_array_length(layout -> 'columns') > 0)
);
