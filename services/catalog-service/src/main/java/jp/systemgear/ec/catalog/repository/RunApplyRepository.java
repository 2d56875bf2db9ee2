package jp.systemgear.ec.catalog.repository;

import static jp.systemgear.ec.common.db.SqlValues.instant;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import jp.systemgear.ec.catalog.rest.AppliedRunView;
import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;

/**
 * Applies a staged import run to stock and history, and undoes it, each in ONE database transaction
 * of set-based statements (no row-by-row ORM: a run may hold a million rows). Runs on the reactive
 * client directly; Hibernate has no part in bulk data.
 */
@ApplicationScoped
public class RunApplyRepository {

    private final Pool pool;

    public RunApplyRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<AppliedRunView> find(long runId) {
        return pool.preparedQuery(ApplySql.RECORD).execute(Tuple.of(runId))
                .map(rows -> rows.size() == 0 ? null : record(rows.iterator().next(), false));
    }

    /**
     * {@code createProducts}: the products the run's rows name that do not exist yet are created first,
     * in the same transaction (see {@link ApplySql#CREATE_PRODUCTS}).
     */
    public Uni<AppliedRunView> apply(long runId, String user, boolean partial, boolean createProducts) {
        return pool.withTransaction(conn -> conn.preparedQuery(ApplySql.RUN).execute(Tuple.of(runId))
                .chain(run -> {
                    if (run.size() == 0) {
                        return existing(conn, runId).onItem().ifNull().failWith(() -> new ApiException(
                                ErrorCode.NOT_FOUND, "Import run " + runId + " has no staged rows to apply"));
                    }
                    Row meta = run.iterator().next();
                    return applyLocked(conn, runId, meta, user, partial, createProducts);
                }));
    }

    private Uni<AppliedRunView> applyLocked(SqlConnection conn, long runId, Row meta, String user,
            boolean partial, boolean createProducts) {
        String supplierCode = meta.getString("supplier_code");
        LocalDate importDate = meta.getLocalDate("import_date");
        // The supplier row lock serialises applies and undos of one supplier (missing items, undo order).
        return conn.preparedQuery("select id, missing_items_policy from catalog.supplier where code = $1 for update")
                .execute(Tuple.of(supplierCode))
                .chain(supplier -> {
                    if (supplier.size() == 0) {
                        throw ApiException.notFound("Supplier", supplierCode);
                    }
                    Row s = supplier.iterator().next();
                    long supplierId = s.getLong("id");
                    String policy = partial ? "KEEP" : s.getString("missing_items_policy");
                    // The primary key makes "run N applied" happen once; a concurrent second call waits here
                    // for the first to commit and then finds nothing to insert.
                    return conn.preparedQuery("insert into catalog.applied_run (run_id, supplier_id, import_date, "
                            + "rule_version, missing_policy, applied_by) values ($1, $2, $3, $4, $5, $6) "
                            + "on conflict (run_id) do nothing returning run_id")
                            .execute(Tuple.from(new Object[] { runId, supplierId, importDate,
                                    meta.getInteger("rule_version"), policy, user }))
                            .chain(inserted -> inserted.size() == 0 ? existing(conn, runId)
                                    : merge(conn, runId, supplierId, importDate, policy, createProducts,
                                            meta.getBoolean("skus_unique")));
                });
    }

    private Uni<AppliedRunView> merge(SqlConnection conn, long runId, long supplierId, LocalDate importDate,
            String policy, boolean createProducts, boolean skusUnique) {
        Tuple args = Tuple.of(runId, supplierId, importDate);
        // In one round trip: the bulk settings; the reference lock, shared with the other applies (a product
        // or supplier delete takes it exclusively, V6); whether the supplier has stock rows yet (a first import
        // takes the statement that inserts without pairing; the supplier row lock keeps that true until commit).
        return conn.preparedQuery(ApplySql.BULK_SETTINGS + ", catalog.lock_stock_references(false), "
                + "exists (select 1 from catalog.stock where supplier_id = $1) as has_stock")
                .execute(Tuple.of(supplierId))
                .map(rows -> single(rows).getBoolean("has_stock"))
                .call(() -> createProducts(conn, runId, createProducts))
                .chain(hasStock -> conn.preparedQuery(hasStock
                        ? (skusUnique ? ApplySql.APPLY_SKUS_UNIQUE : ApplySql.APPLY)
                        : (skusUnique ? ApplySql.APPLY_NEW_SUPPLIER_SKUS_UNIQUE : ApplySql.APPLY_NEW_SUPPLIER))
                        .execute(args))
                .map(RunApplyRepository::single)
                .chain(applied -> {
            Uni<Long> missing = "KEEP".equals(policy) ? Uni.createFrom().item(0L)
                    : conn.preparedQuery(ApplySql.MISSING)
                            .execute(Tuple.of(runId, supplierId, importDate, "DISCONTINUE".equals(policy)))
                            .map(rows -> single(rows).getLong("missing"));
            return missing.chain(missingCount -> conn.preparedQuery("update catalog.applied_run set rows_matched = $2, "
                    + "rows_unknown_sku = $3, rows_changed = $4, rows_unchanged = $5, rows_missing = $6, rows_staged = $7 "
                    + "where run_id = $1")
                    .execute(Tuple.from(new Object[] { runId, applied.getLong("matched").intValue(),
                            applied.getLong("unknown_sku").intValue(), applied.getLong("changed").intValue(),
                            (int) (applied.getLong("matched") - applied.getLong("changed")), missingCount.intValue(),
                            applied.getLong("rows_staged").intValue() })));
        }).chain(() -> conn.preparedQuery(ApplySql.RECORD).execute(Tuple.of(runId)))
                .map(rows -> record(single(rows), false));
    }

