package jp.systemgear.ec.catalog.service;

import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * A cache of hot reads, kept as the JSON text the API answers with. Entries live at most CACHE_TTL;
 * {@link #invalidate} ends every entry of a namespace at once (apply, undo, rule and product changes),
 * by moving the namespace to a new generation rather than deleting keys one by one.
 */
public interface HotCache {

    String AVAILABILITY = "availability";
    String RULES = "rules";

    Uni<String> get(String namespace, String key, Supplier<Uni<String>> loader);

    Uni<Void> invalidate(String namespace);
}
