package jp.systemgear.ec.importer.source;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

import jp.systemgear.ec.importer.config.ImportConfig;
import jp.systemgear.ec.testing.TestApplicationDatabase;
import jp.systemgear.ec.testing.TestTokens;

/**
 * Queued runs (POST /runs) fetched from the supplier's source and processed under the same id: URL
 * suppliers (a supplier's server on 127.0.0.1 only, with its credential header from a secret), DROP_FOLDER
 * suppliers (the oldest complete file), and the failures: UPLOAD suppliers, an empty folder, 404, a body
 * over the upload limit (64 KiB in this profile), 304 and identical content.
 */
@QuarkusTest
@TestProfile(SourcesProfile.class)
class UrlAndTriggerTest {

    /** What the supplier's server serves per supplier code, and the credential header it saw. */
    static final Map<String, String> FILES = new ConcurrentHashMap<>();
    static final Map<String, String> ETAGS = new ConcurrentHashMap<>();
    static final Map<String, String> SEEN_HEADER = new ConcurrentHashMap<>();
    static final Map<String, Integer> CONDITIONAL = new ConcurrentHashMap<>();
    static Vertx vertx;
    static String base;

    @Inject
    ImportConfig config;

    @Inject
    DropFolderScanner scanner;

    final List<String> suppliers = new ArrayList<>();

    @BeforeAll
    static void supplierServer() {
        TestApplicationDatabase.migrateOwnedSchema("catalog", "catalog-service");
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.get("/feeds/:code/stock.csv").handler(ctx -> {
            String code = ctx.pathParam("code");
            for (String name : List.of("Authorization", "X-Api-Key")) {
                if (ctx.request().getHeader(name) != null) {
                    SEEN_HEADER.put(code, name + ": " + ctx.request().getHeader(name));
                }
            }
            String etag = ETAGS.get(code);
            if (etag != null && etag.equals(ctx.request().getHeader("If-None-Match"))) {
                CONDITIONAL.merge(code, 1, Integer::sum);
                ctx.response().setStatusCode(304).putHeader("ETag", etag).end();
                return;
            }
            String body = FILES.get(code);
            if (body == null) {
                ctx.response().setStatusCode(404).end("not here");
                return;
            }
            if (etag != null) {
                ctx.response().putHeader("ETag", etag);
            }
            ctx.response().putHeader("Content-Type", "text/csv").end(body);
        });
        router.get("/private/:code/stock.csv").handler(ctx -> {
            String expected = FILES.get("secret:" + ctx.pathParam("code"));
            if (expected == null || !expected.equals(ctx.request().getHeader("X-Api-Key"))) {
                ctx.response().setStatusCode(401).end();
                return;
            }
            ctx.response().end(Suppliers.CSV);
        });
        router.get("/huge/chunked.csv").handler(ctx -> {
            ctx.response().setChunked(true);
            String line = "000001,1,100\n".repeat(100);
            for (int i = 0; i < 100; i++) { // 130 KB, more than the 64 KiB limit, without a Content-Length
                ctx.response().write(line);
            }
            ctx.response().end();
        });
        router.get("/huge/declared.csv").handler(ctx -> ctx.response()
                .end(Buffer.buffer("code,stock,cost\n" + "000001,1,100\n".repeat(10_000))));
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").toCompletionStage()
                .toCompletableFuture().join();
        base = "http://127.0.0.1:" + server.actualPort();
    }

    @AfterAll
    static void stopServer() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    @AfterEach
    void forgetSuppliers() {
        Suppliers.remove(suppliers);
    }

    String urlSupplier(String url, String header, String secretRef) {
        String code = Suppliers.code("U");
        suppliers.add(code);
        Suppliers.register(code, "{\"type\":\"URL\",\"url\":\"" + url.replace("{code}", code) + "\""
                + (header == null ? "" : ",\"authHeaderName\":\"" + header + "\"")
                + (secretRef == null ? "" : ",\"authSecretRef\":\"" + secretRef + "\"") + "}", null);
        return code;
    }

    static long trigger(String supplier) {
        return given().auth().oauth2(TestTokens.operator()).contentType("application/json")
                .body("{\"supplierCode\":\"" + supplier + "\"}").when().post("/runs")
                .then().statusCode(201).body("status", equalTo("queued")).body("source", equalTo("trigger"))
                .extract().<Integer> path("id").longValue();
    }

