package jp.systemgear.ec.auth.rest;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import jp.systemgear.ec.testing.TestTokens;

/** Steps the auth tests share: create a user as admin, log in. */
final class AuthFlows {

    static final String PASSWORD = "富士山は三七七六メートル";

    private AuthFlows() {
    }

    static String newUser(String prefix, String role) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "role", role, "password", PASSWORD))
                .when().post("/users").then().statusCode(201);
        return username;
    }

    static Response login(String username, String password, String clientAddress) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", clientAddress)
                .body(Map.of("username", username, "password", password))
                .when().post("/login");
    }
}
