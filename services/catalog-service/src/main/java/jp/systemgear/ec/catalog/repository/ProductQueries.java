package jp.systemgear.ec.catalog.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import jp.systemgear.ec.catalog.rest.ProductView;

/**
 * Product search in SQL: free text over name and SKU uses the trigram indexes (ILIKE '%..%'), pages
 * are keyset pages in SKU byte order ({@code collate "C"}), so page N costs what page 1 costs.
 */
@ApplicationScoped
public class ProductQueries {

    private final Pool pool;

    public ProductQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<ProductView>> search(String q, String sku, String jan, String after, int limit) {
        StringBuilder sql = new StringBuilder("select sku, jan, name, attributes, version, created_at, updated_at "
                + "from catalog.product where true");
        List<Object> args = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            args.add(Like.contains(q.strip()));
            args.add(q.strip());
            sql.append(" and (name ilike $").append(args.size() - 1).append(" or sku ilike $").append(args.size() - 1)
                    .append(" or jan = $").append(args.size()).append(')');
        }
        if (sku != null && !sku.isBlank()) {
            args.add(sku);
            sql.append(" and sku = $").append(args.size());
        }
        if (jan != null && !jan.isBlank()) {
            args.add(jan);
            sql.append(" and jan = $").append(args.size());
        }
        if (after != null && !after.isEmpty()) {
            args.add(after);
            sql.append(" and sku collate \"C\" > $").append(args.size());
        }
        args.add(limit);
        sql.append(" order by sku collate \"C\" limit $").append(args.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args))
                .map(rows -> {
                    List<ProductView> views = new ArrayList<>();
                    for (Row row : rows) {
                        views.add(view(row));
                    }
                    return views;
                });
    }

    @SuppressWarnings("unchecked")
    static ProductView view(Row row) {
        Object attributes = row.getValue("attributes");
        Map<String, Object> map = attributes instanceof JsonObject o ? o.mapTo(Map.class) : Map.of();
        return new ProductView(row.getString("sku"), row.getString("jan"), row.getString("name"), map,
                row.getInteger("version"), row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant());
    }
}
