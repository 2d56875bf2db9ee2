package jp.systemgear.ec.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class UserAdministrationTest {

    @Test
    void disablingAUserEndsLoginAndSessionsAndEnablingRestores() {
        String user = AuthFlows.newUser("disable", "operator");
        String refreshToken = AuthFlows.login(user, AuthFlows.PASSWORD, "192.0.2.20").then().statusCode(200)
                .extract().path("refreshToken");

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .when().patch("/users/" + user).then().statusCode(200).body("enabled", equalTo(false));
        AuthFlows.login(user, AuthFlows.PASSWORD, "192.0.2.20").then().statusCode(401)
                .body("code", equalTo("INVALID_CREDENTIALS"));
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken)).when().post("/refresh")
                .then().statusCode(401);

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("enabled", true, "role", "viewer"))
                .when().patch("/users/" + user).then().statusCode(200).body("role", equalTo("viewer"));
        AuthFlows.login(user, AuthFlows.PASSWORD, "192.0.2.20").then().statusCode(200);
    }

    @Test
    void adminResetsAPassword() {
        String user = AuthFlows.newUser("reset", "viewer");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("newPassword", "新しいパスワードは十二文字以上"))
                .when().post("/users/" + user + "/password").then().statusCode(204);
        AuthFlows.login(user, AuthFlows.PASSWORD, "192.0.2.21").then().statusCode(401);
        AuthFlows.login(user, "新しいパスワードは十二文字以上", "192.0.2.21").then().statusCode(200);
    }

    @Test
    void userChangesOwnPasswordOnlyWithTheCurrentOne() {
        String user = AuthFlows.newUser("self", "operator");
        String token = AuthFlows.login(user, AuthFlows.PASSWORD, "192.0.2.22").then().statusCode(200)
                .extract().path("accessToken");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "guess-guess-guess", "newPassword", "another long password"))
                .when().post("/me/password").then().statusCode(400)
                .body("errors[0].field", equalTo("currentPassword"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", AuthFlows.PASSWORD, "newPassword", "another long password"))
                .when().post("/me/password").then().statusCode(204);
        AuthFlows.login(user, "another long password", "192.0.2.22").then().statusCode(200);
    }

    @Test
    void anAdminCannotRemoveTheirOwnAdminAccess() {
        String admin = AuthFlows.newUser("admin", "admin");
        String token = AuthFlows.login(admin, AuthFlows.PASSWORD, "192.0.2.23").then().statusCode(200)
                .extract().path("accessToken");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .when().patch("/users/" + admin).then().statusCode(409).body("code", equalTo("CONFLICT"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("role", "viewer"))
                .when().patch("/users/" + admin).then().statusCode(409);
    }

    @Test
    void auditLogRecordsLoginsAndUserChangesForAdminsOnly() {
        String user = AuthFlows.newUser("audited", "viewer");
        AuthFlows.login(user, "wrong password here", "192.0.2.24").then().statusCode(401);
        AuthFlows.login(user, AuthFlows.PASSWORD, "192.0.2.24").then().statusCode(200);

        given().auth().oauth2(TestTokens.admin()).queryParam("subject", user).when().get("/audit")
                .then().statusCode(200)
                .body("type", hasItem("user.created"))
                .body("type", hasItem("login.failed"))
                .body("type", hasItem("login.succeeded"))
                .body("find { it.type == 'login.failed' }.details.reason", equalTo("wrong password"))
                .body("find { it.type == 'login.failed' }.clientAddress", equalTo("192.0.2.24"));
        given().auth().oauth2(TestTokens.operator()).when().get("/audit").then().statusCode(403);
    }
}
