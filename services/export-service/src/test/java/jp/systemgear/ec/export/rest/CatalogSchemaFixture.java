package jp.systemgear.ec.export.rest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;


import io.quarkus.test.junit.QuarkusTestProfile;

import jp.systemgear.ec.testing.TestApplicationDatabase;

/**
 * The catalog schema in the test database, made by catalog-service's own migrations
 * ({@link TestApplicationDatabase#migrateOwnedSchema}), so the export views under test are the ones
 * catalog-service ships. Runs in test applications of their own (profiles below).
 */
final class CatalogSchemaFixture {

    /** The small Japanese data set (its own application, hence its own database). */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A small fetch size so even the small data set crosses several cursor fetches.
            return Map.of("export.fetch-size", "2");
        }
    }

    /** The large data set, in yet another database so it does not disturb the small one. */
    public static class LargeProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Large batches: 400,000 rows in 80 fetches rather than 800 keeps the test short.
            return Map.of("export.fetch-size", "5000");
        }
    }

    /**
     * Incremental cursors, ETags, templates and jobs: data of their own (each test class its own SKU
     * prefix and filters), a temporary export directory, and the scheduler's own tick out of the way
     * (the tests call the due check themselves, as two replicas would).
     */
    public static class WorkProfile implements QuarkusTestProfile {
        static final java.nio.file.Path EXPORT_DIR;

        static {
            try {
                EXPORT_DIR = java.nio.file.Files.createTempDirectory("export-test");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("export.fetch-size", "3", "export.dir", EXPORT_DIR.toString(),
                    "export.schedule.tick", "1h");
        }
    }

    private CatalogSchemaFixture() {
    }

    static void migrate() {
        TestApplicationDatabase.migrateOwnedSchema("catalog", "catalog-service");
    }

    static Connection connect() throws SQLException {
        return TestApplicationDatabase.connect();
    }

    static void execute(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
