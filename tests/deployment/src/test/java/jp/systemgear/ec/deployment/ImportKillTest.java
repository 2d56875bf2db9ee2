package jp.systemgear.ec.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue #5's kill test: auth, catalog and import-service as real processes on a real PostgreSQL; a
 * 150,000-row Windows-31J file is uploaded and import-service is killed with SIGKILL at a chosen moment
 * of the run, then started again. Whatever the moment, the run must end committed or failed (never
 * stuck), and catalog's stock must hold either every row of the file or none of them.
 */
class ImportKillTest {

    static final int ROWS = 150_000;
    static final String SUPPLIER = "KILL01";
    static final Charset SJIS = Charset.forName("windows-31j");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String ADMIN_PASSWORD = "Kill-test-" + UUID.randomUUID();

    static LocalPostgres pg;
    static Path work;
    static final Map<String, Integer> http = new LinkedHashMap<>();
    static final Map<String, Integer> management = new LinkedHashMap<>();
    static final Map<String, Process> processes = new LinkedHashMap<>();
    static final Map<String, Map<String, String>> envs = new LinkedHashMap<>();
    static String token;

    @BeforeAll
    static void startServices() throws Exception {
        pg = LocalPostgres.createDatabase("killtest");
        work = Files.createTempDirectory("import-kill");
        Path key = work.resolve("jwt.pem");
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        String internalSecret = "internal-" + UUID.randomUUID();
        for (String svc : List.of("auth", "catalog", "import")) {
            http.put(svc, MetricsExistTest.freePort());
            management.put(svc, MetricsExistTest.freePort());
        }
        for (String svc : List.of("auth", "catalog", "import")) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("DB_HOST", pg.host);
            env.put("DB_PORT", String.valueOf(pg.port));
            env.put("DB_NAME", pg.database);
            env.put("DB_USER", pg.user);
            env.put("DB_PASSWORD", pg.password);
            env.put("HTTP_PORT", String.valueOf(http.get(svc)));
            env.put("MANAGEMENT_PORT", String.valueOf(management.get(svc)));
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
            env.put("AUTH_JWKS_URL", "http://127.0.0.1:" + http.get("auth") + "/api/auth/jwks");
            env.put("JAVA_TOOL_OPTIONS", "-Xmx384m");
            switch (svc) {
                case "auth" -> {
                    env.put("JWT_PRIVATE_KEY_FILE", key.toString());
                    env.put("AUTH_ADMIN_USERNAME", "killadmin");
                    env.put("AUTH_ADMIN_PASSWORD", ADMIN_PASSWORD);
                    env.put("AUTH_INTERNAL_CLIENT_SECRET", internalSecret);
                }
                case "import" -> {
                    env.put("IMPORT_CLIENT_SECRET", internalSecret);
                    env.put("AUTH_URL", "http://127.0.0.1:" + http.get("auth") + "/api/auth");
                    env.put("CATALOG_URL", "http://127.0.0.1:" + http.get("catalog") + "/api/catalog");
                    env.put("IMPORT_STALE_AFTER", "4s");
                    env.put("IMPORT_POLL_INTERVAL", "0.5s");
                    for (String dir : List.of("UPLOAD_DIR", "INPUT_DIR", "PROCESSED_DIR", "ERROR_DIR")) {
                        env.put(dir, work.resolve(dir.toLowerCase()).toString());
                    }
                }
                default -> {
                }
            }
            envs.put(svc, env);
            start(svc);
        }
        token = JSON.readTree(post("auth", "/login", "application/json",
                "{\"username\":\"killadmin\",\"password\":\"" + ADMIN_PASSWORD + "\"}", null)).get("accessToken").asText();
        post("catalog", "/suppliers", "application/json", """
                {"code":"%s","name":"強制終了テスト問屋","missingItemsPolicy":"KEEP",
                 "guard":{"minRows":1,"maxRowDropPercent":100,"maxZeroStockPercent":100,"maxCostChangePercent":1000},
                 "profile":{"format":"CSV","encoding":"Shift_JIS","headerRows":1,
                   "columns":{"code":{"header":"商品コード"},"name":{"header":"商品名"},"stock":{"header":"在庫数"},
                              "cost":{"header":"単価"}}}}
                """.formatted(SUPPLIER), token);
        put("catalog", "/suppliers/" + SUPPLIER + "/rules", """
                {"rules":[{"name":"全品","match":{"type":"PREFIX","prefix":"K","skuTemplate":"KILL-{rest}"}}]}
                """, token);
        try (Connection c = pg.connect(); var st = c.createStatement()) {
            st.execute("insert into catalog.product (sku, name) select 'KILL-' || g, '強制終了商品' || g "
                    + "from generate_series(1, " + ROWS + ") g");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process p : processes.values()) {
            p.destroy();
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (pg != null) {
            pg.close();
        }
    }

