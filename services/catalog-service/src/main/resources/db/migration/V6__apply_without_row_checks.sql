-- The apply step writes up to a million stock and history rows in one statement (docs/ARCHITECTURE.md,
-- "Apply step"). Per-row foreign-key checks were most of its time: each inserted row ran two lookups
-- that also share-lock the referenced product and supplier rows (the supplier's row a million times,
-- through multixacts). Stock and history rows are only ever written by apply, the missing-items policy
-- and undo, which take product and supplier ids from the tables themselves; what can break a reference
-- is a DELETE of a product or supplier, so that is refused here instead, once per deleted row.
alter table stock drop constraint stock_product_id_fkey,
                  drop constraint stock_supplier_id_fkey;
alter table stock_history drop constraint stock_history_product_id_fkey,
                          drop constraint stock_history_supplier_id_fkey;

-- Serialises a delete with the applies that may be about to write stock for the row: an apply holds
-- this lock shared for its transaction (RunApplyRepository), a delete exclusively, so a delete waits
-- for running applies and an apply started after a delete reads the products without the deleted one.
create function lock_stock_references(exclusive boolean) returns void language plpgsql as $$
begin
    if exclusive then
        perform pg_advisory_xact_lock(hashtext('catalog.stock_references'));
    else
        perform pg_advisory_xact_lock_shared(hashtext('catalog.stock_references'));
    end if;
end $$;

-- foreign_key_violation (23503), as the constraints raised: the API answers 409 as before.
create function refuse_delete_with_stock() returns trigger language plpgsql set search_path from current as $$
begin
    perform lock_stock_references(true);
    if tg_table_name = 'product' then
        if exists (select 1 from stock where product_id = old.id)
           or exists (select 1 from stock_history where product_id = old.id) then
            raise exception using errcode = 'foreign_key_violation',
                message = format('product %s has stock or stock history', old.sku),
                detail = 'Stock rows and their history refer to the product; it cannot be deleted.';
        end if;
    elsif exists (select 1 from stock where supplier_id = old.id)
          or exists (select 1 from stock_history where supplier_id = old.id) then
        raise exception using errcode = 'foreign_key_violation',
            message = format('supplier %s has stock or stock history', old.code),
            detail = 'Stock rows and their history refer to the supplier; deactivate it instead.';
    end if;
    return old;
end $$;

create trigger product_delete_guard_trg before delete on product
    for each row execute function refuse_delete_with_stock();
create trigger supplier_delete_guard_trg before delete on supplier
    for each row execute function refuse_delete_with_stock();

-- History is append-only and each apply appends one run of one supplier and import date: block ranges
-- hold few runs, so block-range indexes find a run or a supplier's date at a fraction of a b-tree's
-- upkeep. The per-product index stays a b-tree (products are spread over every run).
drop index stock_history_run_idx;
drop index stock_history_supplier_date_idx;
create index stock_history_run_brin on stock_history using brin (run_id);
-- The original system's chukan_file_tanka index was on supplier and import date: history keeps it.
create index stock_history_supplier_date_brin on stock_history using brin (supplier_id, import_date);
