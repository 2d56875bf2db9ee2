package jp.systemgear.ec.export.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestTokens;

/** Channel templates drive the export: Japanese mall labels, control column, SKU mapping, rounding. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(CatalogSchemaFixture.WorkProfile.class)
class TemplateExportTest {

    private static final Charset WINDOWS_31J = Charset.forName("Windows-31J");

    @BeforeAll
    static void seed() throws Exception {
        CatalogSchemaFixture.migrate();
        CatalogSchemaFixture.execute(
                "insert into catalog.supplier (code, name) values ('TP1', 'テンプレ卸A'), ('TP2', 'テンプレ卸B') on conflict do nothing",
                "insert into catalog.product (sku, jan, name) values ('TPL-1', '4901234567894', '𠮷田の椅子'), "
                        + "('TPL-2', null, '=SUM(A1)') on conflict do nothing",
                "insert into catalog.stock (product_id, supplier_id, quantity, unit_cost, run_id, import_date) "
                        + "select p.id, s.id, case s.code when 'TP1' then 3 else 4 end, "
                        + "case s.code when 'TP1' then 101.5 else 120 end, 1, date '2026-11-01' "
                        + "from catalog.product p, catalog.supplier s where p.sku like 'TPL-%' and s.code in ('TP1', 'TP2') "
                        + "on conflict do nothing");
    }

    static String rakuten(String code, String prefix, String extra) {
        return """
                {"code":"%s","name":"楽天市場 在庫更新","format":"csv","encoding":"Windows-31J","skuPrefix":"%s",
                 "rounding":{"mode":"ceiling","unit":10}%s,
                 "columns":[{"header":"コントロールカラム","value":"u"},{"header":"商品管理番号","field":"sku"},
                            {"header":"商品名","field":"productName"},{"header":"在庫数","field":"quantity"},
                            {"header":"原価","field":"bestUnitCost"}]}
                """.formatted(code, prefix, extra);
    }

    static String create(String body) {
        return given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/templates").then().statusCode(201).extract().path("code");
    }

    private static String code(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void templateLayoutInWindows31jWithSkuMappingAndRounding() {
        String code = create(rakuten(code("rakuten"), "rk-", ""));
        byte[] bytes = given().auth().oauth2(TestTokens.viewer())
                .when().get("/stock?template=" + code + "&sku=TPL-1,TPL-2")
                .then().statusCode(200)
                .header("Content-Type", startsWith("text/csv; charset=windows-31j"))
                .header("Content-Disposition", "attachment; filename=\"" + code + ".csv\"")
                .extract().asByteArray();
        // 101.5 rounded up to 10 yen is 110; 𠮷 is not in Windows-31J (〓); a formula gets its quote.
        assertEquals("コントロールカラム,商品管理番号,商品名,在庫数,原価\r\n"
                + "u,rk-TPL-1,〓田の椅子,7,110\r\n"
                + "u,rk-TPL-2,'=SUM(A1),7,110\r\n", new String(bytes, WINDOWS_31J));

        // Edited through the API: the next export uses the new layout.
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(rakuten(code, "", ",\"level\":\"supplier\",\"skuSuffix\":\"-jp\",\"includeHeader\":false")
                        .replace("\"bestUnitCost\"", "\"unitCost\"").replace("\"mode\":\"ceiling\"", "\"mode\":\"floor\""))
                .when().put("/templates/" + code).then().statusCode(200).body("level", equalTo("supplier"));
        String supplierRows = new String(given().auth().oauth2(TestTokens.viewer())
                .when().get("/stock?template=" + code + "&sku=TPL-1").then().statusCode(200).extract().asByteArray(),
                WINDOWS_31J);
        assertEquals("u,TPL-1-jp,〓田の椅子,3,100\r\nu,TPL-1-jp,〓田の椅子,4,120\r\n", supplierRows);
    }

    @Test
    void jsonTemplateUsesTheLabelsAsKeys() throws Exception {
        String code = create("""
                {"code":"%s","name":"社内 WMS","format":"json","rounding":{"mode":"half-up","unit":1},
                 "columns":[{"header":"商品番号","field":"sku"},{"header":"在庫数","field":"quantity"},
                            {"header":"単価","field":"bestUnitCost"},{"header":"区分","value":"EC"}]}
                """.formatted(code("wms")));
        byte[] body = given().auth().oauth2(TestTokens.viewer()).when().get("/stock?template=" + code + "&sku=TPL-1")
                .then().statusCode(200).header("Content-Type", startsWith("application/json")).extract().asByteArray();
        JsonNode rows = new ObjectMapper().readTree(body);
        assertEquals(1, rows.size());
        assertEquals("TPL-1", rows.get(0).get("商品番号").asText());
        assertEquals(7, rows.get(0).get("在庫数").asInt());
        assertEquals("102", rows.get(0).get("単価").decimalValue().toPlainString());
        assertEquals("EC", rows.get(0).get("区分").asText());
    }

    @Test
    void previewShowsTheFirstRowsAsTheFileWould() {
        String code = create(rakuten(code("preview"), "rk-", ""));
        given().auth().oauth2(TestTokens.viewer())
                .when().get("/templates/" + code + "/preview?rows=1&sku=TPL-2,TPL-1")
                .then().statusCode(200)
                .body("headers", contains("コントロールカラム", "商品管理番号", "商品名", "在庫数", "原価"))
                .body("rows.size()", equalTo(1))
                .body("rows[0]", contains("u", "rk-TPL-1", "〓田の椅子", "7", "110"));
        given().auth().oauth2(TestTokens.viewer()).when().get("/templates/" + code + "/preview?rows=0")
                .then().statusCode(400).body("errors.field", hasItem("rows"));
        given().auth().oauth2(TestTokens.viewer()).when().get("/templates/nope/preview")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void theTemplateDecidesFormatAndUnknownTemplatesAreNotFound() {
        String code = create(rakuten(code("fixed"), "", ""));
        given().auth().oauth2(TestTokens.viewer()).when().get("/stock?template=" + code + "&format=json")
                .then().statusCode(400).body("errors.field", hasItem("format"));
        given().auth().oauth2(TestTokens.viewer()).when().get("/stock?template=missing-template")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void layoutsThatCannotBeWrittenAreRefusedWhenSaved() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(rakuten(code("bad"), "", ",\"scheduleCron\":\"every day\"").replace("\"quantity\"", "\"stock\""))
                .when().post("/templates").then().statusCode(400)
                .body("code", equalTo("VALIDATION_ERROR"))
                .body("errors.field", hasItem("columns[3].field"))
                .body("errors.field", hasItem("scheduleCron"));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(rakuten(code("bad"), "", "").replace("\"unit\":10", "\"unit\":5"))
                .when().post("/templates").then().statusCode(400).body("errors.field", hasItem("rounding.unit"));
    }

    @Test
    void deletedTemplateIsGone() {
        String code = create(rakuten(code("gone"), "", ""));
        given().auth().oauth2(TestTokens.viewer()).when().delete("/templates/" + code).then().statusCode(403);
        given().auth().oauth2(TestTokens.operator()).when().delete("/templates/" + code).then().statusCode(204);
        given().auth().oauth2(TestTokens.viewer()).when().get("/templates/" + code).then().statusCode(404);
    }
}