    /**
     * @param moment the run's state in which import-service is killed: right after the upload
     *               (received), while reading and staging (parsing), or while catalog applies (applying)
     */
    @ParameterizedTest
    @ValueSource(strings = { "received", "parsing", "applying" })
    void killedAtAnyMomentTheRunEndsCommittedOrFailedAndStockHasAllOrNothing(String moment) throws Exception {
        int quantity = switch (moment) {
            case "received" -> 11;
            case "parsing" -> 22;
            default -> 33;
        };
        Path file = work.resolve("kill-" + moment + ".csv");
        try (Writer w = Files.newBufferedWriter(file, SJIS)) {
            w.write("商品コード,商品名,在庫数,単価\r\n");
            for (int i = 1; i <= ROWS; i++) {
                w.write("K" + i + ",髙島屋①ｻﾝﾌﾟﾙ～" + i + "," + quantity + "," + (100 + i % 900) + "\r\n");
            }
        }
        long runId = upload(file);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String seen;
        // "received": killed as soon as the upload is answered, whatever the workers have begun.
        while (!moment.equals("received") && !(seen = status(runId)).equals(moment)) {
            assertTrue(!List.of("committed", "failed", "held").contains(seen),
                    "the run got to " + seen + " before it could be killed while " + moment);
            assertTrue(System.nanoTime() < deadline, "run " + runId + " never reached " + moment + " (last: " + seen + ")");
            Thread.sleep(2);
        }
        Process importService = processes.get("import");
        importService.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
        assertTrue(importService.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        String atKill = status(runId);
        start("import");

        deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        String end;
        while (!List.of("committed", "failed").contains(end = status(runId))) {
            assertTrue(System.nanoTime() < deadline, "run " + runId + " stuck in " + end + " after the restart");
            Thread.sleep(250);
        }
        long withQuantity = count("select count(*) from catalog.stock s join catalog.supplier p on p.id = s.supplier_id "
                + "where p.code = '" + SUPPLIER + "' and s.quantity = " + quantity);
        long applied = count("select count(*) from catalog.applied_run where run_id = " + runId);
        if (end.equals("committed")) {
            assertEquals(1, applied);
            assertEquals(ROWS, withQuantity, "a committed run has every row applied");
        } else {
            assertEquals(0, applied);
            assertEquals(0, withQuantity, "a failed run has nothing applied");
        }
        assertEquals(0, count("select count(*) from import.import_run where supplier_code = '" + SUPPLIER
                + "' and status not in ('committed', 'failed', 'rejected', 'rolled_back')"), "no run left behind");
        System.out.printf("kill test: killed while %s (state at kill: %s) -> %s%n", moment, atKill, end);
    }

    // --- helpers ------------------------------------------------------------------------------

    static void start(String svc) throws Exception {
        Path jar = Repo.ROOT.resolve("services/" + svc + "-service/target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), jar + " is missing: build the services first");
        Path log = work.resolve(svc + "-service.log");
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(envs.get(svc));
        Process p = builder.start();
        processes.put(svc, p);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (MetricsExistTest.status("http://127.0.0.1:" + management.get(svc) + "/q/health/ready") != 200) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                fail(svc + "-service did not start:\n" + TopologyTest.tail(log));
            }
            Thread.sleep(200);
        }
    }

    static long upload(Path file) throws Exception {
        var r = Processes.run(work, Map.of(), 120, List.of("curl", "-sS", "-w", "\n%{http_code}", "-H",
                "Authorization: Bearer " + token, "-F", "file=@" + file + ";type=text/csv",
                "http://127.0.0.1:" + http.get("import") + "/api/import/suppliers/" + SUPPLIER + "/files"));
        String out = r.output().strip();
        assertEquals(0, r.exitCode(), out);
        assertTrue(out.endsWith("201"), "upload refused: " + out);
        return JSON.readTree(out.substring(0, out.lastIndexOf('\n'))).get("id").asLong();
    }

    static String status(long runId) throws SQLException {
        try (Connection c = pg.connect(); PreparedStatement st = c.prepareStatement(
                "select status from import.import_run where id = ?")) {
            st.setLong(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : "missing";
            }
        }
    }

    static long count(String sql) throws SQLException {
        try (Connection c = pg.connect(); var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String post(String svc, String path, String type, String body, String bearer) throws Exception {
        return send(HttpRequest.newBuilder(uri(svc, path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)), bearer);
    }

    static String put(String svc, String path, String body, String bearer) throws Exception {
        return send(HttpRequest.newBuilder(uri(svc, path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), bearer);
    }

    static URI uri(String svc, String path) {
        return URI.create("http://127.0.0.1:" + http.get(svc) + "/api/" + svc + path);
    }

    static String send(HttpRequest.Builder request, String bearer) throws IOException, InterruptedException {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() / 100 == 2, request.build().uri() + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

}
