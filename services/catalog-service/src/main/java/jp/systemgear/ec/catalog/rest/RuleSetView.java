package jp.systemgear.ec.catalog.rest;

import java.time.Instant;
import java.util.List;

import jp.systemgear.ec.catalog.domain.MappingRuleSet;
import jp.systemgear.ec.rules.RuleDefinition;

/** A rule-set version; version 0 with no rules is what a supplier has before its first save. */
public record RuleSetView(String supplierCode, int version, List<RuleDefinition> rules, String comment,
        String createdBy, Integer restoredFrom, Instant createdAt) {

    public static RuleSetView of(String supplierCode, MappingRuleSet set) {
        if (set == null) {
            return new RuleSetView(supplierCode, 0, List.of(), null, null, null, null);
        }
        return new RuleSetView(supplierCode, set.version, set.rules.list(), set.comment, set.createdBy,
                set.restoredFrom, set.createdAt);
    }

    /** The version list shows what each version is without every rule. */
    public record Summary(int version, int ruleCount, String comment, String createdBy, Integer restoredFrom,
            Instant createdAt) {

        public static Summary of(MappingRuleSet set) {
            return new Summary(set.version, set.rules.list().size(), set.comment, set.createdBy, set.restoredFrom,
                    set.createdAt);
        }
    }
}
