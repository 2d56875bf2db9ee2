-- import.staged_row_v1 gains one column, at the end (V6 documents the contract, V7 its last line):
--   skus_unique   (added by V9) true when every row of the run that has a sku has a different one, as
--                 the parse saw it (import_run.skus_unique, never true wrongly); the same on all rows of
--                 a run. catalog's apply then keeps every row as it is instead of sorting to keep the
--                 last line per SKU. false: a SKU repeats, or it is not known.
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
       nullif(btrim(t.item_name), '') as product_name,
       coalesce(r.skus_unique, false) as skus_unique
from chukan_file_tanka t
left join import_run r on r.id = t.run_id;

comment on view staged_row_v1 is
    'Contract v1 for catalog-service (apply step, product creation, unmatched items); see docs/ARCHITECTURE.md. Read-only.';
