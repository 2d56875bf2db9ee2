package jp.systemgear.ec.catalog.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One change of a stock row: by which run (apply, missing-items policy, undo), before and after, and the run
 * and import date that had set the values before ({@code oldRunId}, {@code oldImportDate}: for a row's first
 * change, the run that created it; null where the row did not exist).
 */
public record StockHistoryView(long id, String sku, String supplierCode, long runId, LocalDate importDate,
        String changeKind, Integer oldQuantity, Integer newQuantity, BigDecimal oldUnitCost, BigDecimal newUnitCost,
        Boolean oldDiscontinued, Boolean newDiscontinued, Long oldRunId, LocalDate oldImportDate, Instant changedAt) {
}
