package jp.systemgear.ec.catalog.repository;

import jp.systemgear.ec.common.db.BulkStatementSettings;

/**
 * The set-based statements of the apply step and its undo. Each is one statement (data-modifying
 * CTEs), so history and stock change together and every statement sees the same snapshot.
 * Parameters: $1 run id, $2 supplier id, $3 import date (and $4 where noted).
 */
final class ApplySql {

    private ApplySql() {
    }

    /** A run is a bulk set, for apply and undo alike ({@link BulkStatementSettings}). */
    static final String BULK_SETTINGS = BulkStatementSettings.SQL;

    /**
     * The run as the view shows it: supplier, import date, rule version (the same on every row of a run,
     * as the view's contract says), from its first row alone; APPLY counts the rows.
     */
    static final String RUN = """
            select supplier_code, import_date, rule_version, skus_unique
            from import.staged_row_v1 where run_id = $1 order by line_no limit 1""";

    /**
     * Products the run names that catalog does not have yet (apply with createProducts; before APPLY, in
     * its transaction, so their stock is applied by the same call). One product per SKU, from the last
     * staged line of that SKU with a name (its JAN and name); the rules of the product API hold
     * ({@code catalog.creatable_product}, V9): a SKU outside ProductRequest's pattern, a blank or over-long
     * name make no product (such rows stay unknown SKUs), a JAN is kept only in the product table's shape
     * (import checked its check digit; JANs need not be unique). Existing products are never touched ({@code on conflict}: one created meanwhile by
     * another transaction). SKUs are inserted in order, so two runs naming the same new SKUs wait for each
     * other instead of deadlocking. The count goes on the run's record. $1 run id.
     */
    static final String CREATE_PRODUCTS = """
            with named as (
                select distinct on (s.sku) s.sku, s.jan, s.product_name
                from import.staged_row_v1 s
                where s.run_id = $1 and s.sku is not null and catalog.creatable_product(s.sku, s.product_name)
                order by s.sku, s.line_no desc
            ), created as (
                insert into catalog.product (sku, jan, name, attributes)
                select n.sku, case when n.jan ~ '^([0-9]{8}|[0-9]{13})$' then n.jan end, n.product_name, '{}'::jsonb
                from named n
                where not exists (select 1 from catalog.product p where p.sku = n.sku)
                order by n.sku
                on conflict (sku) do nothing
                returning 1
            )
            update catalog.applied_run set rows_products_created = (select count(*) from created)
            where run_id = $1
            returning rows_products_created""";

    /**
     * The run's rows read once, each paired with its product (none: an unknown SKU, or no SKU when no rule
     * matched), as the CTE {@code staged} that the apply statements start with.
     */
    private static final String STAGED = """
            with staged as materialized (
                select s.line_no, s.sku, s.quantity, s.unit_cost, p.id as product_id
                from import.staged_row_v1 s
                left join catalog.product p on p.sku = s.sku
                where s.run_id = $1
            )""";

    /** What the run brings per product: the last line of each product. */
    private static final String LAST_LINE_PER_PRODUCT = """
                select distinct on (product_id) product_id, quantity, unit_cost
                from staged
                where product_id is not null
                order by product_id, line_no desc""";

    /** The same when each SKU is known to be on one row: every matched row, no sort. */
    private static final String EVERY_MATCHED_ROW = """
                select product_id, quantity, unit_cost
                from staged
                where product_id is not null""";

    /**
     * Staged rows → stock: the last line per product wins; rows whose values equal the current ones are
     * not written at all (neither stock nor history); a column the file lacks (null) keeps its value.
     * Every count comes from the one reading of the run ({@link #STAGED}). New stock rows are plain inserts and
     * existing ones plain updates, not an upsert: ON CONFLICT's speculative insertion cost twice as much per
     * row, and nothing else writes this supplier's stock meanwhile (the caller holds the supplier's row
     * lock, as undo does). History records the changed rows that existed; a new row records its run and
     * import date itself (V7), so a first import writes stock alone.
     */
    static final String APPLY = apply(LAST_LINE_PER_PRODUCT);

