package jp.systemgear.ec.importer.pipeline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.restassured.response.ValidatableResponse;

import jp.systemgear.ec.testing.TestTokens;

/** Reading runs through the API in import-service's tests, and waiting for a run to reach a state. */
public final class Runs {

    private Runs() {
    }

    public static ValidatableResponse run(long id) {
        return given().auth().oauth2(TestTokens.viewer()).when().get("/runs/" + id).then().statusCode(200);
    }

    /** The supplier's run ids, newest first. */
    public static List<Integer> ids(String supplier) {
        return given().auth().oauth2(TestTokens.viewer()).queryParam("supplier", supplier).when().get("/runs")
                .then().statusCode(200).extract().path("id");
    }

    /** Waits (30 s at most) until the run is in one of {@code states}; returns that state. */
    public static String awaitStatus(long id, String... states) {
        List<String> wanted = List.of(states);
        String[] seen = { null };
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            seen[0] = run(id).extract().path("status");
            return wanted.contains(seen[0]);
        });
        return seen[0];
    }
}