    @Test
    void aTriggeredUrlRunIsFetchedWithItsSecretHeaderAndGoesOnUnderTheSameId() throws Exception {
        String ref = "SG_TEST_FEED_TOKEN_" + System.nanoTime();
        Files.writeString(Path.of(config.sources().secretsDir().orElseThrow(), ref), "s3cr3t-value\n");
        String code = urlSupplier(base + "/feeds/{code}/stock.csv", "X-Api-Key", ref);
        FILES.put(code, Suppliers.CSV);
        long id = trigger(code);
        assertEquals("committed", Suppliers.awaitStatus(id, "committed", "failed"));
        Suppliers.run(id).body("source", equalTo("trigger")).body("fileName", equalTo("stock.csv"))
                .body("sourceRef", equalTo(base + "/feeds/" + code + "/stock.csv")).body("rowsTotal", equalTo(2))
                .body("fileSize", equalTo(Suppliers.CSV.getBytes(StandardCharsets.UTF_8).length));
        assertEquals("X-Api-Key: s3cr3t-value", SEEN_HEADER.get(code));
        assertEquals(List.of((int) id), Suppliers.runIds(code), "no second run was made");
    }

    @Test
    void theSecretCanBeAnEnvironmentVariableAndAWrongOneIsAClearFailure() {
        // The credential is read from the environment at fetch time; any variable the test JVM has will do.
        String variable = Stream.of("HOME", "PATH", "USER", "PWD").filter(v -> System.getenv(v) != null).findFirst()
                .orElseThrow();
        String code = urlSupplier(base + "/feeds/{code}/stock.csv", null, variable);
        FILES.put(code, Suppliers.CSV);
        long id = trigger(code);
        assertEquals("committed", Suppliers.awaitStatus(id, "committed", "failed"));
        assertEquals("Authorization: " + System.getenv(variable).strip(), SEEN_HEADER.get(code));

        String refused = urlSupplier(base + "/private/{code}/stock.csv", "X-Api-Key", variable);
        FILES.put("secret:" + refused, "another value");
        long denied = trigger(refused);
        assertEquals("failed", Suppliers.awaitStatus(denied, "committed", "failed"));
        Suppliers.run(denied).body("errorCode", equalTo("FILE_UPLOAD_ERROR"))
                .body("errorMessage", containsString("HTTP 401"))
                .body("errorMessage", containsString("authSecretRef"));
        String message = Suppliers.run(denied).extract().path("errorMessage");
        assertFalse(message.contains(System.getenv(variable).strip()), "the secret is never in a message");

        String unset = urlSupplier(base + "/feeds/{code}/stock.csv", null, "SG_NO_SUCH_SECRET_" + System.nanoTime());
        long missing = trigger(unset);
        assertEquals("failed", Suppliers.awaitStatus(missing, "committed", "failed"));
        Suppliers.run(missing).body("errorMessage", containsString("is not set"));

        String own = urlSupplier(base + "/feeds/{code}/stock.csv", null, "DB_PASSWORD");
        long leak = trigger(own);
        assertEquals("failed", Suppliers.awaitStatus(leak, "committed", "failed"));
        Suppliers.run(leak).body("errorMessage", containsString("not a secret import-service may send"));
        assertNull(SEEN_HEADER.get(own));
    }

    @Test
    void a404AndBodiesOverTheUploadLimitFailTheRunWithFileUploadError() throws Exception {
        String missing = urlSupplier(base + "/feeds/{code}/stock.csv", null, null);
        long notFound = trigger(missing);
        String chunked = urlSupplier(base + "/huge/chunked.csv", null, null);
        long tooLarge = trigger(chunked);
        String declared = urlSupplier(base + "/huge/declared.csv", null, null);
        long declaredTooLarge = trigger(declared);
        String closed = urlSupplier("http://127.0.0.1:9/nothing.csv", null, null);
        long unreachable = trigger(closed);

        assertEquals("failed", Suppliers.awaitStatus(notFound, "committed", "failed"));
        Suppliers.run(notFound).body("errorCode", equalTo("FILE_UPLOAD_ERROR"))
                .body("errorMessage", containsString("answered HTTP 404"));
        for (long id : List.of(tooLarge, declaredTooLarge)) {
            assertEquals("failed", Suppliers.awaitStatus(id, "committed", "failed"));
            Suppliers.run(id).body("errorCode", equalTo("FILE_UPLOAD_ERROR"))
                    .body("errorMessage", containsString("more than the upload limit of 65536 bytes"));
        }
        assertEquals("failed", Suppliers.awaitStatus(unreachable, "committed", "failed"));
        Suppliers.run(unreachable).body("errorMessage", containsString("could not be reached"));
        try (Stream<Path> left = Files.list(Path.of(config.dirs().upload(), "fetch"))) {
            assertEquals(0, left.count(), "no partial download is left behind");
        }
    }

