package jp.systemgear.ec.catalog.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.catalog.repository.StockFilter;
import jp.systemgear.ec.catalog.repository.StockQueries;
import jp.systemgear.ec.catalog.rest.AvailabilityView;
import jp.systemgear.ec.catalog.rest.Page;
import jp.systemgear.ec.catalog.rest.StockHistoryView;
import jp.systemgear.ec.catalog.rest.SupplierStockView;
import jp.systemgear.ec.common.error.ApiException;

/** Stock, availability and history reads; availability by SKU is the hot read and is cached. */
@ApplicationScoped
public class StockService {

    private final StockQueries queries;
    private final HotCache cache;
    private final ObjectMapper json;

    public StockService(StockQueries queries, HotCache cache, ObjectMapper json) {
        this.queries = queries;
        this.cache = cache;
        this.json = json;
    }

    /** The availability JSON of one product, from the cache when it is there. */
    public Uni<String> availabilityJson(String sku) {
        return cache.get(HotCache.AVAILABILITY, sku, () -> queries.availability(sku).map(this::encode))
                .onItem().ifNull().failWith(() -> ApiException.notFound("Product", sku));
    }

    public Uni<Page<AvailabilityView>> availability(StockFilter filter, String after, int limit) {
        int size = ProductService.pageSize(limit);
        return queries.availabilityPage(filter, blankToNull(after), size + 1)
                .map(rows -> Page.of(rows, size, AvailabilityView::sku));
    }

    public Uni<Page<SupplierStockView>> stock(StockFilter filter, String after, int limit) {
        int size = ProductService.pageSize(limit);
        String[] cursor = decodeCursor(after);
        return queries.stock(filter, cursor == null ? null : cursor[0], cursor == null ? null : cursor[1], size + 1)
                .map(rows -> Page.of(rows, size, r -> encodeCursor(r.sku(), r.supplierCode())));
    }

    public Uni<Page<StockHistoryView>> history(String sku, String supplier, LocalDate importDate, String after,
            int limit) {
        int size = ProductService.pageSize(limit);
        Long before = null;
        if (after != null && !after.isBlank()) {
            try {
                before = Long.parseLong(after);
            } catch (NumberFormatException e) {
                throw ApiException.validation("after", "is not a cursor this API returned");
            }
        }
        return queries.history(sku, supplier, importDate, before, size + 1)
                .map(rows -> Page.of(rows, size, r -> Long.toString(r.id())));
    }

    public Uni<List<StockQueries.UnmatchedItem>> unmatched(String supplier, int days, int limit) {
        if (days < 1 || days > 366) {
            throw ApiException.validation("days", "must be between 1 and 366");
        }
        return queries.unmatched(supplier, days, ProductService.pageSize(limit));
    }

    public static StockFilter filter(String sku, String jan, String q, String supplier, String changedSince) {
        Instant since = null;
        if (changedSince != null && !changedSince.isBlank()) {
            try {
                since = Instant.parse(changedSince.strip());
            } catch (DateTimeParseException e) {
                throw ApiException.validation("changedSince", "must be an ISO-8601 instant like 2026-04-01T00:00:00Z");
            }
        }
        return new StockFilter(blankToNull(sku), blankToNull(jan), blankToNull(q), blankToNull(supplier), since);
    }

    public static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.validation(field, "must be a date like 2026-04-01");
        }
    }

    private String encode(AvailabilityView view) {
        if (view == null) {
            return null;
        }
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Availability cannot be serialised", e);
        }
    }

    /** Opaque to clients: (SKU, supplier code), base64url. */
    static String encodeCursor(String sku, String supplier) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((sku + "\n" + supplier).getBytes(StandardCharsets.UTF_8));
    }

    static String[] decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            if (newline < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new String[] { text.substring(0, newline), text.substring(newline + 1) };
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("after", "is not a cursor this API returned");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