    /** The run's new products, before its stock is applied (their stock rows are then new ones). */
    private static Uni<Void> createProducts(SqlConnection conn, long runId, boolean createProducts) {
        return createProducts ? conn.preparedQuery(ApplySql.CREATE_PRODUCTS).execute(Tuple.of(runId)).replaceWithVoid()
                : Uni.createFrom().voidItem();
    }

    /**
     * Undoes the supplier's latest applied run. An earlier run cannot be undone while a later one of the
     * same supplier stands: the later run's "before" values would be restored wrongly. Products the run
     * created stay: they are catalog entries now (other suppliers' stock, rules, exports may use them).
     */
    public Uni<AppliedRunView> undo(long runId, String user) {
        return pool.withTransaction(conn -> conn.query(ApplySql.BULK_SETTINGS).execute()
                .chain(() -> conn.preparedQuery(ApplySql.RECORD + " for update of r").execute(Tuple.of(runId)))
                .chain(found -> {
                    if (found.size() == 0) {
                        throw new ApiException(ErrorCode.NOT_FOUND, "Import run " + runId + " was never applied");
                    }
                    Row run = found.iterator().next();
                    if ("undone".equals(run.getString("status"))) {
                        return Uni.createFrom().item(record(run, true));
                    }
                    long supplierId = run.getLong("supplier_id");
                    return conn.preparedQuery("select id from catalog.supplier where id = $1 for update")
                            .execute(Tuple.of(supplierId))
                            .chain(() -> conn.preparedQuery("select run_id from catalog.applied_run where supplier_id = $1 "
                                    + "and status = 'applied' and seq > $2 order by seq limit 1")
                                    .execute(Tuple.of(supplierId, run.getLong("seq"))))
                            .chain(later -> {
                                if (later.size() > 0) {
                                    throw ApiException.conflict("Run " + later.iterator().next().getLong("run_id")
                                            + " of the same supplier was applied after run " + runId + "; undo it first");
                                }
                                return conn.preparedQuery(ApplySql.UNDO).execute(Tuple.of(runId, supplierId));
                            })
                            .chain(() -> conn.preparedQuery("update catalog.applied_run set status = 'undone', "
                                    + "undone_by = $2, undone_at = now() where run_id = $1").execute(Tuple.of(runId, user)))
                            .chain(() -> conn.preparedQuery(ApplySql.RECORD).execute(Tuple.of(runId)))
                            .map(rows -> record(single(rows), false));
                }));
    }

    private static Uni<AppliedRunView> existing(SqlConnection conn, long runId) {
        return conn.preparedQuery(ApplySql.RECORD).execute(Tuple.of(runId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            if ("undone".equals(row.getString("status"))) {
                throw ApiException.conflict("Import run " + runId + " was applied and then undone; import the file "
                        + "again to apply its rows");
            }
            return record(row, true);
        });
    }

    private static Row single(RowSet<Row> rows) {
        return rows.iterator().next();
    }

    private static AppliedRunView record(Row r, boolean alreadyApplied) {
        return new AppliedRunView(r.getLong("run_id"), r.getString("supplier_code"), r.getLocalDate("import_date"),
                r.getInteger("rule_version"), r.getString("status"), r.getInteger("rows_staged"),
                r.getInteger("rows_matched"), r.getInteger("rows_unknown_sku"), r.getInteger("rows_changed"),
                r.getInteger("rows_unchanged"), r.getInteger("rows_missing"), r.getInteger("rows_products_created"),
                r.getString("missing_policy"),
                r.getString("applied_by"), instant(r, "applied_at"), r.getString("undone_by"),
                instant(r, "undone_at"), alreadyApplied);
    }
}
