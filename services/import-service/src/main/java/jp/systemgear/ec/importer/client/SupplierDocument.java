package jp.systemgear.ec.importer.client;

import java.math.BigDecimal;

import jp.systemgear.ec.importer.reading.ReadProfile;

/**
 * What import-service reads of a catalog supplier: how to read its files, where they come from, when,
 * and what guards and policies its runs follow.
 */
public record SupplierDocument(String code, String name, boolean active, ReadProfile profile, Source source,
        String scheduleCron, Guard guard, String missingItemsPolicy) {

    /** Where files come from; {@code authSecretRef} names an environment variable, never holds a secret. */
    public record Source(String type, String folder, String filePattern, String url, String authHeaderName,
            String authSecretRef) {
    }

    /** The sanity guard's thresholds (catalog's {@code SanityGuard}); null fields are not checked. */
    public record Guard(Integer minRows, BigDecimal maxRowDropPercent, BigDecimal maxZeroStockPercent,
            BigDecimal maxCostChangePercent) {
    }

    public Guard guardOrDefaults() {
        return guard != null ? guard
                : new Guard(1, new BigDecimal("30"), new BigDecimal("50"), new BigDecimal("50"));
    }

    public String sourceType() {
        return source == null || source.type() == null ? "UPLOAD" : source.type();
    }
}
