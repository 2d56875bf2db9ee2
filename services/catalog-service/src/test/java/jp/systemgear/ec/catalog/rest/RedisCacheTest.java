package jp.systemgear.ec.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestTokens;

/**
 * With REDIS_URL set, hot reads are cached in Redis (shared by replicas) and a change ends them for
 * every replica at once. Needs a Redis server: TEST_REDIS_URL, or 127.0.0.1:6379 (./platform test
 * starts one when none runs).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(RedisCacheTest.WithRedis.class)
class RedisCacheTest {

    public static class WithRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379"));
        }
    }

    @Inject
    RedisDataSource redis;

    @Test
    void availabilityIsCachedInRedisAndAProductChangeEndsIt() {
        String sku = "RC" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + sku + "\",\"name\":\"キャッシュ前\"}").when().post("/products").then().statusCode(201);
        given().auth().oauth2(TestTokens.viewer()).when().get("/availability/" + sku).then().statusCode(200)
                .body("name", equalTo("キャッシュ前"));

        String generationKey = "catalog:cache:availability:generation";
        String generation = redis.value(String.class).get(generationKey);
        String entry = redis.value(String.class).get("catalog:cache:availability:" + sku);
        assertNotNull(entry, "the answer is in Redis");
        assertTrue(entry.startsWith((generation == null ? "0" : generation) + "\n"), entry);
        assertTrue(entry.contains("キャッシュ前"), entry);
        long ttl = redis.key().ttl("catalog:cache:availability:" + sku);
        assertTrue(ttl > 0 && ttl <= 300, "CACHE_TTL bounds the entry: " + ttl);

        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"sku\":\"" + sku + "\",\"name\":\"キャッシュ後\"}").when().put("/products/" + sku)
                .then().statusCode(200);
        String after = redis.value(String.class).get(generationKey);
        assertEquals(Long.parseLong(generation == null ? "0" : generation) + 1, Long.parseLong(after),
                "the change moved availability to a new generation");
        given().auth().oauth2(TestTokens.viewer()).when().get("/availability/" + sku).then().statusCode(200)
                .body("name", equalTo("キャッシュ後"));
    }

    @Test
    void compiledRulesAreServedFromRedisWithTheSameETag() {
        String supplier = "RC" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"code\":\"" + supplier + "\",\"name\":\"キャッシュ卸\"}").when().post("/suppliers")
                .then().statusCode(201);
        String etag = given().auth().oauth2(TestTokens.viewer()).when().get("/suppliers/" + supplier + "/rules/compiled")
                .then().statusCode(200).extract().header("ETag");
        assertNotNull(redis.value(String.class).get("catalog:cache:rules:" + supplier));
        given().auth().oauth2(TestTokens.viewer()).when().get("/suppliers/" + supplier + "/rules/compiled")
                .then().statusCode(200).header("ETag", equalTo(etag));
    }
}
