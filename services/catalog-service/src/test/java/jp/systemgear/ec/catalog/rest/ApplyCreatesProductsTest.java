package jp.systemgear.ec.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import jp.systemgear.ec.rules.Jan;
import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestTokens;

/**
 * Bulk product creation through the apply step ({@code createProducts}): the products a run's staged rows
 * name are created with the rows' SKU, JAN and name and get their stock in the same call; everything else
 * about the apply (idempotency, unknown SKUs, undo) holds. Against import-service's real staging view.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(ImportSchemaFixture.Profile.class)
class ApplyCreatesProductsTest {

    static final LocalDate DAY = LocalDate.of(2026, 5, 1);
    static final String TEA = "髙島屋 ①特選 ～お茶～";

    private String tag;

    @BeforeEach
    void importSchema() {
        ImportSchemaFixture.migrate();
        tag = UUID.randomUUID().toString().substring(0, 6);
    }

    static ValidatableResponse apply(long run, boolean createProducts) {
        return given().auth().oauth2(TestTokens.operator()).queryParam("createProducts", createProducts)
                .when().post("/runs/" + run + "/apply").then();
    }

    static ValidatableResponse product(String sku) {
        return given().auth().oauth2(TestTokens.viewer()).when().get("/products/" + sku).then();
    }

    /** A JAN nobody else has: 49 + ten random digits + the check digit. */
    static String newJan() {
        String body = "49" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
        return body + Jan.checkDigit(body);
    }

    @Test
    void theRunsNewProductsAreCreatedWithTheirStockExistingOnesAreLeftAndUndoKeepsThem() throws SQLException {
        String s = "CP" + tag;
        String zeros = "000" + tag + "1";       // leading zeros are data
        String renamed = "000" + tag + "2";     // two lines: the last named one wins
        String noJan = "NJ-" + tag;
        String existing = "EX-" + tag;
        String badSku = "bad sku " + tag;       // outside the product API's SKU pattern
        String noName = "NN-" + tag;            // no name on any of its lines
        String teaJan = newJan();
        String oldJan = newJan();
        String newJan = newJan();
        ApplyResourceTest.supplier(s, "KEEP", true, 10);
        ApplyResourceTest.product(existing, null, "既存の商品 " + tag);
        long existingVersion = product(existing).statusCode(200).extract().jsonPath().getLong("version");

        long run = ImportSchemaFixture.newRun(s, 3);
        ImportSchemaFixture.stage(run, 1, s, DAY, "0001", teaJan, TEA, zeros, "1280", 10);
        ImportSchemaFixture.stage(run, 2, s, DAY, "0002", oldJan, "旧い名前", renamed, "500", 1);
        ImportSchemaFixture.stage(run, 3, s, DAY, "0003", null, "  ｻﾝﾌﾟﾙ 無JAN  ", noJan, "300", 4);
        ImportSchemaFixture.stage(run, 4, s, DAY, "0004", newJan(), "別の名前", existing, "99", 7);
        ImportSchemaFixture.stage(run, 5, s, DAY, "0005", null, "不正SKU", badSku, "10", 1);
        ImportSchemaFixture.stage(run, 6, s, DAY, "0006", null, "   ", noName, "10", 1);
        ImportSchemaFixture.stage(run, 7, s, DAY, "0007", newJan, "新しい名前", renamed, "520", 2);
        ImportSchemaFixture.stage(run, 8, s, DAY, "0008", null, null, renamed, "530", 3);
        ImportSchemaFixture.stage(run, 9, s, DAY, "ZZ-1", null, "規則なし", null, "1", 1);

        apply(run, true).statusCode(200)
                .body("alreadyApplied", equalTo(false)).body("productsCreated", equalTo(3))
                .body("rowsStaged", equalTo(9)).body("rowsMatched", equalTo(4))
                .body("rowsUnknownSku", equalTo(2)).body("rowsChanged", equalTo(4));

        product(zeros).statusCode(200).body("sku", equalTo(zeros)).body("jan", equalTo(teaJan))
                .body("name", equalTo(TEA)).body("attributes", anEmptyMap());
        product(renamed).statusCode(200).body("jan", equalTo(newJan)).body("name", equalTo("新しい名前"));
        product(noJan).statusCode(200).body("jan", nullValue()).body("name", equalTo("ｻﾝﾌﾟﾙ 無JAN"));
        product(noName).statusCode(404);
        assertEquals(0, products(badSku));
        product(existing).statusCode(200).body("name", equalTo("既存の商品 " + tag)).body("jan", nullValue())
                .body("version", equalTo((int) existingVersion));

        // Their stock came with the same call: the last line per SKU.
        ApplyResourceTest.availability(zeros).body("totalQuantity", equalTo(10)).body("bestUnitCost", equalTo(1280))
                .body("name", equalTo(TEA)).body("suppliers[0].runId", equalTo((int) run));
        ApplyResourceTest.availability(renamed).body("totalQuantity", equalTo(3));
        ApplyResourceTest.availability(existing).body("totalQuantity", equalTo(7));

        // Applied once: asking again changes nothing and reports the same record.
        apply(run, true).statusCode(200).body("alreadyApplied", equalTo(true)).body("productsCreated", equalTo(3));
        assertEquals(4, products("%" + tag + "%"));
        given().auth().oauth2(TestTokens.viewer()).when().get("/runs/" + run).then().statusCode(200)
                .body("productsCreated", equalTo(3));

        // Undo takes the stock back; the products are catalog entries now and stay.
        ApplyResourceTest.undo(run).statusCode(200).body("status", equalTo("undone")).body("productsCreated", equalTo(3));
        product(zeros).statusCode(200).body("name", equalTo(TEA));
        product(renamed).statusCode(200);
        ApplyResourceTest.availability(zeros).body("totalQuantity", equalTo(0)).body("suppliers", hasSize(0));
        ApplyResourceTest.availability(existing).body("totalQuantity", equalTo(0)).body("suppliers", hasSize(0));
    }

    @Test
    void withoutTheOptionNoProductIsCreatedAndAProductOfAnotherRunIsNotCreatedTwice() throws SQLException {
        String s1 = "CA" + tag;
        String s2 = "CB" + tag;
        String sku = "0" + tag;
        ApplyResourceTest.supplier(s1, "KEEP", true, 10);
        ApplyResourceTest.supplier(s2, "KEEP", true, 20);

        long plain = ImportSchemaFixture.newRun(s1, 1);
        ImportSchemaFixture.stage(plain, 1, s1, DAY, "1", null, "名前あり", sku, "100", 5);
        apply(plain, false).statusCode(200).body("productsCreated", equalTo(0)).body("rowsUnknownSku", equalTo(1))
                .body("rowsChanged", equalTo(0));
        product(sku).statusCode(404);

        long first = ImportSchemaFixture.newRun(s2, 1);
        ImportSchemaFixture.stage(first, 1, s2, DAY, "1", null, "最初の名前", sku, "100", 5);
        apply(first, true).statusCode(200).body("productsCreated", equalTo(1)).body("rowsUnknownSku", equalTo(0));
        long second = ImportSchemaFixture.newRun(s2, 1);
        ImportSchemaFixture.stage(second, 1, s2, DAY, "1", null, "次の名前", sku, "100", 6);
        apply(second, true).statusCode(200).body("productsCreated", equalTo(0)).body("rowsChanged", equalTo(1));
        product(sku).statusCode(200).body("name", equalTo("最初の名前"));
        ApplyResourceTest.availability(sku).body("totalQuantity", equalTo(6));
    }

    @Test
    void newProductsJansReachTheCompiledRulesAtOnce() throws SQLException {
        String s = "CR" + tag;
        String sku = "JR-" + tag;
        String jan = newJan();
        ApplyResourceTest.supplier(s, "KEEP", true, 10);
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"rules\":[{\"name\":\"JAN一致\",\"match\":{\"type\":\"JAN\"}}],\"comment\":\"JAN\"}")
                .when().put("/suppliers/" + s + "/rules").then().statusCode(201);
        String path = "/suppliers/" + s + "/rules/compiled";
        // Cached now, without the JAN.
        given().auth().oauth2(TestTokens.viewer()).when().get(path).then().statusCode(200)
                .body("janIndex.'" + jan + "'", nullValue());

        long run = ImportSchemaFixture.newRun(s, 1);
        ImportSchemaFixture.stage(run, 1, s, DAY, "X1", jan, "JAN で引く商品", sku, "100", 1);
        apply(run, true).statusCode(200).body("productsCreated", equalTo(1));
        given().auth().oauth2(TestTokens.viewer()).when().get(path).then().statusCode(200)
                .body("janIndex.'" + jan + "'", equalTo(sku));
    }

    /** Products whose SKU is like {@code pattern}, counted in the database. */
    private static int products(String pattern) throws SQLException {
        try (Connection c = ImportSchemaFixture.connect();
                PreparedStatement st = c.prepareStatement("select count(*) from catalog.product where sku like ?")) {
            st.setString(1, pattern);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
