package jp.systemgear.ec.catalog.rest;

import java.util.List;

import jakarta.validation.constraints.Size;

import jp.systemgear.ec.rules.RuleDefinition;

/**
 * A new version of a supplier's rules. {@code baseVersion}: the version the operator edited; when
 * another version was saved meanwhile the save is refused (409) instead of silently dropping that change.
 */
public record RuleSetRequest(List<RuleDefinition> rules, @Size(max = 500) String comment, Integer baseVersion) {
}
