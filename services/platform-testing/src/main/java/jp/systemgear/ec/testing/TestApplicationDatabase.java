package jp.systemgear.ec.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;

/**
 * Direct JDBC access to the running test application's database (the one PostgresTestResource
 * created), for checks and fixtures that work below the API.
 */
public final class TestApplicationDatabase {

    private TestApplicationDatabase() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty(PostgresTestResource.JDBC_URL_PROPERTY),
                ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class),
                ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    /**
     * Creates another service's schema with that service's OWN migrations, read from its source tree
     * (so a view under test is the one its owner ships). Services never do this in production; tests
     * that need it run in a test application of their own, so the contract test's "only this
     * service's schema" check keeps holding in the shared test database.
     *
     * @param ownerModule the owner's directory beside this module, e.g. {@code import-service}
     */
    public static synchronized void migrateOwnedSchema(String schema, String ownerModule) {
        Path migrations = Path.of("..", ownerModule, "src/main/resources/db/migration");
        if (!Files.isDirectory(migrations)) {
            throw new IllegalStateException(ownerModule + " migrations not found at " + migrations.toAbsolutePath());
        }
        Flyway.configure()
                .dataSource(System.getProperty(PostgresTestResource.JDBC_URL_PROPERTY),
                        ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class),
                        ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse(""))
                .schemas(schema).defaultSchema(schema).createSchemas(true)
                .locations("filesystem:" + migrations.toAbsolutePath())
                .load().migrate();
    }
}
