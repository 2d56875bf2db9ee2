package jp.systemgear.ec.catalog.rest;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import jp.systemgear.ec.rules.RuleDefinition;
import jp.systemgear.ec.rules.SupplierRow;

/**
 * Sample rows to run through the supplier's current rules, or through {@code rules} (a draft not saved
 * yet) when given. Nothing is written.
 */
public record RuleTestRequest(List<RuleDefinition> rules, @NotNull List<SupplierRow> rows) {
}
