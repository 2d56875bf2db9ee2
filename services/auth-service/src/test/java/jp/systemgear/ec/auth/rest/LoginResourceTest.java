package jp.systemgear.ec.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
class LoginResourceTest {

    private static String login(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .when().post("/login")
                .then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .extract().path("accessToken");
    }

    private static JsonPath part(String jwt, int index) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8));
    }

    @Test
    void configuredAdminLogsInAndGetsASignedTokenWithItsRole() {
        String token = login("bootstrap-admin", "Fuji-san is 3776 m");
        JsonPath header = part(token, 0);
        JsonPath claims = part(token, 1);
        assertEquals("RS256", header.getString("alg"));
        String kid = header.getString("kid");
        assertEquals("bootstrap-admin", claims.getString("sub"));
        assertEquals("[admin]", claims.getList("groups").toString());
        assertEquals("system-gear-ec", claims.getString("aud"));
        assertTrue(claims.getLong("exp") - claims.getLong("iat") == 900);
        assertTrue(claims.getString("jti").length() >= 32);

        given().when().get("/jwks").then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=300"))
                .body("keys", hasSize(1))
                .body("keys[0].kid", equalTo(kid))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].n", notNullValue());

        given().auth().oauth2(token).when().get("/me").then().statusCode(200)
                .body("username", equalTo("bootstrap-admin"))
                .body("role", equalTo("admin"));
    }

    @Test
    void createdUserLogsInWithItsJapanesePassword() {
        String username = "tanaka-" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "displayName", "田中 一郎", "role", "viewer",
                        "password", "ﾊﾟｽﾜｰﾄﾞは髙島屋①の在庫"))
                .when().post("/users").then().statusCode(201).body("role", equalTo("viewer"));
        String token = login(username, "ﾊﾟｽﾜｰﾄﾞは髙島屋①の在庫");
        assertEquals("[viewer]", part(token, 1).getList("groups").toString());
        assertEquals("田中 一郎", part(token, 1).getString("name"));
    }

    @Test
    void wrongPasswordAndUnknownUserAnswerAlike() {
        String wrong = given().contentType(ContentType.JSON)
                .body(Map.of("username", "bootstrap-admin", "password", "not-the-password"))
                .when().post("/login").then().statusCode(401)
                .body("code", equalTo("INVALID_CREDENTIALS")).extract().path("detail");
        String unknown = given().contentType(ContentType.JSON)
                .body(Map.of("username", "nobody-" + UUID.randomUUID(), "password", "not-the-password"))
                .when().post("/login").then().statusCode(401)
                .body("code", equalTo("INVALID_CREDENTIALS")).extract().path("detail");
        assertEquals(wrong, unknown);
    }

    @Test
    void passwordContainingTheUserNameIsRefused() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("username", "suzuki", "role", "viewer", "password", "my-name-is-suzuki!"))
                .when().post("/users").then().statusCode(400)
                .body("code", equalTo("VALIDATION_ERROR"))
                .body("errors[0].field", equalTo("password"));
    }

    @Test
    void userNamesAreUniqueWhateverTheirCase() {
        String username = "Kato" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> body = Map.of("username", username, "role", "viewer", "password", "long enough password");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/users").then().statusCode(201);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("username", username.toLowerCase(), "role", "viewer", "password", "long enough password"))
                .when().post("/users").then().statusCode(409).body("code", equalTo("CONFLICT"));
    }
}
