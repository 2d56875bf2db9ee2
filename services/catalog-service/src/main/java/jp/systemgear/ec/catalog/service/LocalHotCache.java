package jp.systemgear.ec.catalog.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.mutiny.Uni;

/**
 * The in-process cache (no REDIS_URL): one per replica, so another replica's invalidation reaches
 * this one only through the TTL. An entry remembers the generation it was loaded in; a newer
 * generation makes it stale even if the load finished after the invalidation.
 */
final class LocalHotCache implements HotCache {

    private record Entry(long generation, String value) {
    }

    private final Cache<String, Entry> entries;
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

    LocalHotCache(Duration ttl, long maxEntries) {
        this.entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
    }

    @Override
    public Uni<String> get(String namespace, String key, Supplier<Uni<String>> loader) {
        long generation = generation(namespace).get();
        String cacheKey = namespace + ':' + key;
        Entry entry = entries.getIfPresent(cacheKey);
        if (entry != null && entry.generation() == generation) {
            return Uni.createFrom().item(entry.value());
        }
        return loader.get().invoke(value -> {
            if (value != null) {
                entries.put(cacheKey, new Entry(generation, value));
            }
        });
    }

    @Override
    public Uni<Void> invalidate(String namespace) {
        generation(namespace).incrementAndGet();
        return Uni.createFrom().voidItem();
    }

    private AtomicLong generation(String namespace) {
        return generations.computeIfAbsent(namespace, n -> new AtomicLong());
    }
}
