package jp.systemgear.ec.export.rest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;

import io.quarkus.test.junit.QuarkusTestProfile;

import jp.systemgear.ec.testing.PostgresTestResource;

/**
 * The catalog schema in the test database, made by catalog-service's OWN migrations read from its
 * source tree, so the export views under test are the ones catalog-service ships. export-service never
 * migrates another schema in production; only this fixture does, in test applications of their own
 * (profiles below), so ExportServiceContractTest's "only this service's schema" check keeps holding.
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
            // Large batches: every cursor fetch crosses the test OutageProxy, whose sockets leave Nagle on
            // (about 40 ms per round trip with delayed ACKs): 800 fetches of 500 rows took 36 s, 80 of 5000 6 s.
            return Map.of("export.fetch-size", "5000");
        }
    }

    private static final Path MIGRATIONS = Path.of("../catalog-service/src/main/resources/db/migration");

    private CatalogSchemaFixture() {
    }

    static synchronized void migrate() {
        if (!Files.isDirectory(MIGRATIONS)) {
            throw new IllegalStateException("catalog-service migrations not found at " + MIGRATIONS.toAbsolutePath());
        }
        Flyway.configure().dataSource(jdbcUrl(), user(), password())
                .schemas("catalog").defaultSchema("catalog").createSchemas(true)
                .locations("filesystem:" + MIGRATIONS.toAbsolutePath())
                .load().migrate();
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    static void execute(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String jdbcUrl() {
        return System.getProperty(PostgresTestResource.JDBC_URL_PROPERTY);
    }

    private static String user() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
    }

    private static String password() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse("");
    }
}
