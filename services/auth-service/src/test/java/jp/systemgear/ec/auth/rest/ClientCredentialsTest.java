package jp.systemgear.ec.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ClientCredentialsTest {

    private static String newClient(List<String> scopes) {
        String clientId = "cron-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "name", "在庫取込 CronJob", "scopes", scopes))
                .when().post("/clients")
                .then().statusCode(201)
                .header("Cache-Control", "no-store")
                .body("clientSecret.length()", equalTo(43))
                .extract().path("clientSecret");
        return clientId + ":" + secret;
    }

    private static io.restassured.response.Response token(String clientId, String secret, String scope) {
        var request = given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret);
        if (scope != null) {
            request.formParam("scope", scope);
        }
        return request.when().post("/token");
    }

    private static JsonPath claims(String jwt) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void clientGetsATokenCarryingItsScopes() {
        String[] credentials = newClient(List.of("import:trigger")).split(":");
        String jwt = token(credentials[0], credentials[1], null).then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("scope", equalTo("import:trigger"))
                .body("expires_in", equalTo(900))
                .extract().path("access_token");
        assertEquals(List.of("import:trigger"), claims(jwt).getList("groups"));
        assertEquals(credentials[0], claims(jwt).getString("sub"));

        // HTTP Basic works as well as form credentials.
        String basic = Base64.getEncoder().encodeToString((credentials[0] + ":" + credentials[1])
                .getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", "Basic " + basic).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").when().post("/token").then().statusCode(200);

        // The secret is shown once: never in a listing.
        given().auth().oauth2(TestTokens.admin()).when().get("/clients/" + credentials[0]).then().statusCode(200)
                .body("clientSecret", nullValue())
                .body("scopes", equalTo(List.of("import:trigger")))
                .body("lastUsedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theInternalClientIsSetUpFromConfigurationWithTheCatalogImportScope() {
        String jwt = token("import-service", "internal-test-secret-2026", null).then().statusCode(200)
                .body("scope", equalTo("catalog:import")).extract().path("access_token");
        assertEquals(List.of("catalog:import"), claims(jwt).getList("groups"));
        token("import-service", "not-the-secret", null).then().statusCode(401);
    }

    @Test
    void scopesBeyondTheGrantAreRefused() {
        String[] credentials = newClient(List.of("export:read")).split(":");
        token(credentials[0], credentials[1], "import:trigger").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        token(credentials[0], credentials[1], "export:read").then().statusCode(200).body("scope", equalTo("export:read"));
    }

    @Test
    void wrongSecretRotationAndRevocation() {
        String[] credentials = newClient(List.of("import:trigger", "export:read")).split(":");
        token(credentials[0], "wrong-secret", null).then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));
        token("no-such-client", credentials[1], null).then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));

        String rotated = given().auth().oauth2(TestTokens.admin()).when().post("/clients/" + credentials[0] + "/secret")
                .then().statusCode(200).extract().path("clientSecret");
        token(credentials[0], credentials[1], null).then().statusCode(401);
        token(credentials[0], rotated, null).then().statusCode(200);

        given().auth().oauth2(TestTokens.admin()).when().delete("/clients/" + credentials[0]).then().statusCode(204);
        token(credentials[0], rotated, null).then().statusCode(401);

        given().auth().oauth2(TestTokens.admin()).queryParam("subject", credentials[0]).when().get("/audit")
                .then().statusCode(200)
                .body("type", hasItem("client.created"))
                .body("type", hasItem("client.secret_rotated"))
                .body("type", hasItem("client.revoked"))
                .body("type", hasItem("client.auth_failed"));
    }

    @Test
    void unknownScopeAndWrongGrantAreValidationErrors() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("clientId", "bad-scope", "name", "x", "scopes", List.of("admin")))
                .when().post("/clients").then().statusCode(400).body("code", equalTo("VALIDATION_ERROR"));
        given().contentType(ContentType.URLENC).formParam("grant_type", "password").when().post("/token")
                .then().statusCode(400).body("errors[0].field", equalTo("grant_type"));
    }

    @Test
    void onlyAdminsManageClients() {
        given().auth().oauth2(TestTokens.operator()).when().get("/clients").then().statusCode(403);
    }
}
