package jp.systemgear.ec.catalog.service;

import java.time.Duration;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/**
 * The shared cache (REDIS_URL set): every replica sees the same entries and the same namespace
 * generation, so an apply on one replica ends the others' entries at once. One round trip per read
 * (MGET of the generation and the entry). Redis trouble never fails a read: it falls back to the
 * database, and readiness reports Redis DOWN meanwhile.
 */
final class RedisHotCache implements HotCache {

    private static final Logger LOG = Logger.getLogger(RedisHotCache.class);
    private static final String PREFIX = "catalog:cache:";

    private final ReactiveValueCommands<String, String> values;
    private final SetArgs expiry;

    RedisHotCache(ReactiveRedisDataSource redis, Duration ttl) {
        this.values = redis.value(String.class, String.class);
        this.expiry = new SetArgs().px(ttl.toMillis());
    }

    @Override
    public Uni<String> get(String namespace, String key, Supplier<Uni<String>> loader) {
        String generationKey = PREFIX + namespace + ":generation";
        String entryKey = PREFIX + namespace + ":" + key;
        return values.mget(generationKey, entryKey)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Redis cache read failed, reading the database: %s", failure.getMessage());
                    return null;
                })
                .chain(found -> {
                    if (found == null) {
                        return loader.get();
                    }
                    String generation = found.get(generationKey) == null ? "0" : found.get(generationKey);
                    String entry = found.get(entryKey);
                    // The entry is "<generation>\n<value>": only the current generation's entries count.
                    if (entry != null && entry.startsWith(generation + "\n")) {
                        return Uni.createFrom().item(entry.substring(generation.length() + 1));
                    }
                    return loader.get().call(value -> value == null ? Uni.createFrom().voidItem()
                            : values.set(entryKey, generation + "\n" + value, expiry)
                                    .onFailure().recoverWithNull().replaceWithVoid());
                });
    }

    @Override
    public Uni<Void> invalidate(String namespace) {
        return values.incr(PREFIX + namespace + ":generation").replaceWithVoid()
                .onFailure().invoke(failure -> LOG.errorf("Redis cache invalidation of %s failed: %s", namespace,
                        failure.getMessage()));
    }
}