    /**
     * {@link #APPLY} for a run whose SKUs are each on one row (the view's {@code skus_unique}, which
     * import-service sets only when that is certain): every row is the last of its SKU, so no sort.
     */
    static final String APPLY_SKUS_UNIQUE = apply(EVERY_MATCHED_ROW);

    /**
     * {@link #APPLY} for a supplier that has no stock rows yet (its first import; the caller holds the
     * supplier's row lock, so none can appear meanwhile): every product of the run gets a new row, so it
     * inserts them straight from its reading of the run, without pairing them with stock, and writes no
     * history (V7). The same counts: every matched product is a changed row.
     */
    static final String APPLY_NEW_SUPPLIER = firstApply(LAST_LINE_PER_PRODUCT);

    /** {@link #APPLY_NEW_SUPPLIER} for a run whose SKUs are each on one row (no sort, as {@link #APPLY_SKUS_UNIQUE}). */
    static final String APPLY_NEW_SUPPLIER_SKUS_UNIQUE = firstApply(EVERY_MATCHED_ROW);

    private static String firstApply(String incoming) {
        return STAGED + """
            , inserted as (
                insert into catalog.stock (product_id, supplier_id, quantity, unit_cost, discontinued, run_id,
                    import_date, updated_at)
                select product_id, $2, greatest(coalesce(quantity, 0), 0), unit_cost, false, $1, $3, now()
                from (
            %s
                ) incoming
                returning 1
            )
            select count(*) as rows_staged,
                   count(sku) filter (where product_id is null) as unknown_sku,
                   (select count(*) from inserted) as matched,
                   (select count(*) from inserted) as changed
              from staged""".formatted(incoming);
    }

    private static String apply(String incoming) {
        return STAGED + """
            , incoming as (
            %s
            ), changed as (
                select i.product_id,
                       greatest(coalesce(i.quantity, c.quantity, 0), 0) as new_quantity,
                       coalesce(i.unit_cost, c.unit_cost) as new_unit_cost,
                       c.product_id is not null as existed,
                       c.quantity as old_quantity, c.unit_cost as old_unit_cost, c.discontinued as old_discontinued,
                       c.run_id as old_run_id, c.import_date as old_import_date
                from incoming i
                left join catalog.stock c on c.product_id = i.product_id and c.supplier_id = $2
                where c.product_id is null
                   or c.discontinued
                   or c.quantity is distinct from greatest(coalesce(i.quantity, c.quantity, 0), 0)
                   or c.unit_cost is distinct from coalesce(i.unit_cost, c.unit_cost)
            ), history as (
                insert into catalog.stock_history (product_id, supplier_id, run_id, import_date, change_kind,
                    existed_before, old_quantity, new_quantity, old_unit_cost, new_unit_cost, old_discontinued,
                    new_discontinued, old_run_id, old_import_date)
                select product_id, $2, $1, $3, 'apply', true, old_quantity, new_quantity, old_unit_cost,
                       new_unit_cost, old_discontinued, false, old_run_id, old_import_date
                from changed
                where existed
            ), inserted as (
                insert into catalog.stock (product_id, supplier_id, quantity, unit_cost, discontinued, run_id,
                    import_date, updated_at)
                select product_id, $2, new_quantity, new_unit_cost, false, $1, $3, now() from changed
                where not existed
                returning 1
            ), updated as (
                update catalog.stock c
                   set quantity = ch.new_quantity, unit_cost = ch.new_unit_cost, discontinued = false, run_id = $1,
                       import_date = $3, updated_at = now()
                  from changed ch
                 where ch.existed and c.product_id = ch.product_id and c.supplier_id = $2
                returning 1
            )
            select count(*) as rows_staged,
                   count(sku) filter (where product_id is null) as unknown_sku,
                   (select count(*) from incoming) as matched,
                   (select count(*) from inserted) + (select count(*) from updated) as changed
              from staged""".formatted(incoming);
    }

