package jp.systemgear.ec.export.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ChannelTemplateResourceTest {

    @Test
    void templateKeepsJapaneseHeadersInOrder() {
        String code = "yahoo-" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("""
                        {"code":"%s","name":"Yahoo!ショッピング","format":"csv","encoding":"Windows-31J","includeHeader":true,
                         "columns":[{"header":"code","field":"sku"},{"header":"quantity","field":"quantity"},
                                    {"header":"allow-overdraft","value":"0"}]}
                        """.formatted(code))
                .when().post("/templates")
                .then().statusCode(201)
                .body("columns.header", contains("code", "quantity", "allow-overdraft"));
        given().auth().oauth2(TestTokens.viewer()).when().get("/templates/" + code)
                .then().statusCode(200)
                .body("encoding", equalTo("Windows-31J"))
                .body("columns[2].value", equalTo("0"));
    }

    @Test
    void columnNeedsExactlyOneOfFieldOrValue() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"code\":\"bad\",\"name\":\"x\",\"columns\":[{\"header\":\"在庫\",\"field\":\"quantity\",\"value\":\"1\"}]}")
                .when().post("/templates")
                .then().statusCode(400)
                .body("code", equalTo("VALIDATION_ERROR"))
                .body("errors.field", hasItem("columns[0].fieldOrValue"));
    }

    @Test
    void unsupportedEncodingIsRejected() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"code\":\"enc\",\"name\":\"x\",\"encoding\":\"EUC-JP\",\"columns\":[{\"header\":\"a\",\"field\":\"sku\"}]}")
                .when().post("/templates")
                .then().statusCode(400)
                .body("errors.field", hasItem("encoding"));
    }
}