    @Test
    void notModifiedAndIdenticalContentAreNotImportedAgain() {
        String tagged = urlSupplier(base + "/feeds/{code}/stock.csv", null, null);
        FILES.put(tagged, Suppliers.CSV);
        ETAGS.put(tagged, "\"v1\"");
        long first = trigger(tagged);
        assertEquals("committed", Suppliers.awaitStatus(first, "committed", "failed"));
        long second = trigger(tagged);
        assertEquals("failed", Suppliers.awaitStatus(second, "committed", "failed"));
        Suppliers.run(second).body("errorCode", equalTo("FILE_UPLOAD_ERROR"))
                .body("errorMessage", containsString("304 Not Modified since run " + first));
        assertEquals(1, CONDITIONAL.get(tagged));

        String untagged = urlSupplier(base + "/feeds/{code}/stock.csv", null, null);
        FILES.put(untagged, Suppliers.CSV.replace("000102,7", "000102,8"));
        long one = trigger(untagged);
        assertEquals("committed", Suppliers.awaitStatus(one, "committed", "failed"));
        long again = trigger(untagged);
        assertEquals("failed", Suppliers.awaitStatus(again, "committed", "failed"));
        Suppliers.run(again).body("errorMessage", containsString("identical (SHA-256) to the one run " + one));
    }

    @Test
    void aTriggeredDropFolderRunTakesTheOldestCompleteFileUnderTheSameId() throws Exception {
        String code = Suppliers.code("T");
        suppliers.add(code);
        Suppliers.register(code, "{\"type\":\"DROP_FOLDER\",\"filePattern\":\"*.csv\"}", null);
        Path folder = Files.createDirectories(Path.of(config.dirs().input(), code)); // folder defaults to the code
        Files.writeString(folder.resolve("older.csv"), Suppliers.CSV);
        Files.setLastModifiedTime(folder.resolve("older.csv"), FileTime.from(Instant.now().minusSeconds(120)));
        Files.writeString(folder.resolve("newer.csv"), Suppliers.CSV.replace("000101,5", "000101,6"));
        Files.setLastModifiedTime(folder.resolve("newer.csv"), FileTime.from(Instant.now().minusSeconds(60)));

        long id = trigger(code);
        assertEquals("committed", Suppliers.awaitStatus(id, "committed", "failed"));
        Suppliers.run(id).body("source", equalTo("trigger")).body("sourceRef", equalTo("older.csv"))
                .body("fileName", equalTo("older.csv"));
        assertTrue(Files.exists(folder.resolve("newer.csv")), "one file per triggered run");
        Path processed = Path.of(config.dirs().processed(), id + "_older.csv");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            scanner.finishEnded(scanner.folder());
            return Files.exists(processed);
        });

        long next = trigger(code);
        assertEquals("committed", Suppliers.awaitStatus(next, "committed", "failed"));
        Suppliers.run(next).body("sourceRef", equalTo("newer.csv"));

        long nothing = trigger(code);
        assertEquals("failed", Suppliers.awaitStatus(nothing, "committed", "failed"));
        Suppliers.run(nothing).body("errorCode", equalTo("FILE_UPLOAD_ERROR"))
                .body("errorMessage", containsString("No complete file to import in the drop folder"));
        assertEquals(3, Suppliers.runIds(code).size());
    }

    @Test
    void aTriggeredRunOfAnUploadSupplierOrAnUnknownOneFailsWithAClearMessage() {
        String code = Suppliers.code("P");
        suppliers.add(code);
        Suppliers.register(code, "{\"type\":\"UPLOAD\"}", null);
        long id = trigger(code);
        assertEquals("failed", Suppliers.awaitStatus(id, "committed", "failed"));
        Suppliers.run(id).body("errorCode", equalTo("FILE_UPLOAD_ERROR"))
                .body("errorMessage", containsString("sends its files by upload"))
                .body("finishedAt", org.hamcrest.Matchers.notNullValue());

        long unknown = trigger(Suppliers.code("NONE"));
        assertEquals("failed", Suppliers.awaitStatus(unknown, "committed", "failed"));
        Suppliers.run(unknown).body("errorMessage", containsString("unknown to catalog-service"));
        assertNotNull(unknown);
    }
}
