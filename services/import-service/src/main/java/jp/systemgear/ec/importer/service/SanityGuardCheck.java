package jp.systemgear.ec.importer.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.systemgear.ec.importer.client.SupplierDocument.Guard;

/**
 * Whether a staged run may be applied without a person looking at it, compared with the supplier's last
 * committed run and current stock. Each reason is a sentence for the operator who decides.
 */
public final class SanityGuardCheck {

    private SanityGuardCheck() {
    }

    /**
     * @param staged            rows staged (mapped or not)
     * @param lastCommittedRows rows of the last committed full run, -1 when there is none
     * @param diff              {@code StockDiffQuery} counts
     * @param missingPolicy     KEEP, ZERO or DISCONTINUE: what happens to the products the file lacks
     */
    public static List<String> reasons(Guard guard, boolean partial, long staged, long lastCommittedRows,
            Map<String, Long> diff, String missingPolicy) {
        List<String> reasons = new ArrayList<>();
        if (guard.minRows() != null && staged < guard.minRows()) {
            reasons.add("Only " + staged + " rows; the supplier's minimum is " + guard.minRows());
        }
        if (!partial && guard.maxRowDropPercent() != null && lastCommittedRows > 0 && staged < lastCommittedRows) {
            BigDecimal drop = percent(lastCommittedRows - staged, lastCommittedRows);
            if (drop.compareTo(guard.maxRowDropPercent()) > 0) {
                reasons.add("Row count fell " + drop + " % (" + lastCommittedRows + " → " + staged
                        + "); the limit is " + guard.maxRowDropPercent().stripTrailingZeros().toPlainString() + " %");
            }
        }
        long inStock = diff.getOrDefault("currentInStock", 0L);
        long toZero = diff.getOrDefault("zeroed", 0L)
                + (!partial && !"KEEP".equals(missingPolicy) ? diff.getOrDefault("missingInStock", 0L) : 0L);
        if (guard.maxZeroStockPercent() != null && inStock > 0 && toZero > 0) {
            BigDecimal share = percent(toZero, inStock);
            if (share.compareTo(guard.maxZeroStockPercent()) > 0) {
                reasons.add(toZero + " of " + inStock + " products in stock would go to zero (" + share
                        + " %); the limit is " + guard.maxZeroStockPercent().stripTrailingZeros().toPlainString() + " %");
            }
        }
        long jumps = diff.getOrDefault("costJumps", 0L);
        if (guard.maxCostChangePercent() != null && jumps > 0) {
            reasons.add(jumps + " products' unit cost moves more than "
                    + guard.maxCostChangePercent().stripTrailingZeros().toPlainString() + " %");
        }
        return reasons;
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
