package jp.systemgear.ec.catalog.domain;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Thresholds import-service's sanity guard holds a run at, so that a wrong file never zeroes the
 * shop's stock: fewer rows than {@code minRows}; more than {@code maxRowDropPercent} fewer rows than
 * the last committed run; more than {@code maxZeroStockPercent} of rows at zero; unit costs moving
 * more than {@code maxCostChangePercent}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SanityGuard(Integer minRows, BigDecimal maxRowDropPercent, BigDecimal maxZeroStockPercent,
        BigDecimal maxCostChangePercent) {

    public static SanityGuard defaults() {
        return new SanityGuard(1, new BigDecimal("30"), new BigDecimal("50"), new BigDecimal("50"));
    }
}
