package jp.systemgear.ec.importer.repository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** A run's rows for people: staged rows as mapped, row errors, and the diff row by row; keyset paged. */
@ApplicationScoped
public class RunDetailQueries {

    public record StagedRow(long line, String supplierItemCode, String jan, List<String> rawValues, String sku,
            BigDecimal unitCost, Integer quantity) {
    }

    public record RowError(long line, String rawText, String reason) {
    }

    /** One SKU in the diff: the file's values against the supplier's current stock row. */
    public record DiffRow(String kind, String sku, Integer currentQuantity, Integer newQuantity,
            BigDecimal currentUnitCost, BigDecimal newUnitCost) {
    }

    private final Pool pool;

    public RunDetailQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<StagedRow>> staged(long runId, long afterLine, int limit) {
        return pool.preparedQuery("select line_no, supplier_item_code, jan, item_name, stock_text, cost_text, mapped_sku, "
                + "unit_cost, quantity from import.chukan_file_tanka where run_id = $1 and line_no > $2 order by line_no "
                + "limit $3")
                .execute(Tuple.of(runId, afterLine, limit)).map(rows -> {
                    List<StagedRow> out = new ArrayList<>();
                    for (Row r : rows) {
                        // The raw cells in the profile's field order: code, JAN, name, stock, cost.
                        List<String> raw = java.util.Arrays.asList(r.getString("supplier_item_code"), r.getString("jan"),
                                r.getString("item_name"), r.getString("stock_text"), r.getString("cost_text"));
                        out.add(new StagedRow(r.getLong("line_no"), r.getString("supplier_item_code"), r.getString("jan"),
                                raw, r.getString("mapped_sku"),
                                r.getBigDecimal("unit_cost"), r.getInteger("quantity")));
                    }
                    return out;
                });
    }

    public Uni<List<RowError>> errors(long runId, long afterLine, int limit) {
        return pool.preparedQuery("select line_no, raw_text, reason from import.import_row_error "
                + "where run_id = $1 and line_no > $2 order by line_no limit $3")
                .execute(Tuple.of(runId, afterLine, limit)).map(rows -> {
                    List<RowError> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new RowError(r.getLong("line_no"), r.getString("raw_text"), r.getString("reason")));
                    }
                    return out;
                });
    }

    public Uni<List<DiffRow>> diff(long runId, String supplierCode, StockDiffQuery.Kind kind, String afterSku,
            int limit) {
        return pool.preparedQuery(StockDiffQuery.rows(kind))
                .execute(Tuple.of(runId, supplierCode, afterSku == null ? "" : afterSku, limit))
                .map(rows -> {
                    List<DiffRow> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new DiffRow(kind.name(), r.getString("sku"), r.getInteger("c_qty"), r.getInteger("s_qty"),
                                r.getBigDecimal("c_cost"), r.getBigDecimal("s_cost")));
                    }
                    return out;
                });
    }
}
