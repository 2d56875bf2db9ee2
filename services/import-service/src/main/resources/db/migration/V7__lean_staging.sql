-- Staging a million rows (bench/import-bench.sh): parsing each row's raw values as a text[] literal
-- was PostgreSQL's largest cost of the COPY (about 2 s of 5 per million rows). The raw values the
-- supplier code and JAN columns do not already hold are plain text columns instead.
alter table chukan_file_tanka
    add column item_name  text,
    add column stock_text text,
    add column cost_text  text;
update chukan_file_tanka set item_name = raw_values[3], stock_text = raw_values[4], cost_text = raw_values[5];

comment on column chukan_file_tanka.item_name is 'The item name as the file gives it (raw)';
comment on column chukan_file_tanka.stock_text is 'The stock cell as the file gives it (raw: ○, 10+, 1,200...)';
comment on column chukan_file_tanka.cost_text is 'The unit-cost cell as the file gives it (raw)';

-- The run is joined with LEFT JOIN on its primary key: a query that reads no run column (apply reads
-- none) then does not join at all. The inner join cost a lookup per staged row. The columns, their
-- order and their meaning are those of V6 (the contract there), with one line added to it:
--   all rows of one run have the same supplier_code and import_date.
create or replace view staged_row_v1 as
select t.run_id,
       t.line_no,
       t.supplier_code,
       t.import_date,
       t.supplier_item_code,
       t.jan,
       t.mapped_sku as sku,
       t.unit_cost,
       t.quantity,
       r.rule_version,
       nullif(btrim(t.item_name), '') as product_name
from chukan_file_tanka t
left join import_run r on r.id = t.run_id;

comment on view staged_row_v1 is
    'Contract v1 for catalog-service (apply step, product creation, unmatched items); see docs/ARCHITECTURE.md. Read-only.';

alter table chukan_file_tanka drop column raw_values;

-- The supplier and import date index serves the unmatched-items list, which reads only rows no rule
-- matched: indexing only those keeps the index off the bulk COPY's path.
drop index chukan_file_tanka_supplier_date_idx;
create index chukan_file_tanka_unmatched_idx on chukan_file_tanka (supplier_code, import_date)
    where mapped_sku is null;
