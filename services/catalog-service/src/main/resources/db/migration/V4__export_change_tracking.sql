-- Change tracking for export-service's incremental mode and ETags (docs/ARCHITECTURE.md, "Stock export
-- views"). Every row version the export views show carries the id of the transaction that wrote it
-- (xid8, pg_current_xact_id()); a reader holding an earlier snapshot (pg_current_snapshot()) returns
-- exactly the rows whose writer is not visible in that snapshot: once visible, never twice, no gap even
-- when transactions commit out of order (which a sequence or a timestamp cannot give). Triggers set the
-- column, so catalog-service's code does not know about it. Removed rows leave a tombstone.

-- Inserts take the default; updates get the column from the triggers below, only when a value the
-- views show changed (an update that changes nothing visible is not a new version).
alter table stock    add column change_xid xid8 not null default pg_current_xact_id();
alter table product  add column change_xid xid8 not null default pg_current_xact_id();
alter table supplier add column change_xid xid8 not null default pg_current_xact_id();

-- The functions run with the search_path they were created with (Flyway's: this schema), whatever
-- the writing session's search_path is.
create function set_change_xid() returns trigger language plpgsql set search_path from current as $$
begin
    new.change_xid := pg_current_xact_id();
    return new;
end $$;

create trigger stock_change_xid_trg before update on stock for each row
    when ((old.quantity, old.unit_cost, old.discontinued, old.import_date, old.updated_at, old.product_id, old.supplier_id)
          is distinct from
          (new.quantity, new.unit_cost, new.discontinued, new.import_date, new.updated_at, new.product_id, new.supplier_id))
    execute function set_change_xid();
create trigger product_change_xid_trg before update on product for each row
    when ((old.sku, old.jan, old.name, old.updated_at) is distinct from (new.sku, new.jan, new.name, new.updated_at))
    execute function set_change_xid();
create trigger supplier_change_xid_trg before update on supplier for each row
    when ((old.code, old.active) is distinct from (new.code, new.active))
    execute function set_change_xid();

-- A tombstone per removed stock row (undo deletes the rows a run created) or product (DELETE of a
-- product without stock), with the codes copied: the product may be gone. Ids are identities, never
-- reused. Kept: a reader's token may be old (a few rows per undo; prune by removed_at if ever needed).
create table removed_row (
    product_id    bigint      not null,
    supplier_id   bigint,
    sku           text        not null,
    supplier_code text,
    change_xid    xid8        not null default pg_current_xact_id(),
    removed_at    timestamptz not null default now()
);
create index removed_row_product_idx on removed_row (product_id);

create function record_removed_stock() returns trigger language plpgsql set search_path from current as $$
begin
    insert into removed_row (product_id, supplier_id, sku, supplier_code)
    select g.product_id, g.supplier_id, p.sku, s.code
      from gone g join product p on p.id = g.product_id join supplier s on s.id = g.supplier_id;
    return null;
end $$;

create function record_removed_product() returns trigger language plpgsql set search_path from current as $$
begin
    insert into removed_row (product_id, sku) select g.id, g.sku from gone g;
    return null;
end $$;

-- Statement-level with a transition table: one insert per DELETE statement, however many rows.
create trigger stock_removed_trg after delete on stock referencing old table as gone
    for each statement execute function record_removed_stock();
create trigger product_removed_trg after delete on product referencing old table as gone
    for each statement execute function record_removed_product();

-- The views gain one column each (columns are only added; V3 documents the others).
--   change_xids  the writing transactions of every value the row shows: the stock row, its product and
--                supplier (per supplier); for availability the product, all its stock rows and their
--                suppliers, and removals of its stock rows. A row changed after snapshot S when any
--                element is not visible in S: exists (select 1 from unnest(change_xids) x
--                where not pg_visible_in_snapshot(x, S)).
create or replace view stock_export_v1 as
select p.sku,
       p.jan,
       p.name      as product_name,
       s.code      as supplier_code,
       s.active    as supplier_active,
       st.quantity,
       st.unit_cost,
       st.discontinued,
       st.import_date,
       st.updated_at,
       array[st.change_xid, p.change_xid, s.change_xid] as change_xids
  from stock st
  join product p on p.id = st.product_id
  join supplier s on s.id = st.supplier_id;

create or replace view availability_export_v1 as
select p.sku,
       p.jan,
       p.name as product_name,
       coalesce(sum(st.quantity) filter (where s.active and not st.discontinued), 0)::bigint as total_quantity,
       min(st.unit_cost) filter (where s.active and not st.discontinued and st.quantity > 0) as best_unit_cost,
       count(*) filter (where s.active and not st.discontinued and st.quantity > 0)::integer as supplier_count,
       greatest(p.updated_at, max(st.updated_at)) as updated_at,
       p.change_xid
           || coalesce(array_agg(st.change_xid) filter (where st.change_xid is not null), '{}')
           || coalesce(array_agg(s.change_xid) filter (where s.change_xid is not null), '{}')
           || coalesce((select array_agg(r.change_xid) from removed_row r where r.product_id = p.id), '{}')
           as change_xids
  from product p
  left join stock st on st.product_id = p.id
  left join supplier s on s.id = st.supplier_id
 group by p.id;

-- Rows that were removed and are absent now: a product (supplier_code null) or a product's stock
-- from one supplier. Read by the incremental mode to report removals.
--   sku            the product's SKU when it was removed
--   supplier_code  the supplier of the removed stock row; null: the product itself was removed
--   removed_at     when it was removed
--   change_xid     the removing transaction (compare with pg_visible_in_snapshot as above)
create view removed_export_v1 as
select r.sku,
       r.supplier_code,
       r.removed_at,
       r.change_xid
  from removed_row r
 where case when r.supplier_id is null
            then not exists (select 1 from product p where p.id = r.product_id)
            else not exists (select 1 from stock st where st.product_id = r.product_id and st.supplier_id = r.supplier_id)
       end;
