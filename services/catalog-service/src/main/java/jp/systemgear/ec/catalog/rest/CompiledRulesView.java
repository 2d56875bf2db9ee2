package jp.systemgear.ec.catalog.rest;

import java.util.List;
import java.util.Map;

import jp.systemgear.ec.rules.RuleDefinition;
import jp.systemgear.ec.rules.ValueFormat;

/**
 * What import-service needs to map a supplier's rows in memory: the rule-set version (to record on the
 * run), the rules in order (already validated), how to read values, and — only when a JAN rule is
 * present — the products' JAN → SKU index. Build it into {@code RuleCompiler.compile(rules,
 * valueFormat, janIndex)}. Served with a strong ETag over the exact content.
 */
public record CompiledRulesView(int formatVersion, String supplierCode, int ruleVersion, ValueFormat valueFormat,
        List<RuleDefinition> rules, Map<String, String> janIndex) {

    /** Bumped when the shape of this document changes incompatibly. */
    public static final int FORMAT_VERSION = 1;
}
