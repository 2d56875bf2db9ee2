package jp.systemgear.ec.importer.repository;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A staged run against the supplier's current stock, read through catalog's documented view
 * {@code catalog.stock_export_v1}: one set-based statement. The last line per SKU wins, as in catalog's
 * apply step; a column the file lacks (null) changes nothing.
 */
public final class StockDiffQuery {

    /** Staged SKUs against current stock rows; {@code $cost} is the guard's cost-change percentage. */
    static final String DIFF = """
            with staged as (
                select distinct on (mapped_sku) mapped_sku as sku, quantity, unit_cost
                  from import.chukan_file_tanka where run_id = ? and mapped_sku is not null
                 order by mapped_sku, line_no desc),
            cur as (
                select sku, quantity, unit_cost, discontinued
                  from catalog.stock_export_v1 where supplier_code = ?),
            pair as (
                select s.sku as s_sku, c.sku as c_sku, s.quantity as s_qty, c.quantity as c_qty,
                       s.unit_cost as s_cost, c.unit_cost as c_cost,
                       (s.quantity is not null and s.quantity is distinct from c.quantity)
                       or (s.unit_cost is not null and s.unit_cost is distinct from c.unit_cost)
                       or coalesce(c.discontinued, false) as differs
                  from staged s full join cur c on c.sku = s.sku)
            select count(*) filter (where s_sku is not null and c_sku is null) as new_rows,
                   count(*) filter (where s_sku is not null and c_sku is not null and differs) as changed,
                   count(*) filter (where s_sku is not null and c_sku is not null and not differs) as unchanged,
                   count(*) filter (where s_sku is null) as missing,
                   count(*) filter (where s_sku is null and c_qty > 0) as missing_in_stock,
                   count(*) filter (where s_sku is not null and s_qty = 0 and coalesce(c_qty, 0) > 0) as zeroed,
                   count(*) filter (where s_cost is not null and c_cost > 0
                                      and abs(s_cost - c_cost) * 100 > ? * c_cost) as cost_jumps,
                   count(*) filter (where c_qty > 0) as current_in_stock
              from pair
            """;

    private StockDiffQuery() {
    }

    /** Counts: new, changed, unchanged, missing, missingInStock, zeroed, costJumps, currentInStock. */
    public static Map<String, Long> counts(Connection c, long runId, String supplierCode, BigDecimal costChangePercent)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement(DIFF)) {
            st.setLong(1, runId);
            st.setString(2, supplierCode);
            st.setBigDecimal(3, costChangePercent == null ? new BigDecimal("1000000000") : costChangePercent);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                Map<String, Long> diff = new LinkedHashMap<>();
                diff.put("new", rs.getLong("new_rows"));
                diff.put("changed", rs.getLong("changed"));
                diff.put("unchanged", rs.getLong("unchanged"));
                diff.put("missing", rs.getLong("missing"));
                diff.put("missingInStock", rs.getLong("missing_in_stock"));
                diff.put("zeroed", rs.getLong("zeroed"));
                diff.put("costJumps", rs.getLong("cost_jumps"));
                diff.put("currentInStock", rs.getLong("current_in_stock"));
                return diff;
            }
        }
    }
}
