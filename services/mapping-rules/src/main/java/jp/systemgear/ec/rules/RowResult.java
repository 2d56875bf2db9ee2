package jp.systemgear.ec.rules;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the rules made of one row: the rule that matched (index in the rule set and name), the SKU,
 * transformed cost and quantity, or why nothing came out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowResult(Outcome outcome, Integer ruleIndex, String rule, String sku, BigDecimal unitCost,
        Integer quantity, String reason) {

    public enum Outcome {
        /** A rule matched and the values were transformed. */
        MAPPED,
        /** An exclude rule matched: skipped on purpose. */
        EXCLUDED,
        /** No rule matched: an operator may need to write one. */
        UNMATCHED,
        /** A rule matched but the row's values cannot be read or transformed. */
        INVALID
    }

    static RowResult unmatched(String reason) {
        return new RowResult(Outcome.UNMATCHED, null, null, null, null, null, reason);
    }
}
