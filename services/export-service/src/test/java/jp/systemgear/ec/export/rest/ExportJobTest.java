package jp.systemgear.ec.export.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import jp.systemgear.ec.export.repository.ExportJobRepository;
import jp.systemgear.ec.export.service.ExportJobWatch;
import jp.systemgear.ec.export.service.ScheduledExports;
import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestTokens;

/** Export files on demand and on a template's schedule: atomic files, history, checksum, download, one run per fire. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(CatalogSchemaFixture.WorkProfile.class)
class ExportJobTest {

    private static final Charset WINDOWS_31J = Charset.forName("Windows-31J");

    @Inject
    ScheduledExports schedules;

    @Inject
    ExportJobWatch watch;

    @Inject
    ExportJobRepository jobRepository;

    @BeforeAll
    static void seed() throws Exception {
        CatalogSchemaFixture.migrate();
        CatalogSchemaFixture.execute(
                "insert into catalog.supplier (code, name) values ('JB1', 'ジョブ卸') on conflict do nothing",
                "insert into catalog.product (sku, name) values ('JOB-1', 'ジョブ商品①'), ('JOB-2', 'ジョブ商品②') "
                        + "on conflict do nothing",
                "insert into catalog.stock (product_id, supplier_id, quantity, unit_cost, run_id, import_date) "
                        + "select p.id, s.id, 8, 250, 1, date '2026-11-01' from catalog.product p, catalog.supplier s "
                        + "where p.sku like 'JOB-%' and s.code = 'JB1' on conflict do nothing");
    }

    private static JsonPath waitForJob(long id) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            JsonPath job = given().auth().oauth2(TestTokens.viewer()).when().get("/jobs/" + id)
                    .then().statusCode(200).extract().jsonPath();
            if (!job.getString("status").equals("running") || System.nanoTime() > deadline) {
                return job;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void onDemandTemplateFileIsWrittenAtomicallyRecordedAndDownloadable() throws Exception {
        String code = TemplateExportTest.create(TemplateExportTest.rakuten("job-" + UUID.randomUUID().toString().substring(0, 6),
                "rk-", ""));
        var accepted = given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"template\":\"" + code + "\"}")
                .when().post("/jobs").then().statusCode(202).extract();
        long id = accepted.jsonPath().getLong("id");
        assertTrue(accepted.header("Location").endsWith("/jobs/" + id), accepted.header("Location"));
        JsonPath job = waitForJob(id);
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals("test-operator", job.getString("requestedBy"), "the principal who asked");
        assertEquals("manual", job.getString("trigger"));
        assertEquals(code, job.getString("template"));
        assertEquals("Windows-31J", job.getString("encoding"));
        String fileName = job.getString("fileName");
        assertTrue(fileName.startsWith(code + "-") && fileName.endsWith("-" + id + ".csv"), fileName);

        Path file = CatalogSchemaFixture.WorkProfile.EXPORT_DIR.resolve(fileName);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, WINDOWS_31J);
        assertTrue(text.startsWith("コントロールカラム,商品管理番号,商品名,在庫数,原価\r\n"), text);
        assertTrue(text.contains("u,rk-JOB-1,ジョブ商品①,8,250\r\n"), text);
        assertEquals(bytes.length, job.getLong("bytes"));
        assertEquals(text.lines().count() - 1, job.getLong("rows"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), job.getString("sha256"));
        try (Stream<Path> files = Files.list(CatalogSchemaFixture.WorkProfile.EXPORT_DIR)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        }

        byte[] downloaded = given().auth().oauth2(TestTokens.viewer()).when().get("/jobs/" + id + "/file")
                .then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("ETag", "\"" + job.getString("sha256") + "\"")
                .extract().asByteArray();
        assertArrayEquals(bytes, downloaded);

        given().auth().oauth2(TestTokens.viewer()).when().get("/jobs?template=" + code)
                .then().statusCode(200).body("id", hasItem((int) id)).body("[0].file", equalTo("jobs/" + id + "/file"));
    }

    @Test
    void standardColumnsJobWithFilters() throws Exception {
        long id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"level\":\"supplier\",\"format\":\"ndjson\",\"sku\":[\"JOB-2\"]}")
                .when().post("/jobs").then().statusCode(202).extract().jsonPath().getLong("id");
        JsonPath job = waitForJob(id);
        assertEquals("succeeded", job.getString("status"));
        assertEquals(1, job.getLong("rows"));
        String line = Files.readString(CatalogSchemaFixture.WorkProfile.EXPORT_DIR.resolve(job.getString("fileName")));
        assertTrue(line.startsWith("{\"sku\":\"JOB-2\""), line);
    }

    @Test
    void badJobRequestsAreRefusedBeforeAnythingIsRecorded() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body("{\"format\":\"xml\"}")
                .when().post("/jobs").then().statusCode(400).body("errors.field", hasItem("format"));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body("{\"template\":\"no-such\"}")
                .when().post("/jobs").then().statusCode(404);
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body("{}")
                .when().post("/jobs").then().statusCode(403);
        given().auth().oauth2(TestTokens.viewer()).when().get("/jobs/999999").then().statusCode(404);
        given().auth().oauth2(TestTokens.viewer()).when().get("/jobs?limit=0").then().statusCode(400);
    }

    @Test
    void aScheduledFireRunsOnceAcrossReplicasAndTicks() throws Exception {
        String code = TemplateExportTest.create(TemplateExportTest.rakuten("cron-" + UUID.randomUUID().toString().substring(0, 6),
                "", ",\"scheduleCron\":\"*/5 * * * *\""));
        Instant now = Instant.now();
        // Two replicas tick at the same moment, then one ticks again within the same fire.
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> due(now));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> due(now));
        int ran = a.get() + b.get() + due(now);
        Instant fire = now.truncatedTo(ChronoUnit.MINUTES).minus(now.atZone(java.time.ZoneOffset.UTC).getMinute() % 5, ChronoUnit.MINUTES);
        try (var c = CatalogSchemaFixture.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*), min(scheduled_for), min(status), min(requested_by) "
                        + "from export.export_job where template_code = '" + code + "'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "one file for the fire");
            assertEquals(fire, rs.getTimestamp(2).toInstant());
            assertEquals("succeeded", rs.getString(3));
            assertEquals("scheduler", rs.getString(4));
        }
        assertEquals(1, ran, "the fire ran on exactly one of the replicas");
        try (var c = CatalogSchemaFixture.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select outcome from export.scheduled_job_execution "
                        + "where job_name = 'template:" + code + "'")) {
            rs.next();
            assertEquals("succeeded", rs.getString(1));
            assertFalse(rs.next(), "one claim");
        }
        // A fire older than the catch-up window is not replayed: a new schedule does not run its past.
        String leap = TemplateExportTest.create(TemplateExportTest.rakuten("leap-" + UUID.randomUUID().toString().substring(0, 6),
                "", ",\"scheduleCron\":\"0 0 29 2 *\""));
        assertEquals(0, due(now));
        given().auth().oauth2(TestTokens.viewer()).when().get("/jobs?template=" + leap)
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aJobWhoseReplicaStoppedIsEndedFailedAndItsTemporaryFileRemoved() throws Throwable {
        long abandoned;
        long renewed;
        long fresh;
        try (var c = CatalogSchemaFixture.connect(); Statement s = c.createStatement()) {
            abandoned = newRunningJob(s, "10 minutes");
            renewed = newRunningJob(s, "10 minutes");
            fresh = newRunningJob(s, "5 seconds");
        }
        // What the dead replica left: its half-written file under the temporary name.
        Path part = CatalogSchemaFixture.WorkProfile.EXPORT_DIR.resolve(".stock-stock-20261129-000000-" + abandoned + ".csv.part");
        Files.writeString(part, "sku,quantity\r\nJOB-1,");
        // A live replica renews the heartbeat of the job it writes.
        VertxContextSupport.subscribeAndAwait(() -> jobRepository.heartbeat(new Long[] { renewed }));

        var ended = VertxContextSupport.subscribeAndAwait(() -> watch.watch());
        assertEquals(java.util.List.of(abandoned), ended.stream().map(j -> j.id()).filter(id -> id == abandoned
                || id == renewed || id == fresh).toList());
        assertFalse(Files.exists(part), "the temporary file is removed");
        JsonPath job = given().auth().oauth2(TestTokens.viewer()).when().get("/jobs/" + abandoned)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("failed", job.getString("status"));
        assertTrue(job.getString("error").startsWith("abandoned"), job.getString("error"));
        given().auth().oauth2(TestTokens.viewer()).when().get("/jobs/" + renewed).then().body("status", equalTo("running"));
        given().auth().oauth2(TestTokens.viewer()).when().get("/jobs/" + fresh).then().body("status", equalTo("running"));
        given().auth().oauth2(TestTokens.viewer()).when().get("/jobs/" + abandoned + "/file").then().statusCode(409);
        // Ended once: a second look (another replica) finds nothing more to end.
        assertTrue(VertxContextSupport.subscribeAndAwait(() -> watch.watch()).stream().noneMatch(j -> j.id() == abandoned));
        CatalogSchemaFixture.execute("update export.export_job set status = 'failed', finished_at = now() where id in ("
                + renewed + ", " + fresh + ")");
    }

    private static long newRunningJob(Statement s, String heartbeatAge) throws java.sql.SQLException {
        try (ResultSet rs = s.executeQuery("insert into export.export_job (level, format, encoding, requested_by, "
                + "trigger_kind, heartbeat_at) values ('stock', 'csv', 'UTF-8', 'test-operator', 'manual', now() - interval '"
                + heartbeatAge + "') returning id")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private int due(Instant now) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> schedules.runDue(now));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
