package jp.systemgear.ec.importer.pipeline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

import jp.systemgear.ec.testing.TestApplicationDatabase;
import jp.systemgear.ec.testing.TestTokens;

/**
 * Files through the whole pipeline: read, mapped with the supplier's compiled rules, staged with COPY,
 * guarded against current stock (catalog's real schema and view, made by catalog's own migrations), and
 * applied through catalog's API (at its HTTP boundary: {@link FakeCatalog}).
 */
@QuarkusTest
@TestProfile(PipelineProfile.class)
class PipelineTest {

    static final Charset SJIS = Charset.forName("windows-31j");

    static final String RULES = """
            {"formatVersion":1,"supplierCode":"%s","ruleVersion":7,
             "valueFormat":{"decimalSeparator":".","thousandsSeparator":",","stockSymbols":{"○":10,"△":3,"×":0,"":0}},
             "rules":[
               {"name":"見本は除外","match":{"type":"PREFIX","prefix":"SAMPLE"},"exclude":true},
               {"name":"数字コード","match":{"type":"REGEX","pattern":"^0*(\\\\d+)$","skuTemplate":"SG-{1}"},
                "transforms":[{"type":"TAX_INCLUDE","rate":10},{"type":"ROUND","mode":"FLOOR","unit":1}]}
             ],"janIndex":{}}
            """;

    static final String SUPPLIER = """
            {"code":"%s","name":"テスト問屋","active":true,
             "profile":{"format":"CSV","encoding":"Shift_JIS","headerRows":1,
               "columns":{"code":{"header":"商品コード"},"name":{"header":"商品名"},"jan":{"header":"JAN"},
                          "stock":{"header":"在庫"},"cost":{"header":"単価"}}},
             "source":{"type":"UPLOAD"},"guard":{"minRows":1,"maxRowDropPercent":30,"maxZeroStockPercent":50,
             "maxCostChangePercent":50},"missingItemsPolicy":"%s"}
            """;

    @BeforeAll
    static void catalogSchema() {
        TestApplicationDatabase.migrateOwnedSchema("catalog", "catalog-service");
    }

    static String supplier(String policy) {
        String code = "T" + UUID.randomUUID().toString().substring(0, 7);
        FakeCatalog.SUPPLIERS.put(code, SUPPLIER.formatted(code, policy));
        FakeCatalog.RULES.put(code, RULES.formatted(code));
        return code;
    }

    static byte[] sjis(String text) {
        return text.replace("\n", "\r\n").getBytes(SJIS);
    }

