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

    public enum DiffKind {
        NEW, CHANGED, UNCHANGED, MISSING, ZEROED
    }

    private static final String DIFF_ROWS = """
            with staged as (
                select distinct on (mapped_sku) mapped_sku as sku, quantity, unit_cost
                  from import.chukan_file_tanka where run_id = $1 and mapped_sku is not null
                 order by mapped_sku, line_no desc),
            cur as (
                select sku, quantity, unit_cost, discontinued
                  from catalog.stock_export_v1 where supplier_code = $2),
            pair as (
                select coalesce(s.sku, c.sku) as sku, s.sku is not null as in_file, c.sku is not null as in_stock,
                       c.quantity as c_qty, s.quantity as s_qty, c.unit_cost as c_cost, s.unit_cost as s_cost,
                       (s.quantity is not null and s.quantity is distinct from c.quantity)
                       or (s.unit_cost is not null and s.unit_cost is distinct from c.unit_cost)
                       or coalesce(c.discontinued, false) as differs
                  from staged s full join cur c on c.sku = s.sku)
            select sku, c_qty, s_qty, c_cost, s_cost from pair
             where sku collate "C" > $3 and case $4
                   when 'NEW' then in_file and not in_stock
                   when 'CHANGED' then in_file and in_stock and differs
                   when 'UNCHANGED' then in_file and in_stock and not differs
                   when 'MISSING' then not in_file
                   else in_file and s_qty = 0 and coalesce(c_qty, 0) > 0 end
             order by sku collate "C" limit $5
            """;

    private final Pool pool;

    public RunDetailQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<StagedRow>> staged(long runId, long afterLine, int limit) {
        return pool.preparedQuery("select line_no, supplier_item_code, jan, raw_values, mapped_sku, unit_cost, quantity "
                + "from import.chukan_file_tanka where run_id = $1 and line_no > $2 order by line_no limit $3")
                .execute(Tuple.of(runId, afterLine, limit)).map(rows -> {
                    List<StagedRow> out = new ArrayList<>();
                    for (Row r : rows) {
                        String[] raw = r.getArrayOfStrings("raw_values");
                        out.add(new StagedRow(r.getLong("line_no"), r.getString("supplier_item_code"), r.getString("jan"),
                                raw == null ? List.of() : java.util.Arrays.asList(raw), r.getString("mapped_sku"),
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

    public Uni<List<DiffRow>> diff(long runId, String supplierCode, DiffKind kind, String afterSku, int limit) {
        return pool.preparedQuery(DIFF_ROWS)
                .execute(Tuple.of(runId, supplierCode, afterSku == null ? "" : afterSku, kind.name(), limit))
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
