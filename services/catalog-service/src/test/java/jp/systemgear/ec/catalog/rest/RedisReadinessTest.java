package jp.systemgear.ec.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import jp.systemgear.ec.testing.PostgresTestResource;

/** With REDIS_URL set, readiness includes Redis: an unreachable Redis makes the service not ready. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(RedisReadinessTest.UnreachableRedis.class)
class RedisReadinessTest {

    public static class UnreachableRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 1 on loopback: nothing listens there, the connection is refused at once.
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1");
        }
    }

    @Test
    void configuredButUnreachableRedisMakesReadinessDown() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        given().when().get("http://localhost:" + port + "/q/health/ready").then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.name", hasItem("Redis connection health check"));
        given().when().get("/status").then().statusCode(503).body("status", equalTo("DOWN"));
    }
}
