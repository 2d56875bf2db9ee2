package jp.systemgear.ec.catalog.rest;

import static io.restassured.RestAssured.given;
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
class SupplierResourceTest {

    @Test
    void createdSupplierKeepsLeadingZerosAndJapaneseName() {
        String code = "007" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"髙橋産業株式会社（ﾃｽﾄ）\",\"contactEmail\":\"tanaka@example.jp\"}")
                .when().post("/suppliers")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/catalog/suppliers/" + code))
                .body("code", equalTo(code))
                .body("active", equalTo(true))
                .body("priority", equalTo(100));

        given().auth().oauth2(TestTokens.viewer()).when().get("/suppliers/" + code)
                .then().statusCode(200)
                .body("name", equalTo("髙橋産業株式会社（ﾃｽﾄ）"));
        given().auth().oauth2(TestTokens.viewer()).when().get("/suppliers")
                .then().statusCode(200)
                .body("code", hasItem(code));
    }

    @Test
    void unknownSupplierIsNotFound() {
        given().auth().oauth2(TestTokens.viewer()).when().get("/suppliers/NOPE-" + UUID.randomUUID().toString().substring(0, 6))
                .then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void invalidEmailAndPriorityAreNamed() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"code\":\"S1\",\"name\":\"x\",\"priority\":-1,\"contactEmail\":\"not-mail\"}")
                .when().post("/suppliers")
                .then().statusCode(400)
                .body("code", equalTo("VALIDATION_ERROR"))
                .body("errors.field", hasItem("priority"))
                .body("errors.field", hasItem("contactEmail"));
    }
}