    /**
     * The missing-items policy: this supplier's stock rows for products the run did not list go to zero
     * ($4 false) or to zero and discontinued ($4 true). Rows already in that state are not rewritten.
     */
    static final String MISSING = """
            with incoming as (
                select distinct p.id as product_id
                from import.staged_row_v1 s join catalog.product p on p.sku = s.sku
                where s.run_id = $1
            ), missing as (
                select c.product_id, c.quantity, c.unit_cost, c.discontinued, c.run_id, c.import_date
                from catalog.stock c
                where c.supplier_id = $2
                  and not exists (select 1 from incoming i where i.product_id = c.product_id)
                  and (c.quantity <> 0 or ($4 and not c.discontinued))
            ), history as (
                insert into catalog.stock_history (product_id, supplier_id, run_id, import_date, change_kind,
                    existed_before, old_quantity, new_quantity, old_unit_cost, new_unit_cost, old_discontinued,
                    new_discontinued, old_run_id, old_import_date)
                select product_id, $2, $1, $3, 'missing', true, quantity, 0, unit_cost, unit_cost, discontinued,
                       discontinued or $4, run_id, import_date
                from missing
                returning 1
            ), updated as (
                update catalog.stock c
                   set quantity = 0, discontinued = c.discontinued or $4, run_id = $1, import_date = $3,
                       updated_at = now()
                  from missing m
                 where c.product_id = m.product_id and c.supplier_id = $2
                returning 1
            )
            select (select count(*) from updated) as missing, (select count(*) from history) as history_rows""";

    /**
     * Undo: every stock row the run changed goes back to its values before the run, and the rows it created
     * are deleted; the reversal is itself recorded in the history. The rows a run created are its stock
     * rows without a history row of it with a value before (the caller allows undo of a supplier's latest
     * run only, so no later run has touched them; history from before V7 recorded creations with
     * {@code existed_before} false, which this reads the same way). $1 run id, $2 supplier id.
     */
    static final String UNDO = """
            with h as (
                select * from catalog.stock_history
                where run_id = $1 and supplier_id = $2 and change_kind in ('apply', 'missing') and existed_before
            ), deleted as (
                delete from catalog.stock c
                where c.supplier_id = $2 and c.run_id = $1
                  and not exists (select 1 from h where h.product_id = c.product_id)
                returning c.product_id, c.quantity, c.unit_cost, c.discontinued, c.import_date
            ), restored as (
                update catalog.stock c
                   set quantity = h.old_quantity, unit_cost = h.old_unit_cost, discontinued = h.old_discontinued,
                       run_id = h.old_run_id, import_date = h.old_import_date, updated_at = now()
                  from h
                 where c.product_id = h.product_id and c.supplier_id = h.supplier_id
                returning 1
            ), history as (
                insert into catalog.stock_history (product_id, supplier_id, run_id, import_date, change_kind,
                    existed_before, old_quantity, new_quantity, old_unit_cost, new_unit_cost, old_discontinued,
                    new_discontinued, old_run_id, old_import_date)
                select product_id, supplier_id, $1, import_date, 'undo', true, new_quantity, old_quantity,
                       new_unit_cost, old_unit_cost, new_discontinued, old_discontinued, $1, import_date
                from h
                union all
                select product_id, $2, $1, import_date, 'undo', true, quantity, null, unit_cost, null, discontinued,
                       null, $1, import_date
                from deleted
                returning 1
            )
            select (select count(*) from deleted) as deleted, (select count(*) from restored) as restored,
                   (select count(*) from history) as history_rows""";

    static final String RECORD = """
            select r.run_id, s.code as supplier_code, r.import_date, r.rule_version, r.status, r.rows_staged,
                   r.rows_matched, r.rows_unknown_sku, r.rows_changed, r.rows_unchanged, r.rows_missing,
                   r.rows_products_created, r.missing_policy, r.applied_by, r.applied_at, r.undone_by, r.undone_at,
                   r.seq, r.supplier_id
            from catalog.applied_run r join catalog.supplier s on s.id = r.supplier_id
            where r.run_id = $1""";
}
