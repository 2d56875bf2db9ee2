package jp.systemgear.ec.catalog.repository;

import static jp.systemgear.ec.common.db.SqlValues.instant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import jp.systemgear.ec.catalog.rest.AvailabilityView;
import jp.systemgear.ec.catalog.rest.StockHistoryView;
import jp.systemgear.ec.catalog.rest.SupplierStockView;

/**
 * Read queries over stock, history and availability, in SQL on the reactive client. Every list is a
 * keyset page (WHERE key > cursor ORDER BY key LIMIT n) in byte order ({@code collate "C"}).
 */
@ApplicationScoped
public class StockQueries {

    private static final String STOCK_COLUMNS = """
            p.sku, p.jan, p.name, s.code as supplier_code, s.name as supplier_name, s.active, s.priority,
            c.quantity, c.unit_cost, c.discontinued, c.run_id, c.import_date, c.updated_at""";

    private final Pool pool;

    public StockQueries(Pool pool) {
        this.pool = pool;
    }

    /** Stock rows (product × supplier) ordered by SKU then supplier code, after (sku, supplier). */
    public Uni<List<SupplierStockView>> stock(StockFilter filter, String afterSku, String afterSupplier, int limit) {
        Sql sql = new Sql("select " + STOCK_COLUMNS + " from catalog.stock c "
                + "join catalog.product p on p.id = c.product_id join catalog.supplier s on s.id = c.supplier_id where true");
        productFilters(sql, filter);
        if (filter.supplier() != null) {
            sql.and("s.code = ?", filter.supplier());
        }
        if (filter.changedSince() != null) {
            sql.and("c.updated_at > ?", filter.changedSince().atOffset(java.time.ZoneOffset.UTC));
        }
        if (afterSku != null) {
            sql.and("(p.sku collate \"C\" > ? or (p.sku = ? and s.code collate \"C\" > ?))", afterSku, afterSku,
                    afterSupplier);
        }
        sql.append(" order by p.sku collate \"C\", s.code collate \"C\" limit ?", limit);
        return sql.run(pool).map(rows -> {
            List<SupplierStockView> list = new ArrayList<>();
            for (Row r : rows) {
                list.add(new SupplierStockView(r.getString("sku"), r.getString("jan"), r.getString("name"),
                        r.getString("supplier_code"), r.getString("supplier_name"), r.getBoolean("active"),
                        r.getInteger("priority"), r.getInteger("quantity"), Money.plain(r.getBigDecimal("unit_cost")),
                        r.getBoolean("discontinued"), r.getLong("run_id"), r.getLocalDate("import_date"),
                        instant(r, "updated_at")));
            }
            return list;
        });
    }

    /** Availability of one product; null when there is no such product. */
    public Uni<AvailabilityView> availability(String sku) {
        return pool.preparedQuery("select p.id as product_id, p.sku, p.jan, p.name, s.code as supplier_code, "
                + "s.name as supplier_name, s.active, s.priority, c.quantity, c.unit_cost, c.discontinued, c.run_id, "
                + "c.import_date, c.updated_at from catalog.product p "
                + "left join catalog.stock c on c.product_id = p.id left join catalog.supplier s on s.id = c.supplier_id "
                + "where p.sku = $1").execute(Tuple.of(sku))
                .map(rows -> {
                    List<AvailabilityView> list = aggregate(rows);
                    return list.isEmpty() ? null : list.get(0);
                });
    }

