package jp.systemgear.ec.catalog.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the shop can sell of one product: the quantity summed over active suppliers (discontinued rows
 * count 0), the best (lowest) unit cost among suppliers that have stock and who offers it, and the
 * per-supplier breakdown (priority order).
 */
public record AvailabilityView(String sku, String jan, String name, int totalQuantity, BigDecimal bestUnitCost,
        String bestSupplierCode, Instant updatedAt, List<Supplier> suppliers) {

    public record Supplier(String supplierCode, String supplierName, boolean active, int priority, int quantity,
            BigDecimal unitCost, boolean discontinued, long runId, java.time.LocalDate importDate, Instant updatedAt) {
    }
}
