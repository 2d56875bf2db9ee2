package jp.systemgear.ec.auth.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import jp.systemgear.ec.testing.PostgresTestResource;

/**
 * With REDIS_URL set, the counters live in Redis where every replica sees them. Needs a Redis
 * server: TEST_REDIS_URL, or 127.0.0.1:6379 (./platform test starts one when none runs).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(RedisLoginThrottleTest.WithRedis.class)
class RedisLoginThrottleTest extends LoginThrottleScenarios {

    public static class WithRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String url = System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379");
            return Map.of("quarkus.redis.hosts", url);
        }
    }

    @Inject
    RedisDataSource redis;

    @Override
    protected void afterAccountThrottled(String username) {
        String key = "auth:login-failures:account:" + username.toLowerCase(Locale.ROOT);
        assertEquals(5L, redis.value(Long.class).get(key), "the account's failures are counted in Redis");
        long ttl = redis.key().ttl(key);
        assertTrue(ttl > 0 && ttl <= Duration.ofMinutes(15).toSeconds(), "the window expires: ttl " + ttl);
    }
}
