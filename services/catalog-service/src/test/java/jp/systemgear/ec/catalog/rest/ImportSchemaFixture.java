package jp.systemgear.ec.catalog.rest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;


import io.quarkus.test.junit.QuarkusTestProfile;

import jp.systemgear.ec.testing.TestApplicationDatabase;

/**
 * The import schema in the test database, made by import-service's own migrations
 * ({@link TestApplicationDatabase#migrateOwnedSchema}), and staged rows written the way import-service
 * stages them. Runs in a test application of its own (see {@link Profile}).
 */
final class ImportSchemaFixture {

    /** A separate test application, hence a database of its own (PostgresTestResource starts per application). */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.rule-test-max-rows", "1000");
        }
    }

    private ImportSchemaFixture() {
    }

    static void migrate() {
        TestApplicationDatabase.migrateOwnedSchema("import", "import-service");
    }

    static Connection connect() throws SQLException {
        return TestApplicationDatabase.connect();
    }

    /**
     * A run with staged rows. Catalog never reads a run's status; these tests stage several runs of one
     * supplier at once, which import-service itself never does (one run per supplier in progress, a unique
     * index), so they are recorded as finished ones.
     */
    static long newRun(String supplierCode, int ruleVersion) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "insert into import.import_run (supplier_code, source, status, rule_version) "
                        + "values (?, 'upload', 'committed', ?) returning id")) {
            ps.setString(1, supplierCode);
            ps.setInt(2, ruleVersion);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** What import-service records when the parse saw every SKU of the run on one row only. */
    static void markSkusUnique(long runId) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "update import.import_run set skus_unique = true where id = ?")) {
            ps.setLong(1, runId);
            ps.executeUpdate();
        }
    }

    static void stage(long runId, int line, String supplierCode, LocalDate importDate, String itemCode, String jan,
            String sku, String unitCost, Integer quantity) throws SQLException {
        stage(runId, line, supplierCode, importDate, itemCode, jan, null, sku, unitCost, quantity);
    }

    /**
     * A staged row with the item's name as the file gave it (import-service keeps the raw cells beside the
     * mapped values; the view reads the name from them).
     */
    static void stage(long runId, int line, String supplierCode, LocalDate importDate, String itemCode, String jan,
            String name, String sku, String unitCost, Integer quantity) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "insert into import.chukan_file_tanka (run_id, line_no, supplier_code, import_date, supplier_item_code, "
                        + "jan, item_name, stock_text, cost_text, mapped_sku, unit_cost, quantity) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, runId);
            ps.setInt(2, line);
            ps.setString(3, supplierCode);
            ps.setObject(4, importDate);
            ps.setString(5, itemCode);
            ps.setString(6, jan);
            ps.setString(7, name);
            ps.setString(8, quantity == null ? null : String.valueOf(quantity));
            ps.setString(9, unitCost);
            ps.setString(10, sku);
            ps.setBigDecimal(11, unitCost == null ? null : new BigDecimal(unitCost));
            ps.setObject(12, quantity);
            ps.executeUpdate();
        }
    }
}
