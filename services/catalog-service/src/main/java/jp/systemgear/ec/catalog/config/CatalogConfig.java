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

    RemovedRows removedRows();

    interface RemovedRows {
        /**
         * CATALOG_REMOVED_ROW_RETENTION: how long a removal tombstone is kept for incremental exports; a
         * cursor older than the pruned tombstones is refused (410 CURSOR_EXPIRED) and takes a full export.
         */
        @WithDefault("30d")
        Duration retention();
    }

    interface Cache {
        /** CACHE_TTL: how long a cached read may be served; invalidation usually ends it sooner. */
        Duration ttl();

        /** Entries the in-process cache keeps (per replica) when Redis is not configured. */
        @WithDefault("100000")
        long maxEntries();
    }
}
