package jp.systemgear.ec.catalog.rest;

import java.util.List;

import jp.systemgear.ec.rules.RowResult;
import jp.systemgear.ec.rules.SupplierRow;

/** Per sample row, in order: the row as sent and what the rules made of it; counts per outcome. */
public record RuleTestResult(String supplierCode, Integer ruleVersion, List<Line> results, long mapped, long excluded,
        long unmatched, long invalid) {

    public record Line(int line, SupplierRow row, RowResult result) {
    }
}
