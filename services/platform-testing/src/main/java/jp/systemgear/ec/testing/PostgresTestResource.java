package jp.systemgear.ec.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} application a real PostgreSQL database of its own and the test JWT
 * key, through the same properties the services read in production. The service reaches the
 * database through an {@link OutageProxy}, so any test can take the database away and give it back
 * without restarting the application.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String JDBC_URL_PROPERTY = "platform.test.db.jdbc-url";
    static final String CONTROL_PORT_PROPERTY = "platform.test.db.outage-control-port";

    private OutageProxy proxy;

    @Override
    public Map<String, String> start() {
        TestDatabase.Coordinates db = TestDatabase.createDatabase("it");
        System.setProperty(JDBC_URL_PROPERTY, db.jdbcUrl());
        proxy = new OutageProxy(db.host(), db.port());
        System.setProperty(CONTROL_PORT_PROPERTY, Integer.toString(proxy.controlPort()));

        String via = "127.0.0.1:" + proxy.port() + "/" + db.database();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + via);
        config.put("quarkus.datasource.reactive.url", "postgresql://" + via);
        config.put("quarkus.datasource.username", db.user());
        config.put("quarkus.datasource.password", db.password());
        config.put("mp.jwt.verify.publickey.location", TestKeys.publicKeyFile().toUri().toString());
        config.put("mp.jwt.verify.issuer", TestKeys.ISSUER);
        config.put("platform.jwt.private-key-location", TestKeys.privateKeyFile().toString());
        config.put("platform.jwt.issuer", TestKeys.ISSUER);
        return config;
    }

    /** Takes the database away from the service under test ({@code false}) or gives it back. */
    public static void databaseUp(boolean up) {
        String port = System.getProperty(CONTROL_PORT_PROPERTY);
        if (port == null) {
            throw new IllegalStateException("The test application does not run with PostgresTestResource");
        }
        OutageProxy.command(Integer.parseInt(port), up);
    }

    @Override
    public void stop() {
        System.clearProperty(CONTROL_PORT_PROPERTY);
        if (proxy != null) {
            proxy.close();
        }
        // The database server outlives one application start; it stops with the JVM.
    }
}
