package jp.systemgear.ec.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ProductResourceTest {

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    static void create(String sku, String jan, String name) {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + sku + "\"," + (jan == null ? "" : "\"jan\":\"" + jan + "\",") + "\"name\":\"" + name
                        + "\",\"attributes\":{\"brand\":\"サンプル\",\"size\":{\"w\":10}}}")
                .when().post("/products").then().statusCode(201);
    }

    @Test
    void skuKeepsLeadingZerosAndJapaneseName() {
        String sku = "000" + unique();
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + sku + "\",\"jan\":\"4901234567894\",\"name\":\"ｻﾝﾌﾟﾙ商品①（髙島屋）\","
                        + "\"attributes\":{\"taxRate\":8,\"brand\":\"ミドリ\"}}")
                .when().post("/products")
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("sku", equalTo(sku))
                .body("attributes.brand", equalTo("ミドリ"));
        given().auth().oauth2(TestTokens.viewer()).when().get("/products/" + sku).then().statusCode(200)
                .body("sku", equalTo(sku))
                .body("jan", equalTo("4901234567894"))
                .body("name", equalTo("ｻﾝﾌﾟﾙ商品①（髙島屋）"))
                .body("attributes.taxRate", equalTo(8));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "4901234567890, 'check digit is 0, expected 4'",
            "49123457, 'check digit is 7, expected 6'",
            "490123456789, 'must have 8 or 13 digits, not 12'",
            "4901234A67894, must contain digits only",
    })
    void invalidJanIsRefusedWithTheReason(String jan, String message) {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"sku\":\"J" + unique() + "\",\"jan\":\"" + jan + "\",\"name\":\"JAN検証\"}")
                .when().post("/products")
                .then().statusCode(400)
                .body("code", equalTo("VALIDATION_ERROR"))
                .body("errors.field", hasItem("jan"))
                .body("errors.message", hasItem(message));
    }

    @Test
    void ean8IsAccepted() {
        String sku = "E8" + unique();
        create(sku, "49123456", "短縮JAN");
        given().auth().oauth2(TestTokens.viewer()).queryParam("jan", "49123456").when().get("/products").then()
                .statusCode(200).body("items.sku", hasItem(sku));
    }

    @Test
    void searchByNameSkuAndJanWithKeysetPages() {
        String tag = unique();
        create("PG-" + tag + "-03", null, "緑茶ペットボトル " + tag);
        create("PG-" + tag + "-01", null, "緑茶ティーバッグ " + tag);
        create("PG-" + tag + "-02", null, "ほうじ茶 " + tag);

        given().auth().oauth2(TestTokens.viewer()).queryParam("q", "緑茶").queryParam("limit", 500)
                .when().get("/products").then().statusCode(200)
                .body("items.sku", hasItem("PG-" + tag + "-03"))
                .body("items.sku", hasItem("PG-" + tag + "-01"));
        String next = given().auth().oauth2(TestTokens.viewer()).queryParam("q", tag).queryParam("limit", 2)
                .when().get("/products").then().statusCode(200)
                .body("items.sku", contains("PG-" + tag + "-01", "PG-" + tag + "-02"))
                .body("next", equalTo("PG-" + tag + "-02"))
                .extract().path("next");
        given().auth().oauth2(TestTokens.viewer()).queryParam("q", tag).queryParam("limit", 2).queryParam("after", next)
                .when().get("/products").then().statusCode(200)
                .body("items.sku", contains("PG-" + tag + "-03"))
                .body("next", nullValue());
        // LIKE wildcards in the search text are literal.
        given().auth().oauth2(TestTokens.viewer()).queryParam("q", "%" + tag.substring(1))
                .when().get("/products").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 0).when().get("/products").then()
                .statusCode(400).body("errors.field", hasItem("limit"));
    }

    @Test
    void replaceNeedsTheCurrentVersionAndDeleteRemoves() {
        String sku = "R" + unique();
        create(sku, null, "更新前");
        String body = "{\"sku\":\"" + sku + "\",\"jan\":\"4902102072618\",\"name\":\"更新後\"}";
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put("/products/" + sku).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("name", equalTo("更新後")).body("jan", equalTo("4902102072618"));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put("/products/" + sku).then().statusCode(412);
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(body)
                .when().put("/products/" + sku).then().statusCode(400).body("errors.field", hasItem("version"));
        given().auth().oauth2(TestTokens.viewer()).when().delete("/products/" + sku).then().statusCode(403);
        given().auth().oauth2(TestTokens.operator()).header("If-Match", "\"0\"").when().delete("/products/" + sku)
                .then().statusCode(412);
        given().auth().oauth2(TestTokens.operator()).when().delete("/products/" + sku).then().statusCode(204);
        given().auth().oauth2(TestTokens.viewer()).when().get("/products/" + sku).then().statusCode(404);
    }

    @Test
    void duplicateSkuIsAConflictAndBadSkuIsNamed() {
        String sku = "D" + unique();
        create(sku, null, "重複");
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + sku + "\",\"name\":\"重複2\"}").when().post("/products").then().statusCode(409);
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"sku\":\"a/b\",\"name\":\"スラッシュ\"}").when().post("/products").then().statusCode(400)
                .body("errors.field", hasItem("sku"));
    }
}
