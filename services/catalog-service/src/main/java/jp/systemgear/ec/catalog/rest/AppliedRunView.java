package jp.systemgear.ec.catalog.rest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The record of an applied import run. {@code alreadyApplied}: this call found the run applied before
 * and changed nothing. Counts: rows staged (all), rows whose SKU is a product (matched), rows whose SKU
 * is not (unknownSku), stock rows changed and left unchanged, rows changed by the missing-items policy,
 * products the apply created from the rows (productsCreated; asked with createProducts, kept by undo).
 */
public record AppliedRunView(long runId, String supplierCode, LocalDate importDate, Integer ruleVersion, String status,
        int rowsStaged, int rowsMatched, int rowsUnknownSku, int rowsChanged, int rowsUnchanged, int rowsMissing,
        int productsCreated, String missingPolicy, String appliedBy, Instant appliedAt, String undoneBy, Instant undoneAt,
        boolean alreadyApplied) {
}
