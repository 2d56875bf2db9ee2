package jp.systemgear.ec.deployment;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A scratch database on a running PostgreSQL: TEST_DB_URL (postgresql://user[:password]@host:port, as
 * the services' tests read it) or the machine's server on 127.0.0.1:5432 with trust authentication.
 */
final class LocalPostgres implements AutoCloseable {

    final String host;
    final int port;
    final String user;
    final String password;
    final String database;

    private LocalPostgres(String host, int port, String user, String password, String database) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.database = database;
    }

    static LocalPostgres createDatabase(String prefix) {
        String url = System.getenv().getOrDefault("TEST_DB_URL", "postgresql://postgres@127.0.0.1:5432");
        URI uri = URI.create(url);
        String userInfo = uri.getUserInfo() == null ? "postgres" : uri.getUserInfo();
        String user = userInfo.contains(":") ? userInfo.substring(0, userInfo.indexOf(':')) : userInfo;
        String password = userInfo.contains(":") ? userInfo.substring(userInfo.indexOf(':') + 1) : "";
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var pg = new LocalPostgres(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password, name);
        try (Connection c = pg.connect("postgres")) {
            c.createStatement().execute("CREATE DATABASE " + name + " TEMPLATE template0");
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL at " + uri.getHost() + ":" + pg.port + " is needed (set TEST_DB_URL "
                    + "to another server): " + e.getMessage(), e);
        }
        return pg;
    }

    Connection connect(String db) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + db, user, password);
    }

    Connection connect() throws SQLException {
        return connect(database);
    }

    @Override
    public void close() {
        try (Connection c = connect("postgres")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop scratch database " + database + ": " + e.getMessage());
        }
    }
}
