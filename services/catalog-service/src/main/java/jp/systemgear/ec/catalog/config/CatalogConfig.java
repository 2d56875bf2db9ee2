package jp.systemgear.ec.catalog.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    Cache cache();

    /** Most rows a rule test request may send: it runs in the request, so it stays small. */
    @WithDefault("1000")
    int ruleTestMaxRows();

    interface Cache {
        /** CACHE_TTL: how long a cached read may be served; invalidation usually ends it sooner. */
        Duration ttl();

        /** Entries the in-process cache keeps (per replica) when Redis is not configured. */
        @WithDefault("100000")
        long maxEntries();
    }
}
