package jp.systemgear.ec.catalog.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** JAN → SKU of the shop's products, for JAN rules: all of it for the compiled form, a few for a test. */
@ApplicationScoped
public class JanIndexQueries {

    private final Pool pool;

    public JanIndexQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<Map<String, String>> all() {
        return pool.query("select jan, sku from catalog.product where jan is not null").execute().map(JanIndexQueries::toMap);
    }

    public Uni<Map<String, String>> of(List<String> jans) {
        if (jans.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select jan, sku from catalog.product where jan = any($1)")
                .execute(Tuple.of(jans.toArray(String[]::new))).map(JanIndexQueries::toMap);
    }

    private static Map<String, String> toMap(Iterable<Row> rows) {
        Map<String, String> index = new HashMap<>();
        for (Row row : rows) {
            index.put(row.getString("jan"), row.getString("sku"));
        }
        return index;
    }

    public static List<String> candidates(List<String> texts) {
        List<String> jans = new ArrayList<>();
        for (String t : texts) {
            if (t != null && !t.isBlank()) {
                jans.add(t.strip());
            }
        }
        return jans;
    }
}
