package jp.systemgear.ec.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A lost database answers 503 {@code DB_CONNECTION_ERROR} (never a stack trace), readiness goes
 * DOWN, and both recover when the database returns.
 */
public abstract class DatabaseOutageContractTest {

    /** A GET that needs the database, readable by viewers. */
    protected abstract String databaseBackedPath();

    /** A token allowed to read {@link #databaseBackedPath()}. */
    protected String readerToken() {
        return TestTokens.viewer();
    }

    private String management(String path) {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return "http://localhost:" + port + path;
    }

    @AfterEach
    void restoreDatabase() {
        PostgresTestResource.databaseUp(true);
    }

    @Test
    void lostDatabaseIsReportedAndRecovered() throws InterruptedException {
        given().auth().oauth2(readerToken()).when().get(databaseBackedPath()).then().statusCode(200);

        PostgresTestResource.databaseUp(false);
        given().auth().oauth2(readerToken()).when().get(databaseBackedPath()).then()
                .statusCode(503)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("DB_CONNECTION_ERROR"))
                .header("Retry-After", equalTo("5"))
                .body(org.hamcrest.Matchers.not(containsString("Exception")));
        given().when().get(management("/q/health/ready")).then().statusCode(503).body("status", equalTo("DOWN"));
        given().when().get("/status").then().statusCode(503).body("status", equalTo("DOWN"));
        given().when().get(management("/q/health/live")).then().statusCode(200);

        PostgresTestResource.databaseUp(true);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        int status = 0;
        while (Instant.now().isBefore(deadline)) {
            status = given().auth().oauth2(readerToken()).when().get(databaseBackedPath()).then()
                    .extract().statusCode();
            if (status == 200) {
                break;
            }
            Thread.sleep(200);
        }
        org.junit.jupiter.api.Assertions.assertEquals(200, status, "the service recovers when the database returns");
        given().when().get(management("/q/health/ready")).then().statusCode(200);
    }
}
