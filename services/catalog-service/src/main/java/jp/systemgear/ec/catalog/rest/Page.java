package jp.systemgear.ec.catalog.rest;

import java.util.List;
import java.util.function.Function;

/**
 * One keyset page: {@code next} is the cursor for the following page (pass it as {@code after}),
 * null on the last page.
 */
public record Page<T>(List<T> items, String next) {

    /** {@code fetched} holds up to limit + 1 items: the extra one only says that another page exists. */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> cursor) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(List.copyOf(items), cursor.apply(items.get(limit - 1)));
    }
}
