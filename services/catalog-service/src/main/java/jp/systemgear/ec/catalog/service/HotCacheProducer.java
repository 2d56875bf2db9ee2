package jp.systemgear.ec.catalog.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;

import jp.systemgear.ec.catalog.config.CatalogConfig;

/** Redis when REDIS_URL is set, the in-process cache otherwise (as the original system did). */
@ApplicationScoped
public class HotCacheProducer {

    private static final Logger LOG = Logger.getLogger(HotCacheProducer.class);

    @Produces
    @ApplicationScoped
    HotCache hotCache(CatalogConfig config, @ConfigProperty(name = "quarkus.redis.hosts") Optional<String> redisHosts,
            Instance<ReactiveRedisDataSource> redis) {
        // The Redis client bean is only resolved when configured: without hosts it cannot be created.
        if (redisHosts.filter(h -> !h.isBlank()).isPresent()) {
            LOG.infof("Caching hot reads in Redis, TTL %s", config.cache().ttl());
            return new RedisHotCache(redis.get(), config.cache().ttl());
        }
        LOG.infof("Caching hot reads in process (no REDIS_URL), TTL %s", config.cache().ttl());
        return new LocalHotCache(config.cache().ttl(), config.cache().maxEntries());
    }
}
