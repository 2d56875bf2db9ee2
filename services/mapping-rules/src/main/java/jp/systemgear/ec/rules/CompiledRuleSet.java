package jp.systemgear.ec.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A supplier's rules, ready to map rows: immutable and thread-safe, so one instance serves every
 * thread. The first rule that matches a row decides it. EXACT rules are looked up in a hash map, so a
 * set of thousands of codes costs one lookup plus the non-EXACT rules that stand before the hit.
 */
public final class CompiledRuleSet {

    private static final BigDecimal MAX_COST = new BigDecimal("99999999999.9999");

    private final CompiledRule[] others;
    private final Map<String, CompiledRule> exact;
    private final int ruleCount;
    private final ValueParser parser;
    private final Map<String, String> janToSku;

    CompiledRuleSet(List<CompiledRule> rules, ValueFormat format, Map<String, String> janToSku) {
        List<CompiledRule> nonExact = new ArrayList<>();
        Map<String, CompiledRule> byCode = new HashMap<>();
        for (CompiledRule rule : rules) {
            if (rule.matcher instanceof CompiledRule.Exact e) {
                byCode.putIfAbsent(e.code(), rule);
            } else {
                nonExact.add(rule);
            }
        }
        this.others = nonExact.toArray(CompiledRule[]::new);
        this.exact = byCode;
        this.ruleCount = rules.size();
        this.parser = new ValueParser(format);
        this.janToSku = Map.copyOf(janToSku);
    }

    public int ruleCount() {
        return ruleCount;
    }

    /** Maps one row. Never throws for bad data: the result says what was wrong. */
    public RowResult apply(SupplierRow row) {
        String code = row.code() == null ? "" : ValueParser.strip(row.code());
        String jan = row.jan() == null ? null : ValueParser.strip(row.jan());
        if (code.isEmpty() && (jan == null || jan.isEmpty())) {
            return RowResult.unmatched("the row has no supplier item code");
        }
        CompiledRule exactHit = exact.get(code);
        int limit = exactHit == null ? Integer.MAX_VALUE : exactHit.index;
        for (CompiledRule rule : others) {
            if (rule.index > limit) {
                break;
            }
            String sku = rule.matcher.sku(code, jan, janToSku);
            if (sku != null) {
                return result(rule, sku, row);
            }
        }
        if (exactHit != null) {
            return result(exactHit, exactHit.matcher.sku(code, jan, janToSku), row);
        }
        return RowResult.unmatched("no rule matches supplier code '" + code + "'"
                + (jan == null || jan.isEmpty() ? "" : " or JAN " + jan));
    }

    private RowResult result(CompiledRule rule, String sku, SupplierRow row) {
        if (rule.exclude) {
            return new RowResult(RowResult.Outcome.EXCLUDED, rule.index, rule.name, null, null, null,
                    "excluded by rule '" + rule.name + "'");
        }
        if (sku.isBlank() || sku.length() > RuleCompiler.MAX_SKU_LENGTH) {
            return invalid(rule, sku, "the SKU template made '" + sku + "', which is not a valid SKU");
        }
        Transform.Values values = new Transform.Values();
        try {
            values.cost = parser.cost(row.cost());
            Long quantity = parser.quantity(row.stock(), rule.symbolOverrides);
            values.hasQuantity = quantity != null;
            values.quantity = quantity == null ? 0 : quantity;
        } catch (ValueParser.ValueException e) {
            return invalid(rule, sku, e.getMessage());
        }
        for (Transform t : rule.transforms) {
            t.apply(values);
            if (values.hasQuantity && Math.abs(values.quantity) > Integer.MAX_VALUE) {
                return invalid(rule, sku, "quantity " + values.quantity + " is out of range after the transforms");
            }
        }
        BigDecimal cost = values.cost == null ? null : normalise(values.cost);
        if (cost != null && cost.compareTo(MAX_COST) > 0) {
            return invalid(rule, sku, "unit cost " + cost.toPlainString() + " is out of range");
        }
        // A negative quantity (some suppliers send -1 for back-orders) is nothing to sell.
        Integer quantity = values.hasQuantity ? (int) Math.max(0, values.quantity) : null;
        return new RowResult(RowResult.Outcome.MAPPED, rule.index, rule.name, sku, cost, quantity, null);
    }

    private static RowResult invalid(CompiledRule rule, String sku, String reason) {
        return new RowResult(RowResult.Outcome.INVALID, rule.index, rule.name, sku, null, null, reason);
    }

    /** Four decimals at most (the numeric(15, 4) columns), no trailing zeros: 1280, not 1280.0000. */
    private static BigDecimal normalise(BigDecimal cost) {
        BigDecimal c = cost.setScale(Transform.COST_SCALE, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return c.scale() < 0 ? c.setScale(0) : c;
    }
}