    /** Availability of products that have stock rows, by SKU, after {@code afterSku}. */
    public Uni<List<AvailabilityView>> availabilityPage(StockFilter filter, String afterSku, int limit) {
        Sql ids = new Sql("select p.id from catalog.product p where true");
        productFilters(ids, filter);
        StringBuilder exists = new StringBuilder("exists (select 1 from catalog.stock c join catalog.supplier s "
                + "on s.id = c.supplier_id where c.product_id = p.id");
        List<Object> existsArgs = new ArrayList<>();
        if (filter.supplier() != null) {
            exists.append(" and s.code = ?");
            existsArgs.add(filter.supplier());
        }
        if (filter.changedSince() != null) {
            exists.append(" and c.updated_at > ?");
            existsArgs.add(filter.changedSince().atOffset(java.time.ZoneOffset.UTC));
        }
        ids.and(exists.append(')').toString(), existsArgs.toArray());
        if (afterSku != null) {
            ids.and("p.sku collate \"C\" > ?", afterSku);
        }
        ids.append(" order by p.sku collate \"C\" limit ?", limit);
        return ids.run(pool).chain(rows -> {
            List<Long> productIds = new ArrayList<>();
            for (Row r : rows) {
                productIds.add(r.getLong("id"));
            }
            if (productIds.isEmpty()) {
                return Uni.createFrom().item(List.<AvailabilityView> of());
            }
            return pool.preparedQuery("select p.id as product_id, p.sku, p.jan, p.name, s.code as supplier_code, "
                    + "s.name as supplier_name, s.active, s.priority, c.quantity, c.unit_cost, c.discontinued, c.run_id, "
                    + "c.import_date, c.updated_at from catalog.product p join catalog.stock c on c.product_id = p.id "
                    + "join catalog.supplier s on s.id = c.supplier_id where p.id = any($1) "
                    + "order by p.sku collate \"C\"").execute(Tuple.of(productIds.toArray(Long[]::new)))
                    .map(StockQueries::aggregate);
        });
    }

    public Uni<List<StockHistoryView>> history(String sku, String supplier, LocalDate importDate, Long beforeId,
            int limit) {
        Sql sql = new Sql("select h.id, p.sku, s.code as supplier_code, h.run_id, h.import_date, h.change_kind, "
                + "h.old_quantity, h.new_quantity, h.old_unit_cost, h.new_unit_cost, h.old_discontinued, "
                + "h.new_discontinued, case when h.existed_before then h.old_run_id end as old_run_id, "
                + "case when h.existed_before then h.old_import_date end as old_import_date, h.changed_at "
                + "from catalog.stock_history h "
                + "join catalog.product p on p.id = h.product_id join catalog.supplier s on s.id = h.supplier_id where true");
        if (sku != null) {
            sql.and("p.sku = ?", sku);
        }
        if (supplier != null) {
            sql.and("s.code = ?", supplier);
        }
        if (importDate != null) {
            sql.and("h.import_date = ?", importDate);
        }
        if (beforeId != null) {
            sql.and("h.id < ?", beforeId);
        }
        sql.append(" order by h.id desc limit ?", limit);
        return sql.run(pool).map(rows -> {
            List<StockHistoryView> list = new ArrayList<>();
            for (Row r : rows) {
                list.add(new StockHistoryView(r.getLong("id"), r.getString("sku"), r.getString("supplier_code"),
                        r.getLong("run_id"), r.getLocalDate("import_date"), r.getString("change_kind"),
                        r.getInteger("old_quantity"), r.getInteger("new_quantity"), Money.plain(r.getBigDecimal("old_unit_cost")),
                        Money.plain(r.getBigDecimal("new_unit_cost")), r.getBoolean("old_discontinued"),
                        r.getBoolean("new_discontinued"), r.getLong("old_run_id"), r.getLocalDate("old_import_date"),
                        instant(r, "changed_at")));
            }
            return list;
        });
    }

