package jp.systemgear.ec.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart's job scripts (files/scripts/), run here as the CronJobs run them: the import trigger
 * against a stub auth-service and import-service on loopback, the backup and the documented restore
 * and the maintenance job against a scratch PostgreSQL database.
 */
class JobScriptsTest {

    static final Path SCRIPTS = Repo.CHART.resolve("files/scripts");
    static final String CLIENT_ID = "import-cron";
    /** A secret with the characters a curl config needs escaped, and a colon. */
    static final String CLIENT_SECRET = "s3\"cr\\et:x";

    @TempDir
    Path work;
    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Stub of POST /api/auth/token and POST /api/import/runs answering the given statuses. */
    String stub(int tokenStatus, int triggerStatus) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/auth/token", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String basic = auth != null && auth.startsWith("Basic ")
                    ? new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8) : "";
            requests.add("token " + exchange.getRequestMethod() + " " + basic + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = (tokenStatus == 200
                    ? "{\n  \"access_token\": \"eyJ.test.token\",\n  \"token_type\": \"Bearer\", \"expires_in\": 900, \"scope\": \"import:trigger\"}"
                    : "{\"code\":\"INVALID_CREDENTIALS\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(tokenStatus, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/api/import/runs", exchange -> {
            requests.add("runs " + exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Authorization")
                    + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = ("{\"id\":7,\"status\":\"queued\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(triggerStatus, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Processes.Result trigger(String base) throws IOException {
        Path client = Files.createDirectories(work.resolve("client"));
        Files.writeString(client.resolve("client-id"), CLIENT_ID);
        Files.writeString(client.resolve("client-secret"), CLIENT_SECRET);
        return Processes.run(work, Map.of("AUTH_URL", base, "IMPORT_URL", base, "SUPPLIER_CODE", "0012",
                "IDEMPOTENCY_KEY", "system-gear-ec-import-0012-29412345", "CLIENT_DIR", client.toString(),
                "CURL_MAX_TIME", "5"), 30, List.of("sh", SCRIPTS.resolve("trigger-import.sh").toString()));
    }

    @Test
    void triggerGetsATokenThenQueuesTheRunWithTheJobNameAsKey() throws IOException {
        var result = trigger(stub(200, 201));
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("import queued for supplier 0012"), result.output());
        assertEquals(List.of(
                "token POST " + CLIENT_ID + ":" + CLIENT_SECRET + " grant_type=client_credentials&scope=import%3Atrigger",
                "runs POST Bearer eyJ.test.token application/json "
                        + "{\"supplierCode\":\"0012\",\"idempotencyKey\":\"system-gear-ec-import-0012-29412345\"}"),
                requests);
    }

    @Test
    void aRetryOfARunAlreadyQueuedSucceeds() throws IOException {
        var result = trigger(stub(200, 409));
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("already queued under key system-gear-ec-import-0012-29412345"));
    }

    @Test
    void aRefusedTokenFailsTheJobWithAnErrorLine() throws IOException {
        var result = trigger(stub(401, 201));
        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains("[ERROR] token request answered HTTP 401"), result.output());
        assertEquals(1, requests.size(), "no trigger without a token");
    }

    @Test
    void aFailedTriggerFailsTheJob() throws IOException {
        var result = trigger(stub(200, 503));
        assertEquals(3, result.exitCode(), result.output());
        assertTrue(result.output().contains("[ERROR] trigger for supplier 0012 answered HTTP 503"), result.output());
    }

    @Test
    void anUnreachableServiceFailsTheJob() throws IOException {
        String base = stub(200, 201);
        server.stop(0);
        server = null;
        var result = trigger(base);
        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains("[ERROR] token request to"), result.output());
    }

    Map<String, String> pgEnv(LocalPostgres pg) {
        Map<String, String> env = new HashMap<>();
        env.put("PGHOST", pg.host);
        env.put("PGPORT", String.valueOf(pg.port));
        env.put("PGDATABASE", pg.database);
        env.put("PGUSER", pg.user);
        env.put("PGPASSWORD", pg.password);
        return env;
    }

    /** Backup as the CronJob runs it, rotation after 30 days, then the restore that helm/README.md documents. */
    @Test
    void backupRotatesOldDumpsAndRestoresIntoAFreshDatabase() throws Exception {
        try (var source = LocalPostgres.createDatabase("deployment_backup");
                var target = LocalPostgres.createDatabase("deployment_restore")) {
            try (var c = source.connect(); var st = c.createStatement()) {
                st.execute("CREATE SCHEMA catalog");
                st.execute("CREATE TABLE catalog.stock (sku text PRIMARY KEY, supplier_code text, quantity int, unit_cost numeric(12,2))");
                st.execute("INSERT INTO catalog.stock VALUES ('0001234', '0012', 5, 1280.50), ('JP-ケース-01', '00451', 0, 99.99)");
                st.execute("CREATE SCHEMA import");
                st.execute("CREATE TABLE import.chukan_file_tanka (id bigint GENERATED ALWAYS AS IDENTITY, sku text)");
                st.execute("INSERT INTO import.chukan_file_tanka (sku) SELECT 'SKU' || g FROM generate_series(1, 1000) g");
            }
            Path backups = Files.createDirectories(work.resolve("backups"));
            String prefix = source.database + "_";
            Path old = backups.resolve(prefix + "20000101T000000Z.dump");
            Path recent = backups.resolve(prefix + "20000201T000000Z.dump");
            Path otherDatabase = backups.resolve("unrelated_20000101T000000Z.dump");
            Path stalePartial = backups.resolve(prefix + "20000102T000000Z.dump.partial");
            for (Path p : List.of(old, recent, otherDatabase, stalePartial)) {
                Files.writeString(p, "x");
            }
            Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(31))));
            Files.setLastModifiedTime(otherDatabase, FileTime.from(Instant.now().minus(Duration.ofDays(31))));
            Files.setLastModifiedTime(stalePartial, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
            Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(Duration.ofDays(29))));

            Map<String, String> env = pgEnv(source);
            env.put("BACKUP_DIR", backups.toString());
            env.put("RETENTION_DAYS", "30");
            var result = Processes.run(work, env, 120, List.of("sh", SCRIPTS.resolve("backup.sh").toString()));
            assertEquals(0, result.exitCode(), result.output());

            List<Path> dumps;
            try (Stream<Path> files = Files.list(backups)) {
                dumps = files.filter(p -> p.getFileName().toString().matches(
                        java.util.regex.Pattern.quote(prefix) + "\\d{8}T\\d{6}Z\\.dump") && !p.equals(recent)).toList();
            }
            assertEquals(1, dumps.size(), "one new dump: " + dumps);
            assertFalse(Files.exists(old), "dumps older than 30 days are deleted");
            assertFalse(Files.exists(stalePartial), "abandoned partial dumps are deleted");
            assertTrue(Files.exists(recent), "dumps within 30 days are kept");
            assertTrue(Files.exists(otherDatabase), "only this database's dumps are rotated");

            // The documented restore (helm/README.md): into an empty database, stopping at the first error.
            var restore = Processes.run(work, pgEnv(target), 120, List.of("pg_restore", "--exit-on-error",
                    "--dbname=" + target.database, dumps.get(0).toString()));
            assertEquals(0, restore.exitCode(), restore.output());
            try (var c = target.connect(); var st = c.createStatement()) {
                assertEquals(List.of("0001234|0012|5|1280.50", "JP-ケース-01|00451|0|99.99"),
                        rows(st.executeQuery("SELECT sku, supplier_code, quantity, unit_cost FROM catalog.stock ORDER BY sku")));
                assertEquals(List.of("1000|1000"),
                        rows(st.executeQuery("SELECT count(*), max(id) FROM import.chukan_file_tanka")));
            }
        }
    }

    @Test
    void maintenanceAnalyzesEveryTable() throws Exception {
        try (var pg = LocalPostgres.createDatabase("deployment_maintenance")) {
            try (var c = pg.connect(); var st = c.createStatement()) {
                st.execute("CREATE SCHEMA catalog");
                st.execute("CREATE TABLE catalog.product (sku text PRIMARY KEY)");
                st.execute("INSERT INTO catalog.product SELECT 'SKU' || g FROM generate_series(1, 500) g");
                st.execute("DELETE FROM catalog.product WHERE sku LIKE 'SKU1%'");
            }
            var result = Processes.run(work, pgEnv(pg), 120, List.of("sh", SCRIPTS.resolve("maintenance.sh").toString()));
            assertEquals(0, result.exitCode(), result.output());
            assertTrue(result.output().contains("catalog.product"), result.output());
            try (var c = pg.connect(); var st = c.createStatement()) {
                List<String> analyzed = List.of();
                for (int i = 0; i < 50 && !analyzed.equals(List.of("t|t")); i++) {
                    analyzed = rows(st.executeQuery("SELECT last_analyze IS NOT NULL, last_vacuum IS NOT NULL "
                            + "FROM pg_stat_user_tables WHERE schemaname = 'catalog' AND relname = 'product'"));
                    Thread.sleep(100);
                }
                assertEquals(List.of("t|t"), analyzed, "VACUUM (ANALYZE) ran on catalog.product");
            }
        }
    }

    static List<String> rows(ResultSet rs) throws SQLException {
        List<String> out = new ArrayList<>();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
                if (i > 1) {
                    row.append('|');
                }
                Object v = rs.getObject(i);
                row.append(v instanceof Boolean b ? (b ? "t" : "f") : String.valueOf(v));
            }
            out.add(row.toString());
        }
        return out;
    }
}
