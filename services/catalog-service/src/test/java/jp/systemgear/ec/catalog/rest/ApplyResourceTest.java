package jp.systemgear.ec.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.common.security.Roles;
import jp.systemgear.ec.testing.TestTokens;

/**
 * The apply step end to end against import-service's real staging table and view: idempotency, skipped
 * unchanged rows, missing-items policies, undo, and the stock, availability and history queries.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(ImportSchemaFixture.Profile.class)
class ApplyResourceTest {

    static final LocalDate DAY1 = LocalDate.of(2026, 4, 1);
    static final LocalDate DAY2 = LocalDate.of(2026, 4, 2);

    private String tag;

    @BeforeEach
    void importSchema() {
        ImportSchemaFixture.migrate();
        tag = UUID.randomUUID().toString().substring(0, 6);
    }

    static void supplier(String code, String policy, boolean active, int priority) {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"卸 " + code + "\",\"missingItemsPolicy\":\"" + policy
                        + "\",\"active\":" + active + ",\"priority\":" + priority + "}")
                .when().post("/suppliers").then().statusCode(201);
    }

    static void product(String sku, String jan, String name) {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + sku + "\"," + (jan == null ? "" : "\"jan\":\"" + jan + "\",") + "\"name\":\"" + name
                        + "\"}")
                .when().post("/products").then().statusCode(201);
    }

    static ValidatableResponse apply(long run) {
        return given().auth().oauth2(TestTokens.operator()).when().post("/runs/" + run + "/apply").then();
    }

    static ValidatableResponse undo(long run) {
        return given().auth().oauth2(TestTokens.operator()).when().post("/runs/" + run + "/undo").then();
    }

    static ValidatableResponse availability(String sku) {
        return given().auth().oauth2(TestTokens.viewer()).when().get("/availability/" + sku).then().statusCode(200);
    }

    @Test
    void applyIsIdempotentSkipsUnchangedRowsAndUndoRestores() throws SQLException {
        String s = "AP" + tag;
        String p1 = "000" + tag + "1";
        String p2 = "000" + tag + "2";
        String p3 = "000" + tag + "3";
        supplier(s, "KEEP", true, 10);
        product(p1, null, "ｻﾝﾌﾟﾙ商品① " + tag);
        product(p2, null, "緑茶 " + tag);
        product(p3, null, "ほうじ茶 " + tag);

        long run1 = ImportSchemaFixture.newRun(s, 4);
        ImportSchemaFixture.stage(run1, 1, s, DAY1, "0012-345", null, p1, "1280", 10);
        ImportSchemaFixture.stage(run1, 2, s, DAY1, "0012-346", null, p2, "980.5", 5);
        ImportSchemaFixture.stage(run1, 3, s, DAY1, "0099-999", null, "NO-SUCH-" + tag, "100", 1);
        ImportSchemaFixture.stage(run1, 4, s, DAY1, "ZZ-" + tag, null, null, "100", 1);

        // Cached before the run: the apply must end this entry.
        availability(p1).body("totalQuantity", equalTo(0)).body("suppliers", hasSize(0));

        apply(run1).statusCode(200)
                .body("runId", equalTo((int) run1)).body("supplierCode", equalTo(s))
                .body("importDate", equalTo("2026-04-01")).body("ruleVersion", equalTo(4))
                .body("status", equalTo("applied")).body("alreadyApplied", equalTo(false))
                .body("rowsStaged", equalTo(4)).body("rowsMatched", equalTo(2)).body("rowsUnknownSku", equalTo(1))
                .body("rowsChanged", equalTo(2)).body("rowsUnchanged", equalTo(0)).body("appliedBy", equalTo("test-operator"));
        apply(run1).statusCode(200).body("alreadyApplied", equalTo(true)).body("rowsChanged", equalTo(2));
        // Both rows are new: a stock row records the run that created it, history records changes (V7).
        assertEquals(0, historyRows(run1), "a first import writes no history");

        availability(p1).body("totalQuantity", equalTo(10)).body("bestUnitCost", equalTo(1280))
                .body("bestSupplierCode", equalTo(s)).body("suppliers[0].runId", equalTo((int) run1));
        availability(p2).body("bestUnitCost", equalTo(980.5f));

        long run2 = ImportSchemaFixture.newRun(s, 5);
        ImportSchemaFixture.stage(run2, 1, s, DAY2, "0012-345", null, p1, "1280", 10);
        ImportSchemaFixture.stage(run2, 2, s, DAY2, "0012-346", null, p2, "980.5", 7);
        ImportSchemaFixture.stage(run2, 3, s, DAY2, "0012-347", null, p3, "450", 3);
        apply(run2).statusCode(200).body("rowsMatched", equalTo(3)).body("rowsChanged", equalTo(2))
                .body("rowsUnchanged", equalTo(1));
        // The unchanged row keeps the run that last changed it: it was not rewritten.
        availability(p1).body("suppliers[0].runId", equalTo((int) run1))
                .body("suppliers[0].importDate", equalTo("2026-04-01"));
        availability(p2).body("totalQuantity", equalTo(7)).body("suppliers[0].runId", equalTo((int) run2));

        undo(run1).statusCode(409).body("code", equalTo("CONFLICT"));
        undo(run2).statusCode(200).body("status", equalTo("undone")).body("undoneBy", equalTo("test-operator"));
        availability(p2).body("totalQuantity", equalTo(5)).body("suppliers[0].runId", equalTo((int) run1));
        availability(p3).body("totalQuantity", equalTo(0)).body("suppliers", hasSize(0));
        availability(p1).body("totalQuantity", equalTo(10));
        undo(run2).statusCode(200).body("status", equalTo("undone"));
        apply(run2).statusCode(409);

        given().auth().oauth2(TestTokens.viewer()).when().get("/products/" + p2 + "/stock-history").then()
                .statusCode(200)
                .body("items.changeKind", contains("undo", "apply"))
                .body("items.newQuantity", contains(5, 7))
                .body("items.oldQuantity", contains(7, 5))
                // The change names the run and day that had created the row.
                .body("items.oldRunId", contains((int) run2, (int) run1))
                .body("items.oldImportDate", contains("2026-04-02", "2026-04-01"));
        assertEquals(3, historyRows(run2), "the second run's two changes and its undo");
        given().auth().oauth2(TestTokens.viewer()).when().get("/runs/" + run1).then().statusCode(200)
                .body("status", equalTo("applied"));
        undo(run1).statusCode(200);
        availability(p1).body("totalQuantity", equalTo(0)).body("suppliers", hasSize(0));
    }

    @Test
    void missingItemsAreZeroedOrDiscontinuedAndUndoBringsThemBack() throws SQLException {
        String zero = "MZ" + tag;
        String disc = "MD" + tag;
        String a = "A" + tag;
        String b = "B" + tag;
        supplier(zero, "ZERO", true, 10);
        supplier(disc, "DISCONTINUE", true, 20);
        product(a, null, "商品A");
        product(b, null, "商品B");
        for (String s : List.of(zero, disc)) {
            long first = ImportSchemaFixture.newRun(s, 1);
            ImportSchemaFixture.stage(first, 1, s, DAY1, "a", null, a, "100", 5);
            ImportSchemaFixture.stage(first, 2, s, DAY1, "b", null, b, "200", 6);
            apply(first).statusCode(200).body("rowsMissing", equalTo(0));
        }
        availability(b).body("totalQuantity", equalTo(12)).body("bestSupplierCode", equalTo(zero));

        long zeroRun = ImportSchemaFixture.newRun(zero, 1);
        ImportSchemaFixture.stage(zeroRun, 1, zero, DAY2, "a", null, a, "100", 5);
        apply(zeroRun).statusCode(200).body("rowsMissing", equalTo(1)).body("missingPolicy", equalTo("ZERO"))
                .body("rowsChanged", equalTo(0));
        long discRun = ImportSchemaFixture.newRun(disc, 1);
        ImportSchemaFixture.stage(discRun, 1, disc, DAY2, "a", null, a, "100", 5);
        apply(discRun).statusCode(200).body("rowsMissing", equalTo(1));

        availability(b).body("totalQuantity", equalTo(0)).body("bestSupplierCode", nullValue())
                .body("suppliers.discontinued", contains(false, true))
                .body("suppliers.quantity", contains(0, 0));

        undo(discRun).statusCode(200);
        availability(b).body("totalQuantity", equalTo(6)).body("bestSupplierCode", equalTo(disc))
                .body("suppliers.discontinued", contains(false, false));
    }

    @Test
    void aPartialRunByImportServiceNeverAppliesTheMissingItemsPolicyAndNamesTheOperator() throws SQLException {
        String zero = "PZ" + tag;
        String a = "PA" + tag;
        String b = "PB" + tag;
        supplier(zero, "ZERO", true, 10);
        product(a, null, "部分A");
        product(b, null, "部分B");
        long full = ImportSchemaFixture.newRun(zero, 1);
        ImportSchemaFixture.stage(full, 1, zero, DAY1, "a", null, a, "100", 5);
        ImportSchemaFixture.stage(full, 2, zero, DAY1, "b", null, b, "200", 6);
        apply(full).statusCode(200);

        String importService = TestTokens.token("import-service", java.util.Set.of(Roles.SCOPE_CATALOG_IMPORT));
        long partial = ImportSchemaFixture.newRun(zero, 1);
        ImportSchemaFixture.stage(partial, 1, zero, DAY2, "a", null, a, "90", 7);
        given().auth().oauth2(importService).queryParam("partial", true).queryParam("onBehalfOf", "yamada")
                .when().post("/runs/" + partial + "/apply").then().statusCode(200)
                .body("rowsMissing", equalTo(0)).body("missingPolicy", equalTo("KEEP")).body("rowsChanged", equalTo(1))
                .body("appliedBy", equalTo("yamada (via import-service)"));
        availability(b).body("totalQuantity", equalTo(6));
        availability(a).body("totalQuantity", equalTo(7));
        // A person cannot put someone else's name on the record.
        long next = ImportSchemaFixture.newRun(zero, 1);
        ImportSchemaFixture.stage(next, 1, zero, DAY2, "a", null, a, "90", 8);
        given().auth().oauth2(TestTokens.operator()).queryParam("partial", true).queryParam("onBehalfOf", "yamada")
                .when().post("/runs/" + next + "/apply").then().statusCode(200)
                .body("appliedBy", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("yamada")));
        given().auth().oauth2(importService).when().get("/suppliers/" + zero + "/rules/compiled").then().statusCode(200);
        given().auth().oauth2(importService).when().get("/suppliers/" + zero).then().statusCode(200);
        given().auth().oauth2(importService).contentType(ContentType.JSON).body(java.util.Map.of("rows", List.of()))
                .when().post("/suppliers/" + zero + "/rules/test").then().statusCode(403);
    }

    @Test
    void availabilityCountsActiveSuppliersAndPicksTheBestCost() throws SQLException {
        String cheap = "C1" + tag;
        String dear = "C2" + tag;
        String off = "C3" + tag;
        String sku = "AV" + tag;
        supplier(cheap, "KEEP", true, 50);
        supplier(dear, "KEEP", true, 10);
        supplier(off, "KEEP", false, 1);
        product(sku, null, "比較商品 " + tag);
        stageAndApply(cheap, sku, "1,000", 3);
        stageAndApply(dear, sku, "1,200", 4);
        stageAndApply(off, sku, "500", 100);
        availability(sku).body("totalQuantity", equalTo(7))
                .body("bestUnitCost", equalTo(1000)).body("bestSupplierCode", equalTo(cheap))
                .body("suppliers.supplierCode", contains(off, dear, cheap))
                .body("suppliers.active", contains(false, true, true));
        stageAndApply(cheap, sku, "1,000", 0);
        availability(sku).body("totalQuantity", equalTo(4)).body("bestSupplierCode", equalTo(dear));
    }

    private void stageAndApply(String supplier, String sku, String cost, int quantity) throws SQLException {
        long run = ImportSchemaFixture.newRun(supplier, 1);
        ImportSchemaFixture.stage(run, 1, supplier, DAY1, "X", null, sku, cost.replace(",", ""), quantity);
        apply(run).statusCode(200);
    }

    @Test
    void stockQueriesFilterAndPageByKeyset() throws SQLException {
        String s1 = "Q1" + tag;
        String s2 = "Q2" + tag;
        supplier(s1, "KEEP", true, 10);
        supplier(s2, "KEEP", true, 20);
        product("Q" + tag + "-01", "4901085089521", "ボールペン 黒 " + tag);
        product("Q" + tag + "-02", null, "ボールペン 赤 " + tag);
        product("Q" + tag + "-03", null, "消しゴム " + tag);
        Instant before = Instant.now().minusSeconds(1);
        long run = ImportSchemaFixture.newRun(s1, 1);
        ImportSchemaFixture.stage(run, 1, s1, DAY1, "1", null, "Q" + tag + "-01", "100", 1);
        ImportSchemaFixture.stage(run, 2, s1, DAY1, "2", null, "Q" + tag + "-02", "110", 2);
        ImportSchemaFixture.stage(run, 3, s1, DAY1, "3", null, "Q" + tag + "-03", "50", 3);
        apply(run).statusCode(200);
        long run2 = ImportSchemaFixture.newRun(s2, 1);
        ImportSchemaFixture.stage(run2, 1, s2, DAY2, "x1", null, "Q" + tag + "-01", "90", 9);
        apply(run2).statusCode(200);

        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            var page = given().auth().oauth2(TestTokens.viewer()).queryParam("q", tag).queryParam("limit", 2)
                    .queryParam("after", after == null ? "" : after)
                    .when().get("/stock").then().statusCode(200).extract().jsonPath();
            List<String> skus = page.getList("items.sku");
            List<String> suppliers = page.getList("items.supplierCode");
            for (int i = 0; i < skus.size(); i++) {
                seen.add(skus.get(i) + "/" + suppliers.get(i));
            }
            after = page.getString("next");
        } while (after != null);
        assertEquals(List.of("Q" + tag + "-01/" + s1, "Q" + tag + "-01/" + s2, "Q" + tag + "-02/" + s1,
                "Q" + tag + "-03/" + s1), seen);

        given().auth().oauth2(TestTokens.viewer()).queryParam("jan", "4901085089521").queryParam("supplier", s2)
                .when().get("/stock").then().statusCode(200)
                .body("items.sku", contains("Q" + tag + "-01")).body("items[0].unitCost", equalTo(90));
        given().auth().oauth2(TestTokens.viewer()).queryParam("q", "ボールペン 赤 " + tag)
                .when().get("/availability").then().statusCode(200)
                .body("items.sku", contains("Q" + tag + "-02")).body("items[0].totalQuantity", equalTo(2));
        given().auth().oauth2(TestTokens.viewer()).queryParam("supplier", s2).queryParam("changedSince", before.toString())
                .when().get("/availability").then().statusCode(200)
                .body("items.sku", contains("Q" + tag + "-01"))
                .body("items[0].totalQuantity", equalTo(10))
                .body("items[0].bestSupplierCode", equalTo(s2));
        given().auth().oauth2(TestTokens.viewer()).queryParam("q", tag).queryParam("limit", 1)
                .when().get("/availability").then().statusCode(200)
                .body("items.sku", contains("Q" + tag + "-01")).body("next", equalTo("Q" + tag + "-01"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("changedSince", Instant.now().plusSeconds(3600).toString())
                .queryParam("q", tag).when().get("/stock").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.viewer()).queryParam("changedSince", "yesterday").when().get("/stock").then()
                .statusCode(400).body("errors.field", hasItem("changedSince"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("after", "!!").when().get("/stock").then()
                .statusCode(400).body("errors.field", hasItem("after"));

        given().auth().oauth2(TestTokens.viewer()).queryParam("importDate", "2026-04-01")
                .when().get("/suppliers/" + s1 + "/stock-history").then().statusCode(200)
                .body("items", hasSize(0));
        long changes = ImportSchemaFixture.newRun(s1, 1);
        ImportSchemaFixture.stage(changes, 1, s1, DAY2, "1", null, "Q" + tag + "-01", "100", 4);
        ImportSchemaFixture.stage(changes, 2, s1, DAY2, "2", null, "Q" + tag + "-02", "120", 2);
        ImportSchemaFixture.stage(changes, 3, s1, DAY2, "3", null, "Q" + tag + "-03", "50", 3);
        apply(changes).statusCode(200).body("rowsChanged", equalTo(2)).body("rowsUnchanged", equalTo(1));
        given().auth().oauth2(TestTokens.viewer()).queryParam("importDate", "2026-04-02")
                .when().get("/suppliers/" + s1 + "/stock-history").then().statusCode(200)
                .body("items", hasSize(2)).body("items.changeKind", contains("apply", "apply"))
                .body("items.sku", containsInAnyOrder("Q" + tag + "-01", "Q" + tag + "-02"))
                .body("items.oldRunId", contains((int) run, (int) run))
                .body("items.oldImportDate", contains("2026-04-01", "2026-04-01"));
    }

    @Test
    void unmatchedSupplierCodesAreCountedFromRecentRuns() throws SQLException {
        String s = "UM" + tag;
        supplier(s, "KEEP", true, 10);
        LocalDate today = LocalDate.now();
        for (int r = 0; r < 2; r++) {
            long run = ImportSchemaFixture.newRun(s, 1);
            ImportSchemaFixture.stage(run, 1, s, today, "ZZ-001", "4902370517712", null, "1", 1);
            ImportSchemaFixture.stage(run, 2, s, today, "ZZ-002", null, null, "1", 1);
            ImportSchemaFixture.stage(run, 3, s, today, "ZZ-001", null, null, "1", 1);
        }
        given().auth().oauth2(TestTokens.viewer()).when().get("/suppliers/" + s + "/unmatched").then().statusCode(200)
                .body("supplierItemCode", contains("ZZ-001", "ZZ-002"))
                .body("occurrences", contains(4, 2))
                .body("runs", contains(2, 2))
                .body("[0].jan", equalTo("4902370517712"))
                .body("[0].lastSeen", notNullValue());
    }

    @Test
    void aRunKnownToHaveUniqueSkusIsAppliedTheSameWithoutItsSort() throws SQLException {
        String s = "UQ" + tag;
        String p1 = "00" + tag + "-1";
        String p2 = "00" + tag + "-2";
        supplier(s, "KEEP", true, 10);
        product(p1, null, "煎茶 一番摘み " + tag);
        product(p2, null, "ﾀｵﾙ 大 " + tag);
        long run = ImportSchemaFixture.newRun(s, 1);
        ImportSchemaFixture.stage(run, 1, s, DAY1, "A-1", null, p1, "100", 3);
        ImportSchemaFixture.stage(run, 2, s, DAY1, "A-2", null, p2, "200", 4);
        ImportSchemaFixture.stage(run, 3, s, DAY1, "A-3", null, "NO-SUCH-" + tag, "300", 5);
        ImportSchemaFixture.stage(run, 4, s, DAY1, "ZZ", null, null, null, null);
        ImportSchemaFixture.markSkusUnique(run);
        apply(run).statusCode(200).body("rowsStaged", equalTo(4)).body("rowsMatched", equalTo(2))
                .body("rowsUnknownSku", equalTo(1)).body("rowsChanged", equalTo(2)).body("rowsUnchanged", equalTo(0));
        availability(p1).body("totalQuantity", equalTo(3)).body("bestUnitCost", equalTo(100));

        long again = ImportSchemaFixture.newRun(s, 1);
        ImportSchemaFixture.stage(again, 1, s, DAY2, "A-1", null, p1, "100", 3);
        ImportSchemaFixture.stage(again, 2, s, DAY2, "A-2", null, p2, "250", 4);
        ImportSchemaFixture.markSkusUnique(again);
        apply(again).statusCode(200).body("rowsChanged", equalTo(1)).body("rowsUnchanged", equalTo(1));
        availability(p2).body("bestUnitCost", equalTo(250)).body("suppliers[0].runId", equalTo((int) again));
        assertEquals(1, historyRows(again));
    }

    @Test
    void theLastLinePerSkuWinsInASuppliersFirstRunAndInLaterOnes() throws SQLException {
        String s = "LL" + tag;
        String p1 = "LL-" + tag + "-1";
        String p2 = "LL-" + tag + "-2";
        supplier(s, "ZERO", true, 10);
        product(p1, null, "重複行 " + tag);
        product(p2, null, "単独行 " + tag);
        // The supplier has no stock yet: the statement that only inserts.
        long first = ImportSchemaFixture.newRun(s, 1);
        ImportSchemaFixture.stage(first, 1, s, DAY1, "A-1", null, p1, "100", 3);
        ImportSchemaFixture.stage(first, 2, s, DAY1, "A-2", null, p2, "200", -4);
        ImportSchemaFixture.stage(first, 3, s, DAY1, "A-1", null, p1, "110", 5);
        ImportSchemaFixture.stage(first, 4, s, DAY1, "ZZ", null, null, null, null);
        apply(first).statusCode(200).body("rowsStaged", equalTo(4)).body("rowsMatched", equalTo(2))
                .body("rowsChanged", equalTo(2)).body("rowsUnchanged", equalTo(0)).body("rowsUnknownSku", equalTo(0))
                .body("rowsMissing", equalTo(0));
        availability(p1).body("totalQuantity", equalTo(5)).body("bestUnitCost", equalTo(110));
        availability(p2).body("totalQuantity", equalTo(0)).body("suppliers[0].runId", equalTo((int) first));
        assertEquals(0, historyRows(first));

        long second = ImportSchemaFixture.newRun(s, 1);
        ImportSchemaFixture.stage(second, 1, s, DAY2, "A-1", null, p1, "120", 6);
        ImportSchemaFixture.stage(second, 2, s, DAY2, "A-1", null, p1, "110", 5);
        apply(second).statusCode(200).body("rowsMatched", equalTo(1)).body("rowsChanged", equalTo(0))
                .body("rowsUnchanged", equalTo(1)).body("rowsMissing", equalTo(0));
        availability(p1).body("totalQuantity", equalTo(5)).body("suppliers[0].runId", equalTo((int) first));
        undo(second).statusCode(200);
        undo(first).statusCode(200);
        availability(p1).body("suppliers", hasSize(0));
    }

    @Test
    void aProductWithStockOrStockHistoryCannotBeDeleted() throws SQLException {
        String s = "DG" + tag;
        String kept = "DEL-" + tag + "-1";
        String free = "DEL-" + tag + "-2";
        supplier(s, "KEEP", true, 10);
        product(kept, null, "削除できない商品 " + tag);
        product(free, null, "削除できる商品 " + tag);
        long run = ImportSchemaFixture.newRun(s, 1);
        ImportSchemaFixture.stage(run, 1, s, DAY1, "A-1", null, kept, "100", 3);
        apply(run).statusCode(200).body("rowsChanged", equalTo(1));

        given().auth().oauth2(TestTokens.operator()).when().delete("/products/" + kept).then().statusCode(409)
                .body("code", equalTo("CONFLICT"));
        undo(run).statusCode(200);
        // The stock row is gone, its history stays and still names the product.
        given().auth().oauth2(TestTokens.operator()).when().delete("/products/" + kept).then().statusCode(409);
        given().auth().oauth2(TestTokens.operator()).when().delete("/products/" + free).then().statusCode(204);
        given().auth().oauth2(TestTokens.viewer()).when().get("/products/" + kept).then().statusCode(200);
    }

    @Test
    void undoDeletesTheRowsARunCreatedWhetherOrNotItsHistoryRecordedTheirCreation() throws SQLException {
        String s = "UD" + tag;
        String fresh = "UD-" + tag + "-1";
        String legacy = "UD-" + tag + "-2";
        supplier(s, "KEEP", true, 10);
        product(fresh, null, "新規 " + tag);
        product(legacy, null, "旧形式 " + tag);
        long run = ImportSchemaFixture.newRun(s, 1);
        ImportSchemaFixture.stage(run, 1, s, DAY1, "A-1", null, fresh, "100", 3);
        ImportSchemaFixture.stage(run, 2, s, DAY1, "A-2", null, legacy, "200", 4);
        apply(run).statusCode(200).body("rowsChanged", equalTo(2));
        // History written before V7 recorded a creation as a row with no values before.
        try (Connection c = ImportSchemaFixture.connect(); Statement st = c.createStatement()) {
            st.executeUpdate("insert into catalog.stock_history (product_id, supplier_id, run_id, import_date, change_kind, "
                    + "existed_before, new_quantity, new_unit_cost, new_discontinued) select c.product_id, c.supplier_id, "
                    + run + ", c.import_date, 'apply', false, c.quantity, c.unit_cost, false from catalog.stock c "
                    + "join catalog.product p on p.id = c.product_id where p.sku = '" + legacy + "'");
        }
        undo(run).statusCode(200);
        availability(fresh).body("suppliers", hasSize(0));
        availability(legacy).body("suppliers", hasSize(0));
        given().auth().oauth2(TestTokens.viewer()).when().get("/products/" + fresh + "/stock-history").then()
                .statusCode(200).body("items.changeKind", contains("undo"))
                .body("items.oldQuantity", contains(3)).body("items.newQuantity", contains((Object) null))
                .body("items.oldRunId", contains((int) run));
    }

    @Test
    void unknownRunsAndRolesAreRefused() {
        apply(987654321L).statusCode(404).body("code", equalTo("NOT_FOUND"));
        undo(987654321L).statusCode(404);
        given().auth().oauth2(TestTokens.viewer()).when().post("/runs/1/apply").then().statusCode(403);
        given().auth().oauth2(TestTokens.viewer()).when().get("/runs/987654321").then().statusCode(404);
    }

    @Test
    void theViewIsReadOnly() throws SQLException {
        try (Connection c = ImportSchemaFixture.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select is_updatable, is_insertable_into from information_schema.views "
                        + "where table_schema = 'import' and table_name = 'staged_row_v1'")) {
            rs.next();
            assertEquals("NO", rs.getString(1));
            assertEquals("NO", rs.getString(2));
        }
    }

    private static int historyRows(long run) throws SQLException {
        try (Connection c = ImportSchemaFixture.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from catalog.stock_history where run_id = " + run)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
