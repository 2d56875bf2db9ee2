package jp.systemgear.ec.importer.client;

import java.time.Instant;
import java.time.LocalDate;

/** catalog-service's record of an applied (or undone) run; productsCreated: by the apply (createProducts). */
public record AppliedRun(long runId, String supplierCode, LocalDate importDate, Integer ruleVersion, String status,
        int rowsStaged, int rowsMatched, int rowsUnknownSku, int rowsChanged, int rowsUnchanged, int rowsMissing,
        int productsCreated, String missingPolicy, String appliedBy, Instant appliedAt, String undoneBy, Instant undoneAt,
        boolean alreadyApplied) {
}
