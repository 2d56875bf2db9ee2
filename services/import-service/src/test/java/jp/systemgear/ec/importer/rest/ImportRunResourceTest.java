package jp.systemgear.ec.importer.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import jp.systemgear.ec.common.security.Roles;
import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ImportRunResourceTest {

    @Test
    void serviceClientWithTriggerScopeQueuesARun() {
        String supplier = "S" + UUID.randomUUID().toString().substring(0, 6);
        String token = TestTokens.token("cronjob-" + supplier, Set.of(Roles.SCOPE_IMPORT_TRIGGER));
        int id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"supplierCode\":\"" + supplier + "\"}")
                .when().post("/runs")
                .then().statusCode(201)
                .body("status", equalTo("queued"))
                .body("source", equalTo("trigger"))
                .body("requestedBy", equalTo("cronjob-" + supplier))
                .extract().path("id");

        given().auth().oauth2(TestTokens.viewer()).when().get("/runs/" + id)
                .then().statusCode(200).body("supplierCode", equalTo(supplier));
        given().auth().oauth2(TestTokens.viewer()).queryParam("supplier", supplier).when().get("/runs")
                .then().statusCode(200)
                .body("id", hasItem(id))
                .body("supplierCode", everyItem(equalTo(supplier)));
    }

    @Test
    void exportScopeCannotTrigger() {
        String token = TestTokens.token("mall-connector", Set.of(Roles.SCOPE_EXPORT_READ));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"supplierCode\":\"0012\"}")
                .when().post("/runs")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void limitOutOfRangeIsNamed() {
        given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 0).when().get("/runs")
                .then().statusCode(400)
                .body("code", equalTo("VALIDATION_ERROR"))
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void unknownStatusFilterIsRejected() {
        given().auth().oauth2(TestTokens.viewer()).queryParam("status", "exploded").when().get("/runs")
                .then().statusCode(404);
    }
}
