-- import.staged_row_v1: the documented, versioned, read-only contract through which catalog-service
-- reads the staged rows of a run to apply them (docs/ARCHITECTURE.md, "Staged rows view"). Columns
-- are only ever added; a change in meaning or type makes staged_row_v2 beside this one, so the two
-- services can be deployed in any order. The join makes the view not updatable, and nothing but this
-- view is meant to be read by other services (with per-service database roles: grant select on this
-- view only, never on the tables).
--
-- Contract:
--   run_id, line_no      one staged row (unique per run)
--   supplier_code        the supplier the run belongs to (catalog.supplier.code)
--   import_date          取込日 of the run
--   supplier_item_code   the supplier's own item code, as in the file (leading zeros kept)
--   jan                  the JAN from the file, when it had one
--   sku                  the shop SKU the mapping rules produced; null = no rule matched (unmatched);
--                        rows excluded by an exclude rule are not staged
--   unit_cost            transformed unit cost (yen, numeric(15,4)); null = the file has no cost
--   quantity             transformed quantity; null = the file has no stock
--   rule_version         the rule-set version the run mapped with
create view staged_row_v1 as
select t.run_id,
       t.line_no,
       t.supplier_code,
       t.import_date,
       t.supplier_item_code,
       t.jan,
       t.mapped_sku as sku,
       t.unit_cost,
       t.quantity,
       r.rule_version
from chukan_file_tanka t
join import_run r on r.id = t.run_id;

comment on view staged_row_v1 is
    'Contract v1 for catalog-service (apply step, unmatched items); see docs/ARCHITECTURE.md. Read-only.';
