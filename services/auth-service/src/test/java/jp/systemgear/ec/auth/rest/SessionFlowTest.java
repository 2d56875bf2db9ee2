package jp.systemgear.ec.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class SessionFlowTest {

    private static String refresh(String refreshToken, int status) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .when().post("/refresh")
                .then().statusCode(status)
                .extract().path(status == 200 ? "refreshToken" : "code");
    }

    @Test
    void loginSetsAnHttpOnlyRefreshCookieAndRefreshRotates() {
        String user = AuthFlows.newUser("session", "operator");
        String first = AuthFlows.login(user, AuthFlows.PASSWORD, "192.0.2.10").then().statusCode(200)
                .header("Set-Cookie", allOf(containsString("sg_refresh="), containsString("HttpOnly"),
                        containsString("Secure"), containsString("SameSite=Strict"), containsString("Path=/api/auth")))
                .header("Cache-Control", "no-store")
                .extract().path("refreshToken");

        String second = refresh(first, 200);
        assertNotEquals(first, second);
        String third = given().cookie("sg_refresh", second).when().post("/refresh")
                .then().statusCode(200).body("tokenType", equalTo("Bearer")).extract().path("refreshToken");
        assertNotEquals(second, third);
    }

    @Test
    void reusingAnOldRefreshTokenRevokesTheWholeChain() {
        String user = AuthFlows.newUser("reuse", "viewer");
        String first = AuthFlows.login(user, AuthFlows.PASSWORD, "192.0.2.11").then().statusCode(200)
                .extract().path("refreshToken");
        String second = refresh(first, 200);

        // An attacker replays the first token: refused, and the legitimate holder's second one dies too.
        refresh(first, 401);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", second)).when().post("/refresh")
                .then().statusCode(401).body("code", equalTo("AUTH_TOKEN_INVALID"));

        given().auth().oauth2(TestTokens.admin()).queryParam("type", "refresh.reused").when().get("/audit")
                .then().statusCode(200).body("type", hasItem("refresh.reused"));
    }

    @Test
    void logoutRevokesTheSessionAndClearsTheCookie() {
        String user = AuthFlows.newUser("logout", "viewer");
        String refreshToken = AuthFlows.login(user, AuthFlows.PASSWORD, "192.0.2.12").then().statusCode(200)
                .extract().path("refreshToken");
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken)).when().post("/logout")
                .then().statusCode(204).header("Set-Cookie", allOf(containsString("sg_refresh="), containsString("Max-Age=0")));
        refresh(refreshToken, 401);
    }

    @Test
    void unknownOrMissingRefreshTokenIsRefused() {
        refresh("not-a-refresh-token", 401);
        given().when().post("/refresh").then().statusCode(401).body("code", equalTo("AUTH_TOKEN_INVALID"))
                .body(not(containsString("Exception")));
    }
}
