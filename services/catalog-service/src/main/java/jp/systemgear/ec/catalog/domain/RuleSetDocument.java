package jp.systemgear.ec.catalog.domain;

import java.util.List;

import jp.systemgear.ec.rules.RuleDefinition;

/** The jsonb document of a rule-set version: an object, so later versions can add members beside the rules. */
public record RuleSetDocument(List<RuleDefinition> rules) {

    public List<RuleDefinition> list() {
        return rules == null ? List.of() : rules;
    }
}
