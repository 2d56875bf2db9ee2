package jp.systemgear.ec.importer.repository;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.systemgear.ec.common.db.BulkStatementSettings;

/**
 * A staged run against the supplier's current stock, read through catalog's documented view
 * {@code catalog.stock_export_v1}: one set-based statement. The last line per SKU wins, as in catalog's
 * apply step; a column the file lacks (null) changes nothing. The counts (guard, run) and the rows of
 * one kind ({@code RunDetailQueries}, the SPA's diff tables) are read through the same pairing.
 */
public final class StockDiffQuery {

    /** One kind of difference, as a condition on the pairing's columns. */
    public enum Kind {
        NEW("in_file and not in_stock"),
        CHANGED("in_file and in_stock and differs"),
        UNCHANGED("in_file and in_stock and not differs"),
        MISSING("not in_file"),
        ZEROED("in_file and s_qty = 0 and coalesce(c_qty, 0) > 0");

        final String condition;

        Kind(String condition) {
            this.condition = condition;
        }
    }

    private StockDiffQuery() {
    }

    /**
     * The pairing of staged SKUs with the supplier's stock rows, as a WITH clause ending in {@code pair}
     * (sku, in_file, in_stock, c_qty, s_qty, c_cost, s_cost, differs). The parameters are written as given:
     * {@code ?} for JDBC, {@code $1} for the reactive client.
     */
    static String pairs(String runParam, String supplierParam) {
        return pairs(runParam, supplierParam, false);
    }

    /**
     * {@code skusUnique}: the run's SKUs are known to be on one row each (import_run.skus_unique), so its
     * rows are paired as they are, without the sort that keeps the last line per SKU.
     */
    static String pairs(String runParam, String supplierParam, boolean skusUnique) {
        String staged = skusUnique
                ? "select mapped_sku as sku, quantity, unit_cost from import.chukan_file_tanka where run_id = "
                        + runParam + " and mapped_sku is not null"
                : "select distinct on (mapped_sku) mapped_sku as sku, quantity, unit_cost from import.chukan_file_tanka "
                        + "where run_id = " + runParam + " and mapped_sku is not null order by mapped_sku, line_no desc";
        return """
                with staged as (%s),
                cur as (
                    select sku, quantity, unit_cost, discontinued
                      from catalog.stock_export_v1 where supplier_code = %s),
                pair as (
                    select coalesce(s.sku, c.sku) as sku, s.sku is not null as in_file, c.sku is not null as in_stock,
                           c.quantity as c_qty, s.quantity as s_qty, c.unit_cost as c_cost, s.unit_cost as s_cost,
                           (s.quantity is not null and s.quantity is distinct from c.quantity)
                           or (s.unit_cost is not null and s.unit_cost is distinct from c.unit_cost)
                           or coalesce(c.discontinued, false) as differs
                      from staged s full join cur c on c.sku = s.sku)
                """.formatted(staged, supplierParam);
    }

    private static String counts(boolean skusUnique) {
        return pairs("?", "?", skusUnique) + """
                select count(*) filter (where %s) as new_rows,
                       count(*) filter (where %s) as changed,
                       count(*) filter (where %s) as unchanged,
                       count(*) filter (where %s) as missing,
                       count(*) filter (where not in_file and c_qty > 0) as missing_in_stock,
                       count(*) filter (where %s) as zeroed,
                       count(*) filter (where s_cost is not null and c_cost > 0
                                          and abs(s_cost - c_cost) * 100 > ? * c_cost) as cost_jumps,
                       count(*) filter (where c_qty > 0) as current_in_stock
                  from pair
                """.formatted(Kind.NEW.condition, Kind.CHANGED.condition, Kind.UNCHANGED.condition,
                Kind.MISSING.condition, Kind.ZEROED.condition);
    }

    private static final String COUNTS = counts(false);
    private static final String COUNTS_UNIQUE_SKUS = counts(true);

    /**
     * The products a run with create_products would have catalog create: distinct staged SKUs with a named
     * row and the product API's SKU shape (catalog's function {@code creatable_product}, the rule its
     * CREATE_PRODUCTS applies) that are not products yet. Products are read through
     * {@code catalog.availability_export_v1} (one row per product): a hash anti join over it costs about as much as reading the catalog's products once, which only runs
     * with the option pay.
     */
    private static final String PRODUCTS_TO_CREATE = """
            select count(*) from (
                select distinct s.sku from import.staged_row_v1 s
                 where s.run_id = ? and s.sku is not null and catalog.creatable_product(s.sku, s.product_name)) n
             where not exists (select 1 from catalog.availability_export_v1 a where a.sku = n.sku)
            """;

