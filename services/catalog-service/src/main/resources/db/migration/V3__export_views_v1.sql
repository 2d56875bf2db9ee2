-- Export contract views, read by export-service (docs/ARCHITECTURE.md, "Stock export views").
-- They are the ONLY part of catalog another service reads. Rules: read-only (join/aggregate views are
-- not updatable); columns are only ever added; an incompatible change creates *_v2 beside *_v1 so a
-- deployed export-service keeps working through a catalog upgrade. With per-service database roles,
-- grant select on these two views only.

-- One row per product and supplier: current stock and unit cost as the last applied run left them.
--   sku, jan, product_name  the product (codes are text: leading zeros are data)
--   supplier_code           the supplier (仕入先) code
--   supplier_active         false: the supplier is switched off, its stock is not sellable
--   quantity                stock quantity (>= 0)
--   unit_cost               unit cost in yen with the supplier's precision (null: the file has none)
--   discontinued            the supplier no longer carries the item (missing-items policy)
--   import_date             取込日 of the run that last changed the row
--   updated_at              when the row last changed (unchanged rows are not rewritten by later runs)
create view stock_export_v1 as
select p.sku,
       p.jan,
       p.name      as product_name,
       s.code      as supplier_code,
       s.active    as supplier_active,
       st.quantity,
       st.unit_cost,
       st.discontinued,
       st.import_date,
       st.updated_at
  from stock st
  join product p on p.id = st.product_id
  join supplier s on s.id = st.supplier_id;

-- One row per product (products without any stock row included): what can be sold and at what cost.
-- Only active suppliers' rows that are not discontinued count.
--   sku, jan, product_name  the product
--   total_quantity          sum of quantity over counted rows (0 when none)
--   best_unit_cost          lowest unit cost among counted rows that have stock (null: none)
--   supplier_count          counted rows with quantity > 0
--   updated_at              latest change of any of the product's stock rows, else the product's own
create view availability_export_v1 as
select p.sku,
       p.jan,
       p.name as product_name,
       coalesce(sum(st.quantity) filter (where s.active and not st.discontinued), 0)::bigint as total_quantity,
       min(st.unit_cost) filter (where s.active and not st.discontinued and st.quantity > 0) as best_unit_cost,
       count(*) filter (where s.active and not st.discontinued and st.quantity > 0)::integer as supplier_count,
       greatest(p.updated_at, max(st.updated_at)) as updated_at
  from product p
  left join stock st on st.product_id = p.id
  left join supplier s on s.id = st.supplier_id
 group by p.id;
