package jp.systemgear.ec.export.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;

import jp.systemgear.ec.common.security.Roles;
import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestTokens;

/**
 * The stock export against real catalog views (made by catalog-service's migrations) with Japanese
 * data: every format and encoding byte for byte, filters, formula neutralisation, characters outside
 * Windows-31J, gzip and access.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(CatalogSchemaFixture.Profile.class)
class StockExportResourceTest {

    private static final Charset WINDOWS_31J = Charset.forName("Windows-31J");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static boolean seeded;

    @BeforeAll
    static synchronized void seed() throws Exception {
        if (seeded) {
            return;
        }
        CatalogSchemaFixture.migrate();
        CatalogSchemaFixture.execute(
                "insert into catalog.supplier (code, name, active) values ('S01', '東京卸', true), "
                        + "('S02', '大阪商事', true), ('S03', '休止中メーカー', false)",
                // ①髙﨑 and half-width kana exist in Windows-31J (NEC/IBM extensions); 𠮷 and 😀 do not.
                "insert into catalog.product (sku, jan, name, updated_at) values "
                        + "('00050', '4901234567894', '①髙﨑ﾊﾟｲﾌﾟ椅子', '2026-10-01T00:00Z'), "
                        + "('P-0001', null, 'ボールペン　黒', '2026-10-01T00:00Z'), "
                        + "('P-0002', '4912345678904', '=HYPERLINK(\"http://evil\")', '2026-10-01T00:00Z'), "
                        + "('P-0003', null, '𠮷野家の丼😀', '2026-10-01T00:00Z'), "
                        + "('P-0004', null, '-10% セール, \"限定\"', '2026-10-01T00:00Z')",
                stock("00050", "S01", 2, "99.9000", "2026-11-20"),
                stock("P-0001", "S01", 10, "120.5000", "2026-11-01"),
                stock("P-0001", "S02", 5, "110.0000", "2026-11-01"),
                stock("P-0002", "S01", 0, "300.0000", "2026-11-20"),
                stock("P-0003", "S02", 3, "1280.0000", "2026-11-20"),
                stock("P-0004", "S03", 7, "50.0000", "2026-11-20"));
        seeded = true;
    }

    private static String stock(String sku, String supplier, int quantity, String cost, String day) {
        return "insert into catalog.stock (product_id, supplier_id, quantity, unit_cost, run_id, import_date, updated_at) "
                + "select p.id, s.id, " + quantity + ", " + cost + ", 1, '" + day + "', '" + day + "T00:00Z' "
                + "from catalog.product p, catalog.supplier s where p.sku = '" + sku + "' and s.code = '" + supplier + "'";
    }

    private static final String PRODUCT_CSV = """
            sku,jan,productName,quantity,bestUnitCost,suppliers,updatedAt\r
            00050,4901234567894,①髙﨑ﾊﾟｲﾌﾟ椅子,2,99.9,1,2026-11-20T00:00:00Z\r
            P-0001,,ボールペン　黒,15,110,2,2026-11-01T00:00:00Z\r
            P-0002,4912345678904,"'=HYPERLINK(""http://evil"")",0,,0,2026-11-20T00:00:00Z\r
            P-0003,,𠮷野家の丼😀,3,1280,1,2026-11-20T00:00:00Z\r
            P-0004,,"'-10% セール, ""限定""\",0,,0,2026-11-20T00:00:00Z\r
            """;

    private static final String SUPPLIER_TSV = """
            00050\t4901234567894\t①髙﨑ﾊﾟｲﾌﾟ椅子\tS01\ttrue\t2\t99.9\tfalse\t2026-11-20\t2026-11-20T00:00:00Z\r
            P-0001\t\tボールペン　黒\tS01\ttrue\t10\t120.5\tfalse\t2026-11-01\t2026-11-01T00:00:00Z\r
            P-0001\t\tボールペン　黒\tS02\ttrue\t5\t110\tfalse\t2026-11-01\t2026-11-01T00:00:00Z\r
            P-0002\t4912345678904\t'=HYPERLINK("http://evil")\tS01\ttrue\t0\t300\tfalse\t2026-11-20\t2026-11-20T00:00:00Z\r
            P-0003\t\t𠮷野家の丼😀\tS02\ttrue\t3\t1280\tfalse\t2026-11-20\t2026-11-20T00:00:00Z\r
            P-0004\t\t'-10% セール, "限定"\tS03\tfalse\t7\t50\tfalse\t2026-11-20\t2026-11-20T00:00:00Z\r
            """;

    private static Response export(String query) {
        return given().auth().oauth2(TestTokens.viewer()).when().get("/stock?" + query);
    }

    @Test
    void productCsvInUtf8WithHeaderNeutralisesFormulas() {
        Response r = export("format=csv");
        r.then().statusCode(200)
                .header("Content-Type", startsWith("text/csv"))
                .header("Content-Type", org.hamcrest.Matchers.containsString("charset=UTF-8"))
                .header("Content-Type", org.hamcrest.Matchers.containsString("header=present"));
        assertEquals(PRODUCT_CSV, new String(r.asByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void supplierTsvWithoutHeader() {
        Response r = export("level=supplier&format=tsv&header=false");
        r.then().statusCode(200).header("Content-Type", startsWith("text/tab-separated-values"));
        assertEquals(SUPPLIER_TSV, new String(r.asByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void windows31jBytesDecodeToTheSameTextWithGetaForMissingCharacters() {
        Response r = export("format=csv&encoding=Shift_JIS");
        r.then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.containsString("charset=windows-31j"))
                .header("X-Export-Unmappable-Replacement", "U+3013");
        byte[] bytes = r.asByteArray();
        // 𠮷 and 😀 are one code point each (surrogate pairs in Java): one 〓 each, never '?'.
        String expected = PRODUCT_CSV.replace("𠮷野家の丼😀", "〓野家の丼〓");
        assertEquals(expected, new String(bytes, WINDOWS_31J));
        assertFalse(new String(bytes, WINDOWS_31J).contains("?"), "no silent '?'");
        // Really Windows-31J, not UTF-8: ① is 0x87 0x40 in Windows-31J.
        assertEquals(expected.getBytes(WINDOWS_31J).length, bytes.length);
    }

    @Test
    void windows31jTsvPerSupplier() {
        byte[] bytes = export("level=supplier&format=tsv&header=false&encoding=Windows-31J").asByteArray();
        assertEquals(SUPPLIER_TSV.replace("𠮷野家の丼😀", "〓野家の丼〓"), new String(bytes, WINDOWS_31J));
    }

    @Test
    void jsonArrayKeepsEveryCharacterAndExactNumbers() throws IOException {
        Response r = export("format=json");
        r.then().statusCode(200).header("Content-Type", startsWith("application/json"));
        JsonNode rows = JSON.readTree(r.asByteArray());
        assertEquals(5, rows.size());
        assertEquals("00050", rows.get(0).get("sku").asText());
        assertEquals("①髙﨑ﾊﾟｲﾌﾟ椅子", rows.get(0).get("productName").asText());
        assertEquals("99.9", rows.get(0).get("bestUnitCost").decimalValue().toPlainString());
        assertEquals(15, rows.get(1).get("quantity").asInt());
        assertEquals("=HYPERLINK(\"http://evil\")", rows.get(2).get("productName").asText(),
                "JSON is not for spreadsheets: text is exact");
        assertEquals(true, rows.get(2).get("bestUnitCost").isNull());
        assertEquals("𠮷野家の丼😀", rows.get(3).get("productName").asText());
        assertEquals("2026-11-20T00:00:00Z", rows.get(4).get("updatedAt").asText());
    }

    @Test
    void ndjsonByAcceptHeaderOneObjectPerLine() throws IOException {
        Response r = given().auth().oauth2(TestTokens.viewer()).accept("application/x-ndjson")
                .when().get("/stock?level=supplier");
        r.then().statusCode(200).header("Content-Type", startsWith("application/x-ndjson"));
        String body = new String(r.asByteArray(), StandardCharsets.UTF_8);
        assertFalse(body.startsWith("["));
        List<String> lines = body.lines().toList();
        assertEquals(6, lines.size());
        assertEquals('\n', body.charAt(body.length() - 1));
        JsonNode last = JSON.readTree(lines.get(5));
        assertEquals("S03", last.get("supplierCode").asText());
        assertEquals(false, last.get("supplierActive").asBoolean());
        assertEquals("2026-11-20", last.get("importDate").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "level=supplier&supplier=S02                              | P-0001 P-0003",
            "level=supplier&supplier=S01,S03                          | 00050 P-0001 P-0002 P-0004",
            "sku=P-0001,00050                                         | 00050 P-0001",
            "sku=P-0001&sku=P-0003                                    | P-0001 P-0003",
            "inStock=true                                             | 00050 P-0001 P-0003",
            "level=supplier&inStock=true                              | 00050 P-0001 P-0001 P-0003",
            "changedSince=2026-11-09T15:00:00Z                        | 00050 P-0002 P-0003 P-0004",
            "level=supplier&changedSince=2026-11-20T00:00:00Z         | ''",
            "level=supplier&supplier=S01&inStock=true&sku=P-0002      | ''",
    })
    void filters(String query, String expectedSkus) {
        String body = new String(export("format=csv&header=false&" + query).then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> skus = body.lines().map(line -> line.substring(0, line.indexOf(','))).toList();
        List<String> expected = expectedSkus.isBlank() ? List.of() : Arrays.asList(expectedSkus.trim().split(" "));
        assertEquals(expected, skus);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "format=xml                            | format",
            "encoding=EUC-JP                       | encoding",
            "format=json&encoding=Windows-31J      | encoding",
            "supplier=S01                          | supplier",
            "level=warehouse                       | level",
            "changedSince=yesterday                | changedSince",
            "inStock=maybe                         | inStock",
            "header=perhaps                        | header",
    })
    void badParametersAreValidationErrorsNamingTheParameter(String query, String field) {
        export(query).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_ERROR"))
                .body("errors.field", hasItem(field));
    }

    @Test
    void gzipWhenTheClientAsksForIt() throws IOException {
        Response r = given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .auth().oauth2(TestTokens.viewer()).header("Accept-Encoding", "gzip")
                .when().get("/stock?format=csv");
        r.then().statusCode(200).header("Content-Encoding", "gzip");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.asByteArray()))) {
            assertEquals(PRODUCT_CSV, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void noGzipUnlessAsked() {
        Response r = given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .auth().oauth2(TestTokens.viewer()).header("Accept-Encoding", "identity")
                .when().get("/stock?format=csv");
        r.then().statusCode(200).header("Content-Encoding", org.hamcrest.Matchers.nullValue());
        assertEquals(PRODUCT_CSV, new String(r.asByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void machineClientsNeedTheExportScope() {
        given().auth().oauth2(TestTokens.token("mall-connector", Set.of(Roles.SCOPE_EXPORT_READ)))
                .when().get("/stock?format=ndjson").then().statusCode(200);
        given().auth().oauth2(TestTokens.token("cronjob", Set.of(Roles.SCOPE_IMPORT_TRIGGER)))
                .when().get("/stock").then().statusCode(403);
        given().when().get("/stock").then().statusCode(401).body("code", equalTo("AUTH_TOKEN_INVALID"));
    }
}
