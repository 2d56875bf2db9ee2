-- Bulk product creation through the import pipeline (docs/ARCHITECTURE.md, "Import runs"): a run may
-- ask catalog to create the products its rows name that catalog does not have yet, so a supplier file
-- is read once, by the supplier's own profile and rules, whatever it is used for.

-- The option travels with the run (upload ?createProducts=true) to catalog's apply call.
alter table import_run add column create_products boolean not null default false;

comment on column import_run.create_products is
    'Catalog creates the products the staged rows name that do not exist yet, before applying the stock';

-- import.staged_row_v1 gains one column, at the end (the contract only ever adds columns; V2 documents
-- the others, repeated here so that the contract reads in one place):
--
-- Contract:
--   run_id, line_no      one staged row (unique per run)
--   supplier_code        the supplier the run belongs to (catalog.supplier.code)
--   import_date          取込日 of the run
--   supplier_item_code   the supplier's own item code, as in the file (leading zeros kept)
--   jan                  the JAN from the file, when it had one (check digit valid: invalid ones are row
--                        errors, never staged)
--   sku                  the shop SKU the mapping rules produced; null = no rule matched (unmatched);
--                        rows excluded by an exclude rule are not staged
--   unit_cost            transformed unit cost (yen, numeric(15,4)); null = the file has no cost
--   quantity             transformed quantity; null = the file has no stock
--   rule_version         the rule-set version the run mapped with
--   product_name         (added by V6) the item's name as the file gives it, blanks around it trimmed;
--                        null = the file has no name column or the cell is blank. What catalog names a
--                        product it creates for the row (runs with create_products)
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
       nullif(btrim(t.raw_values[3]), '') as product_name
from chukan_file_tanka t
join import_run r on r.id = t.run_id;

comment on view staged_row_v1 is
    'Contract v1 for catalog-service (apply step, product creation, unmatched items); see docs/ARCHITECTURE.md. Read-only.';
