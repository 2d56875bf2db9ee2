package jp.systemgear.ec.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestTokens;

/** Supplier file profiles, sources, schedules, guards; field-level errors; optimistic concurrency. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class SupplierSettingsResourceTest {

    /** With its charset: rest-assured would send an unknown media type as ISO-8859-1, losing ◎. */
    static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    static String newCode() {
        return "S" + UUID.randomUUID().toString().substring(0, 8);
    }

    static final String FIXED_WIDTH_SJIS = """
            {"code":"%s","name":"山田卸 株式会社","missingItemsPolicy":"ZERO","scheduleCron":"15 */6 * * MON-SAT",
             "profile":{"format":"FIXED_WIDTH","encoding":"Shift_JIS","skipRows":1,
               "columns":{"code":{"startByte":1,"endByte":10},"name":{"startByte":11,"endByte":50},
                          "stock":{"startByte":51,"endByte":53},"cost":{"startByte":54,"endByte":63}},
               "stockSymbols":{"○":20,"△":2,"×":0,"":0}},
             "source":{"type":"DROP_FOLDER","folder":"yamada","filePattern":"zaiko_*.txt"},
             "guard":{"minRows":100,"maxRowDropPercent":20}}""";

    @Test
    void fixedWidthShiftJisProfileIsStoredCompleted() {
        String code = newCode();
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(FIXED_WIDTH_SJIS.formatted(code))
                .when().post("/suppliers")
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("profile.format", equalTo("FIXED_WIDTH"))
                .body("profile.encoding", equalTo("Windows-31J"))
                .body("profile.headerRows", equalTo(0))
                .body("profile.columns.cost.startByte", equalTo(54))
                .body("profile.stockSymbols.'○'", equalTo(20))
                .body("source.type", equalTo("DROP_FOLDER"))
                .body("guard.minRows", equalTo(100))
                .body("guard.maxZeroStockPercent", equalTo(50))
                .body("missingItemsPolicy", equalTo("ZERO"))
                .body("scheduleCron", equalTo("15 */6 * * MON-SAT"));
        given().auth().oauth2(TestTokens.viewer()).when().get("/suppliers/" + code).then().statusCode(200)
                .body("profile.columns.name.endByte", equalTo(50))
                .body("source.filePattern", equalTo("zaiko_*.txt"));
    }

    @Test
    void defaultsAreACsvUploadThatKeepsMissingItems() {
        String code = newCode();
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"既定値商事\"}")
                .when().post("/suppliers")
                .then().statusCode(201)
                .body("profile.format", equalTo("CSV"))
                .body("profile.encoding", equalTo("UTF-8"))
                .body("profile.delimiter", equalTo(","))
                .body("profile.stockSymbols.'△'", equalTo(3))
                .body("source.type", equalTo("UPLOAD"))
                .body("missingItemsPolicy", equalTo("KEEP"));
    }

    @Test
    void urlSourceKeepsOnlyASecretReference() {
        String code = newCode();
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("""
                        {"code":"%s","name":"ネット卸","source":{"type":"URL","url":"https://example.jp/stock.csv",
                         "authSecretRef":"SUPPLIER_NET_TOKEN","authHeaderValue":"Bearer s3cr3t-value"},
                         "profile":{"format":"XLSX","sheetName":"在庫表","columns":{"code":{"header":"商品コード"},
                         "stock":{"header":"在庫"}}}}""".formatted(code))
                .when().post("/suppliers")
                .then().statusCode(201)
                .body("source.authSecretRef", equalTo("SUPPLIER_NET_TOKEN"))
                .body("source.authHeaderName", equalTo("Authorization"))
                .body("profile.sheetName", equalTo("在庫表"))
                .body("profile.encoding", nullValue())
                .body(not(containsString("s3cr3t")));
        given().auth().oauth2(TestTokens.viewer()).when().get("/suppliers/" + code).then()
                .body(not(containsString("s3cr3t")));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"profile":{"format":"PDF"}}                                                          | profile.format
            {"profile":{"encoding":"ISO-2022-JP"}}                                                | profile.encoding
            {"profile":{"format":"CSV","delimiter":";;"}}                                         | profile.delimiter
            {"profile":{"format":"CSV","quote":","}}                                              | profile.quote
            {"profile":{"format":"FIXED_WIDTH","columns":{"code":{"header":"コード"},"stock":{"startByte":1,"endByte":2}}}} | profile.columns.code
            {"profile":{"format":"FIXED_WIDTH","columns":{"code":{"startByte":1,"endByte":10},"stock":{"startByte":8,"endByte":12}}}} | profile.columns.stock
            {"profile":{"format":"FIXED_WIDTH","columns":{"code":{"startByte":5,"endByte":2},"stock":{"startByte":8,"endByte":12}}}} | profile.columns.code.endByte
            {"profile":{"format":"CSV","headerRows":0,"columns":{"code":{"header":"品番"},"stock":{"position":3}}}} | profile.columns.code.header
            {"profile":{"format":"CSV","columns":{"code":{"position":0},"stock":{"position":3}}}}  | profile.columns.code.position
            {"profile":{"format":"CSV","columns":{"jan":{"position":2},"stock":{"position":3}}}}   | profile.columns.code
            {"profile":{"format":"CSV","columns":{"code":{"position":1}}}}                        | profile.columns
            {"profile":{"format":"CSV","columns":{"code":{"position":1},"price":{"position":2}}}}  | profile.columns.price
            {"profile":{"format":"CSV","sheetName":"Sheet1"}}                                     | profile.sheetName
            {"profile":{"decimalSeparator":",","thousandsSeparator":","}}                         | profile.thousandsSeparator
            {"profile":{"stockSymbols":{"○":-1}}}                                                 | profile.stockSymbols.○
            {"source":{"type":"FTP"}}                                                             | source.type
            {"source":{"type":"URL","url":"https://user:pass@example.jp/a.csv"}}                  | source.url
            {"source":{"type":"URL","url":"https://example.jp/a.csv?token=abc"}}                  | source.url
            {"source":{"type":"URL","url":"ftp://example.jp/a.csv"}}                              | source.url
            {"source":{"type":"URL","url":"https://example.jp/a.csv","authSecretRef":"Bearer abc def"}} | source.authSecretRef
            {"source":{"type":"DROP_FOLDER","folder":"../etc"}}                                   | source.folder
            {"source":{"type":"UPLOAD","url":"https://example.jp/a.csv"}}                         | source.url
            {"scheduleCron":"0 */6 * *"}                                                          | scheduleCron
            {"scheduleCron":"60 * * * *"}                                                         | scheduleCron
            {"scheduleCron":"0 24 * * *"}                                                         | scheduleCron
            {"scheduleCron":"0 0 * 13 *"}                                                         | scheduleCron
            {"scheduleCron":"0 0 * * FUNDAY"}                                                     | scheduleCron
            {"guard":{"maxRowDropPercent":150}}                                                   | guard.maxRowDropPercent
            {"guard":{"minRows":-5}}                                                              | guard.minRows
            """)
    void invalidSettingsNameTheField(String settings, String field) {
        String body = "{\"code\":\"" + newCode() + "\",\"name\":\"検証商事\"," + settings.substring(1);
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/suppliers")
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("VALIDATION_ERROR"))
                .body("errors.field", hasItem(field));
    }

    @Test
    void severalProblemsAreReportedTogether() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"code\":\"" + newCode() + "\",\"name\":\"複数エラー\",\"scheduleCron\":\"x\","
                        + "\"profile\":{\"format\":\"PDF\"},\"guard\":{\"maxZeroStockPercent\":-1}}")
                .when().post("/suppliers")
                .then().statusCode(400)
                .body("errors.field", hasItems("scheduleCron", "profile.format", "guard.maxZeroStockPercent"));
    }

    @Test
    void putNeedsTheCurrentVersion() {
        String code = newCode();
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"版管理商事\"}").when().post("/suppliers")
                .then().statusCode(201);
        String replacement = "{\"code\":\"" + code + "\",\"name\":\"版管理商事（新）\",\"priority\":5,"
                + "\"missingItemsPolicy\":\"DISCONTINUE\"}";

        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(replacement)
                .when().put("/suppliers/" + code)
                .then().statusCode(400).body("errors.field", hasItem("version"));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(replacement).when().put("/suppliers/" + code)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("版管理商事（新）"))
                .body("missingItemsPolicy", equalTo("DISCONTINUE"))
                .body("version", equalTo(1));
        // Someone still holding version 0 loses: 412 with If-Match, 409 with the body's version.
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(replacement).when().put("/suppliers/" + code)
                .then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(replacement.replace("}", ",\"version\":0}")).when().put("/suppliers/" + code)
                .then().statusCode(409).body("code", equalTo("CONFLICT"));
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(replacement).when().put("/suppliers/" + code)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(replacement.replace(code, "OTHER1")).when().put("/suppliers/" + code)
                .then().statusCode(400).body("errors.field", hasItem("code"));
    }

    @Test
    void patchMergesOnlyTheGivenFields() {
        String code = newCode();
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(FIXED_WIDTH_SJIS.formatted(code)).when().post("/suppliers").then().statusCode(201);

        given().auth().oauth2(TestTokens.operator()).contentType(MERGE_PATCH)
                .header("If-Match", "\"0\"")
                .body("{\"active\":false,\"scheduleCron\":null,\"profile\":{\"stockSymbols\":{\"◎\":50}}}")
                .when().patch("/suppliers/" + code)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("active", equalTo(false))
                .body("scheduleCron", nullValue())
                .body("name", equalTo("山田卸 株式会社"))
                .body("profile.columns.code.endByte", equalTo(10))
                .body("profile.stockSymbols.'○'", equalTo(20))
                .body("profile.stockSymbols.'◎'", equalTo(50));

        given().auth().oauth2(TestTokens.operator()).contentType(MERGE_PATCH)
                .header("If-Match", "\"0\"").body("{\"priority\":1}")
                .when().patch("/suppliers/" + code)
                .then().statusCode(412);
        given().auth().oauth2(TestTokens.operator()).contentType(MERGE_PATCH)
                .header("If-Match", "\"1\"").body("{\"profile\":{\"format\":\"CSV\"},\"contactEmail\":\"not-mail\"}")
                .when().patch("/suppliers/" + code)
                .then().statusCode(400).body("errors.field", hasItem("contactEmail"));
        given().auth().oauth2(TestTokens.operator()).contentType(MERGE_PATCH)
                .header("If-Match", "\"1\"").body("{\"profile\":{\"format\":\"CSV\"}}")
                .when().patch("/suppliers/" + code)
                .then().statusCode(400).body("errors.field", hasItem("profile.columns.code"));
        given().auth().oauth2(TestTokens.operator()).contentType(MERGE_PATCH)
                .header("If-Match", "\"1\"").body("{\"priority\":\"high\"}")
                .when().patch("/suppliers/" + code)
                .then().statusCode(400).body("errors.field", hasItem("priority"));
    }
}