    /**
     * {@link #counts(Connection, long, String, BigDecimal, Long)}, plus {@code productsToCreate} when the run
     * creates products (a second statement: runs without the option do not pay for it).
     */
    public static Map<String, Long> counts(Connection c, long runId, String supplierCode, BigDecimal costChangePercent,
            Long uniqueSkus, boolean createProducts) throws SQLException {
        Map<String, Long> diff = counts(c, runId, supplierCode, costChangePercent, uniqueSkus);
        if (createProducts) {
            diff.put("productsToCreate", productsToCreate(c, runId));
        }
        return diff;
    }

    static long productsToCreate(Connection c, long runId) throws SQLException {
        return count(c, PRODUCTS_TO_CREATE, runId);
    }

    /** A one-number query with one parameter. */
    private static long count(Connection c, String sql, Object param) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, param);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** 1 when the supplier has any stock row now (through the same view as the pairing), else 0. */
    private static final String HAS_STOCK = "select count(*) from (select 1 from catalog.stock_export_v1 "
            + "where supplier_code = ? limit 1) s";

    /** The distinct SKUs of a run: every one is new while the supplier has no stock. */
    private static final String DISTINCT_SKUS = "select count(*) from (select mapped_sku from import.chukan_file_tanka "
            + "where run_id = ? and mapped_sku is not null group by mapped_sku) d";

    /**
     * Counts: new, changed, unchanged, missing, missingInStock, zeroed, costJumps, currentInStock. In one
     * transaction of its own with the settings of a bulk statement: hash joins (nested loops over a
     * million rows are what a stale estimate picks) and the memory to keep a million-row sort and hash off
     * disk. While the supplier has no stock at all (a first import), every SKU of the file is new and every
     * other count is zero, which only needs the SKUs counted.
     *
     * @param uniqueSkus the run's mapped rows when each SKU is known to be on one row only (import_run.skus_unique):
     *                   then that is the SKU count, and the pairing needs no sort; null when not known
     */
    public static Map<String, Long> counts(Connection c, long runId, String supplierCode, BigDecimal costChangePercent,
            Long uniqueSkus) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement settings = c.createStatement()) {
            settings.execute(BulkStatementSettings.SQL);
            Map<String, Long> diff;
            if (count(c, HAS_STOCK, supplierCode) > 0) {
                diff = paired(c, runId, supplierCode, costChangePercent, uniqueSkus != null);
            } else {
                diff = diff(uniqueSkus != null ? uniqueSkus : count(c, DISTINCT_SKUS, runId), 0, 0, 0, 0, 0, 0, 0);
            }
            c.commit();
            return diff;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static Map<String, Long> paired(Connection c, long runId, String supplierCode, BigDecimal costChangePercent,
            boolean skusUnique) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(skusUnique ? COUNTS_UNIQUE_SKUS : COUNTS)) {
            st.setLong(1, runId);
            st.setString(2, supplierCode);
            st.setBigDecimal(3, costChangePercent == null ? new BigDecimal("1000000000") : costChangePercent);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return diff(rs.getLong("new_rows"), rs.getLong("changed"), rs.getLong("unchanged"), rs.getLong("missing"),
                        rs.getLong("missing_in_stock"), rs.getLong("zeroed"), rs.getLong("cost_jumps"),
                        rs.getLong("current_in_stock"));
            }
        }
    }

    private static Map<String, Long> diff(long newRows, long changed, long unchanged, long missing, long missingInStock,
            long zeroed, long costJumps, long currentInStock) {
        Map<String, Long> diff = new LinkedHashMap<>();
        diff.put("new", newRows);
        diff.put("changed", changed);
        diff.put("unchanged", unchanged);
        diff.put("missing", missing);
        diff.put("missingInStock", missingInStock);
        diff.put("zeroed", zeroed);
        diff.put("costJumps", costJumps);
        diff.put("currentInStock", currentInStock);
        return diff;
    }

    /** The rows of one kind after {@code $3} (SKU, byte order), at most {@code $4}; run {@code $1}, supplier {@code $2}. */
    static String rows(Kind kind) {
        return pairs("$1", "$2") + "select sku, c_qty, s_qty, c_cost, s_cost from pair where sku collate \"C\" > $3 and "
                + kind.condition + " order by sku collate \"C\" limit $4";
    }
}