    static int upload(String supplier, byte[] file, String query) {
        return given().auth().oauth2(TestTokens.operator()).multiPart("file", "zaiko.csv", file, "text/csv")
                .when().post("/suppliers/" + supplier + "/files" + query)
                .then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse run(int id) {
        return Runs.run(id);
    }

    static String awaitStatus(int id, String... states) {
        return Runs.awaitStatus(id, states);
    }

    static final String FILE = """
            商品コード,商品名,JAN,在庫,単価
            000123,髙島屋①ｻﾝﾌﾟﾙ～,4901234567894,○,"1,280"
            000124,限定品,4902102072618,×,500
            000125,数量あり,,△,300
            SAMPLE-1,見本,,○,0
            ABC-9,規則なし,,○,100
            000126,JAN誤り,4901234567890,○,100
            000127,単価不正,,○,abc
            000128,列不足,,○
            """;

    @Test
    void aWindows31jFileIsMappedStagedAndAppliedWithItsRuleVersionAndRowErrors() throws SQLException {
        String supplier = supplier("KEEP");
        int id = upload(supplier, sjis(FILE), "");
        assertEquals("committed", awaitStatus(id, "committed", "failed"));
        run(id).body("ruleVersion", equalTo(7)).body("rowsTotal", equalTo(8)).body("rowsStaged", equalTo(4))
                .body("rowsUnmatched", equalTo(1)).body("rowsExcluded", equalTo(1)).body("rowsError", equalTo(3))
                .body("detectedEncoding", equalTo("Windows-31J"))
                .body("headers", contains("商品コード", "商品名", "JAN", "在庫", "単価"))
                .body("phaseMillis.parse", notNullValue()).body("phaseMillis.guard", notNullValue())
                .body("phaseMillis.apply", notNullValue()).body("applied.rowsChanged", equalTo(2))
                .body("diff.new", equalTo(3)).body("rowsPerSecond", notNullValue());

        given().auth().oauth2(TestTokens.viewer()).when().get("/runs/" + id + "/rows").then().statusCode(200)
                .body("sku", contains("SG-123", "SG-124", "SG-125", null))
                .body("unitCost", contains(1408.0f, 550.0f, 330.0f, null))
                .body("quantity", contains(10, 0, 3, null))
                .body("[0].rawValues", contains("000123", "4901234567894", "髙島屋①ｻﾝﾌﾟﾙ～", "○", "1,280"))
                .body("[0].line", equalTo(2));
        given().auth().oauth2(TestTokens.viewer()).when().get("/runs/" + id + "/errors").then().statusCode(200)
                .body("line", contains(7, 8, 9))
                .body("[0].reason", containsString("check digit"))
                .body("[1].rawText", equalTo("000127,単価不正,,○,abc"))
                .body("[2].reason", containsString("ragged"));

        FakeCatalog.Call apply = FakeCatalog.calls(id).get(0);
        assertEquals("apply", apply.what());
        assertEquals("test-operator", apply.onBehalfOf());
        assertTrue(apply.authorization().startsWith("Bearer "));
        try (Connection c = TestApplicationDatabase.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*), min(import_date), max(rule_version) "
                        + "from import.staged_row_v1 where run_id = " + id)) {
            rs.next();
            assertEquals(4, rs.getInt(1));
            assertEquals(7, rs.getInt(3));
        }
    }

    @Test
    void theErrorReportIsInTheSuppliersEncodingAndItsCorrectionImportsOnlyThoseRows() {
        String supplier = supplier("ZERO");
        int id = upload(supplier, sjis(FILE), "");
        awaitStatus(id, "committed");
        byte[] report = given().auth().oauth2(TestTokens.viewer()).when().get("/runs/" + id + "/error-report")
                .then().statusCode(200).header("Content-Disposition", containsString(".csv"))
                .extract().asByteArray();
        String text = new String(report, SJIS);
        String[] lines = text.split("\r\n");
        assertEquals("商品コード,商品名,JAN,在庫,単価,取込エラー理由", lines[0]);
        assertEquals(4, lines.length, text);
        assertTrue(lines[2].startsWith("000127,単価不正,,○,abc,"), lines[2]);

        String corrected = text.replace("4901234567890", "4901234567894").replace("abc", "120")
                .replace("000128,列不足,,○,", "000128,列不足,,○,90,");
        int fix = upload(supplier, corrected.getBytes(SJIS), "?partial=true");
        assertEquals("committed", awaitStatus(fix, "committed", "failed"));
        run(fix).body("partial", equalTo(true)).body("rowsStaged", equalTo(3)).body("rowsError", equalTo(0));
        assertTrue(FakeCatalog.calls(fix).get(0).partial());
    }

    @Test
    void emptyAndHeaderOnlyFilesFailAndNeverReachCatalog() {
        String supplier = supplier("ZERO");
        for (byte[] file : List.of(new byte[0], sjis("商品コード,商品名,JAN,在庫,単価\n"))) {
            int id = upload(supplier, file, "");
            assertEquals("failed", awaitStatus(id, "failed", "committed"));
            run(id).body("errorCode", equalTo("BATCH_PROCESS_ERROR")).body("errorMessage", containsString("no data rows"));
            assertEquals(List.of(), FakeCatalog.calls(id));
        }
    }

    @Test
    void aDryRunStopsWithItsDiffAndIsAppliedOrDiscardedByAnOperator() throws SQLException {
        String supplier = supplier("ZERO");
        stock(supplier, "SG-123", 10, "1408"); // unchanged
        stock(supplier, "SG-124", 5, "550");   // zeroed
        stock(supplier, "SG-999", 2, "10");    // missing
        int id = upload(supplier, sjis(FILE), "?dryRun=true");
        assertEquals("staged", awaitStatus(id, "staged", "failed", "committed"));
        run(id).body("dryRun", equalTo(true)).body("diff.new", equalTo(1)).body("diff.changed", equalTo(1))
                .body("diff.unchanged", equalTo(1)).body("diff.missing", equalTo(1)).body("diff.zeroed", equalTo(1));
        given().auth().oauth2(TestTokens.viewer()).queryParam("kind", "ZEROED").when().get("/runs/" + id + "/diff")
                .then().statusCode(200).body("sku", contains("SG-124")).body("[0].currentQuantity", equalTo(5))
                .body("[0].newQuantity", equalTo(0));
        given().auth().oauth2(TestTokens.viewer()).queryParam("kind", "MISSING").when().get("/runs/" + id + "/diff")
                .then().statusCode(200).body("sku", contains("SG-999"));
        assertEquals(List.of(), FakeCatalog.calls(id));
        given().auth().oauth2(TestTokens.viewer()).when().post("/runs/" + id + "/approve").then().statusCode(403);
        given().auth().oauth2(TestTokens.operator()).when().post("/runs/" + id + "/approve").then().statusCode(200);
        assertEquals("committed", awaitStatus(id, "committed", "failed"));
        run(id).body("decidedBy", equalTo("test-operator"));
        given().auth().oauth2(TestTokens.operator()).when().post("/runs/" + id + "/approve").then().statusCode(409)
                .body("code", equalTo("CONFLICT"));

        int discarded = upload(supplier, sjis(FILE + "000200,追加,,○,1\n"), "?dryRun=true");
        awaitStatus(discarded, "staged");
        given().auth().oauth2(TestTokens.operator()).when().post("/runs/" + discarded + "/reject").then()
                .statusCode(200).body("status", equalTo("rejected"));
        given().auth().oauth2(TestTokens.viewer()).when().get("/runs/" + discarded + "/rows").then().body("$", hasSize(0));
    }

    @Test
    void aSkuOnSeveralLinesIsCountedOnceAndItsLastLineDecides() throws SQLException {
        String supplier = supplier("KEEP");
        String twice = "商品コード,商品名,JAN,在庫,単価\n000123,一回目,,○,100\n000124,緑茶,,○,100\n000123,二回目,,×,100\n";
        // No stock yet: every SKU is new, the repeated one once.
        int first = upload(supplier, sjis(twice), "?dryRun=true");
        assertEquals("staged", awaitStatus(first, "staged", "failed"));
        run(first).body("diff.new", equalTo(2)).body("diff.changed", equalTo(0));
        assertFalse(skusUnique(first));
        given().auth().oauth2(TestTokens.operator()).when().post("/runs/" + first + "/reject").then().statusCode(200);

        // With stock: the last line of SG-123 (×, 0) equals the stock row, its first line (○, 10) would not.
        stock(supplier, "SG-123", 0, "110");
        stock(supplier, "SG-124", 10, "110");
        int second = upload(supplier, sjis(twice + "000125,ほうじ茶,,△,100\n"), "?dryRun=true");
        assertEquals("staged", awaitStatus(second, "staged", "failed"));
        run(second).body("diff.new", equalTo(1)).body("diff.unchanged", equalTo(2)).body("diff.changed", equalTo(0));
        assertFalse(skusUnique(second));
        given().auth().oauth2(TestTokens.operator()).when().post("/runs/" + second + "/reject").then().statusCode(200);

        // The same files without the repeat are known to have unique SKUs, and count the same way.
        String once = "商品コード,商品名,JAN,在庫,単価\n000124,緑茶,,○,100\n000123,二回目,,×,100\n000125,ほうじ茶,,△,100\n";
        int third = upload(supplier, sjis(once), "?dryRun=true");
        assertEquals("staged", awaitStatus(third, "staged", "failed"));
        run(third).body("diff.new", equalTo(1)).body("diff.unchanged", equalTo(2)).body("diff.changed", equalTo(0));
        assertTrue(skusUnique(third));
    }

    private static boolean skusUnique(int run) throws SQLException {
        try (Connection c = TestApplicationDatabase.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select skus_unique from import.import_run where id = " + run)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Test
    void theGuardHoldsARunThatWouldZeroTooMuchUntilApprovedAndRollbackUndoesACommittedRun() throws SQLException {
        String supplier = supplier("ZERO");
        for (int i = 1; i <= 10; i++) {
            stock(supplier, "SG-" + (300 + i), 5, "100");
        }
        StringBuilder file = new StringBuilder("商品コード,商品名,JAN,在庫,単価\n");
        for (int i = 1; i <= 10; i++) {
            file.append(300 + i).append(",品").append(i).append(",,").append(i <= 6 ? "×" : "○").append(",100\n");
        }
        int held = upload(supplier, sjis(file.toString()), "");
        assertEquals("held", awaitStatus(held, "held", "committed", "failed"));
        run(held).body("guardReasons", hasItem(containsString("would go to zero")));
        assertEquals(List.of(), FakeCatalog.calls(held));
        given().auth().oauth2(TestTokens.operator()).when().post("/runs/" + held + "/approve").then().statusCode(200);
        assertEquals("committed", awaitStatus(held, "committed", "failed"));

        given().auth().oauth2(TestTokens.operator()).when().post("/runs/" + held + "/rollback").then().statusCode(200)
                .body("status", equalTo("rolled_back")).body("applied.status", equalTo("undone"));
        assertEquals("undo", FakeCatalog.calls(held).get(1).what());
        given().auth().oauth2(TestTokens.operator()).when().post("/runs/" + held + "/rollback").then().statusCode(409);
    }

    @Test
    void runsOfOneSupplierAreSerialisedAndAnUnavailableCatalogLeavesTheRunApplyingUntilItAnswers() {
        String supplier = supplier("KEEP");
        FakeCatalog.APPLY_STATUS.set(503);
        int first;
        int second;
        try {
            first = upload(supplier, sjis(FILE), "");
            second = upload(supplier, sjis(FILE + "000300,後続,,○,1\n"), "");
            assertEquals("applying", awaitStatus(first, "applying", "committed", "failed"));
            int firstRun = first;
            await().atMost(Duration.ofSeconds(10)).until(() -> FakeCatalog.calls(firstRun).size() >= 1);
            // The second waits for the first: it is not even parsed while the first is in progress.
            run(second).body("status", equalTo("received"));
        } finally {
            FakeCatalog.APPLY_STATUS.set(200);
        }
        // The apply is asked again once the run's claim goes stale (3 s here); then the second runs.
        assertEquals("committed", awaitStatus(first, "committed", "failed"));
        assertEquals("committed", awaitStatus(second, "committed", "failed"));
        assertTrue(FakeCatalog.calls(first).size() >= 2);
    }

    @Test
    void progressIsStreamedAsServerSentEvents() throws Exception {
        String supplier = supplier("KEEP");
        int id = upload(supplier, sjis(FILE), "");
        awaitStatus(id, "committed");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                        + "/api/import/runs/events"))
                .header("Authorization", "Bearer " + TestTokens.viewer()).timeout(Duration.ofSeconds(20)).build();
        java.net.http.HttpResponse<java.util.stream.Stream<String>> response = http.send(request,
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        try (java.util.stream.Stream<String> lines = response.body()) {
            String event = lines.filter(l -> l.startsWith("data:") && l.contains("\"supplierCode\":\"" + supplier + "\""))
                    .findFirst().orElseThrow();
            assertTrue(event.contains("\"status\":\"committed\""), event);
            assertTrue(event.contains("\"rowsTotal\":8"), event);
        }
    }

    @Test
    void metricsCountRunsRowsAndPhases() {
        String supplier = supplier("KEEP");
        int id = upload(supplier, sjis(FILE), "");
        awaitStatus(id, "committed");
        int port = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.management.test-port", Integer.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when()
                .get("http://localhost:" + port + "/q/metrics").then().statusCode(200)
                .body(containsString("import_runs_total{outcome=\"committed\",supplier=\"" + supplier + "\"}"))
                .body(containsString("import_rows_total{outcome=\"error\",supplier=\"" + supplier + "\"} 3.0"))
                .body(containsString("import_phase_seconds_count{phase=\"parse\"}"))
                .body(containsString("import_last_success_timestamp_seconds{supplier=\"" + supplier + "\"}")));
    }

    static void stock(String supplier, String sku, int quantity, String cost) throws SQLException {
        try (Connection c = TestApplicationDatabase.connect()) {
            try (PreparedStatement st = c.prepareStatement("insert into catalog.supplier (code, name) values (?, ?) "
                    + "on conflict do nothing")) {
                st.setString(1, supplier);
                st.setString(2, supplier);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("insert into catalog.product (sku, name) values (?, ?) "
                    + "on conflict do nothing")) {
                st.setString(1, sku);
                st.setString(2, "商品 " + sku);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("insert into catalog.stock (product_id, supplier_id, quantity, "
                    + "unit_cost, run_id, import_date) select p.id, s.id, ?, ?::numeric, 0, current_date "
                    + "from catalog.product p, catalog.supplier s where p.sku = ? and s.code = ?")) {
                st.setInt(1, quantity);
                st.setString(2, cost);
                st.setString(3, sku);
                st.setString(4, supplier);
                st.executeUpdate();
            }
        }
    }
}