    /** Unmatched supplier codes of recent runs (staged without SKU), most frequent first; reads import's view. */
    public Uni<List<UnmatchedItem>> unmatched(String supplierCode, int days, int limit) {
        return pool.preparedQuery("select supplier_item_code, max(jan) as jan, count(*) as occurrences, "
                + "count(distinct run_id) as runs, max(import_date) as last_seen from import.staged_row_v1 "
                + "where supplier_code = $1 and sku is null and import_date >= current_date - $2::int "
                + "group by supplier_item_code order by count(*) desc, supplier_item_code collate \"C\" limit $3")
                .execute(Tuple.of(supplierCode, days, limit))
                .map(rows -> {
                    List<UnmatchedItem> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new UnmatchedItem(r.getString("supplier_item_code"), r.getString("jan"),
                                r.getLong("occurrences"), r.getLong("runs"), r.getLocalDate("last_seen")));
                    }
                    return list;
                });
    }

    public record UnmatchedItem(String supplierItemCode, String jan, long occurrences, long runs, LocalDate lastSeen) {
    }

    private static void productFilters(Sql sql, StockFilter filter) {
        if (filter.sku() != null) {
            sql.and("p.sku = ?", filter.sku());
        }
        if (filter.jan() != null) {
            sql.and("p.jan = ?", filter.jan());
        }
        if (filter.q() != null) {
            String like = Like.contains(filter.q());
            sql.and("(p.name ilike ? or p.sku ilike ?)", like, like);
        }
    }

    /**
     * Rows of (product, supplier) in product order → one availability per product. Sums count active
     * suppliers' non-discontinued rows; the best cost is the lowest among those with stock (ties: the
     * supplier's priority, then code).
     */
    static List<AvailabilityView> aggregate(RowSet<Row> rows) {
        Map<Long, List<Row>> byProduct = new LinkedHashMap<>();
        for (Row r : rows) {
            byProduct.computeIfAbsent(r.getLong("product_id"), id -> new ArrayList<>()).add(r);
        }
        List<AvailabilityView> result = new ArrayList<>();
        for (List<Row> group : byProduct.values()) {
            Row first = group.get(0);
            List<AvailabilityView.Supplier> suppliers = new ArrayList<>();
            for (Row r : group) {
                if (r.getString("supplier_code") != null) {
                    suppliers.add(new AvailabilityView.Supplier(r.getString("supplier_code"), r.getString("supplier_name"),
                            r.getBoolean("active"), r.getInteger("priority"), r.getInteger("quantity"),
                            Money.plain(r.getBigDecimal("unit_cost")), r.getBoolean("discontinued"), r.getLong("run_id"),
                            r.getLocalDate("import_date"), instant(r, "updated_at")));
                }
            }
            suppliers.sort(Comparator.comparingInt(AvailabilityView.Supplier::priority)
                    .thenComparing(AvailabilityView.Supplier::supplierCode));
            int total = 0;
            AvailabilityView.Supplier best = null;
            java.time.Instant updated = null;
            for (AvailabilityView.Supplier s : suppliers) {
                updated = updated == null || s.updatedAt().isAfter(updated) ? s.updatedAt() : updated;
                if (!s.active() || s.discontinued()) {
                    continue;
                }
                total += s.quantity();
                if (s.quantity() > 0 && s.unitCost() != null
                        && (best == null || s.unitCost().compareTo(best.unitCost()) < 0)) {
                    best = s;
                }
            }
            BigDecimal bestCost = best == null ? null : best.unitCost();
            result.add(new AvailabilityView(first.getString("sku"), first.getString("jan"), first.getString("name"), total,
                    bestCost, best == null ? null : best.supplierCode(), updated, suppliers));
        }
        return result;
    }


    /** A query under construction with numbered parameters ($1, $2, ...) in the order they are added. */
    private static final class Sql {
        private final StringBuilder text;
        private final List<Object> args = new ArrayList<>();

        Sql(String start) {
            this.text = new StringBuilder(start);
        }

        void and(String condition, Object... values) {
            text.append(" and ");
            append(condition, values);
        }

        void append(String fragment, Object... values) {
            int next = 0;
            for (int i = 0; i < fragment.length(); i++) {
                char c = fragment.charAt(i);
                if (c == '?') {
                    args.add(values[next++]);
                    text.append('$').append(args.size());
                } else {
                    text.append(c);
                }
            }
        }

        Uni<RowSet<Row>> run(Pool pool) {
            return pool.preparedQuery(text.toString()).execute(Tuple.from(args));
        }
    }
}
