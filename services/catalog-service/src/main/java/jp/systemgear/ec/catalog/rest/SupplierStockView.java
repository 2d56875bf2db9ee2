package jp.systemgear.ec.catalog.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One product's stock and unit cost from one supplier, and the run that last changed them. */
public record SupplierStockView(String sku, String jan, String name, String supplierCode, String supplierName,
        boolean supplierActive, int supplierPriority, int quantity, BigDecimal unitCost, boolean discontinued,
        long runId, LocalDate importDate, Instant updatedAt) {
}
