package jp.systemgear.ec.auth.service;

import java.time.Duration;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;

/** Counters in Redis: INCR, with the expiry set by the failure that opens the window. */
public class RedisLoginThrottle implements LoginThrottle {

    private static final String PREFIX = "auth:login-failures:";

    private final ReactiveValueCommands<String, Long> values;
    private final ReactiveKeyCommands<String> keys;

    public RedisLoginThrottle(ReactiveRedisDataSource redis) {
        this.values = redis.value(Long.class);
        this.keys = redis.key();
    }

    @Override
    public Uni<Count> current(String key) {
        String redisKey = PREFIX + key;
        return values.get(redisKey).chain(failures -> failures == null
                ? Uni.createFrom().item(Count.NONE)
                : keys.ttl(redisKey).map(ttl -> new Count(failures, Math.max(1, ttl))));
    }

    @Override
    public Uni<Count> recordFailure(String key, Duration window) {
        String redisKey = PREFIX + key;
        return values.incr(redisKey).chain(failures -> {
            Uni<Boolean> expiry = failures == 1
                    ? keys.expire(redisKey, window)
                    : Uni.createFrom().item(true);
            return expiry.chain(() -> keys.ttl(redisKey))
                    .map(ttl -> new Count(failures, Math.max(1, ttl)));
        });
    }

    @Override
    public Uni<Void> reset(String key) {
        return keys.del(PREFIX + key).replaceWithVoid();
    }
}
