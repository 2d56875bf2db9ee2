package jp.systemgear.ec.export.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jp.systemgear.ec.export.domain.ExportLevel.Kind;

/**
 * One column of an export as written: its label (header line, JSON key), and either the 1-based
 * position of the selected view column that fills it or a fixed value (a mall's control column).
 * Templates add a SKU prefix/suffix (the channel's own product numbers) and rounding of money.
 */
public record OutputColumn(String label, Kind kind, int source, String fixedValue, String prefix, String suffix,
        RoundingMode rounding, BigDecimal roundingUnit) {

    public static OutputColumn of(String label, Kind kind, int source) {
        return new OutputColumn(label, kind, source, null, "", "", null, null);
    }

    public static OutputColumn fixed(String label, String value) {
        return new OutputColumn(label, Kind.TEXT, 0, value, "", "", null, null);
    }

    public boolean isFixed() {
        return source == 0;
    }

    public String mapText(String value) {
        return prefix.isEmpty() && suffix.isEmpty() ? value : prefix + value + suffix;
    }

    public BigDecimal round(BigDecimal value) {
        if (rounding == null) {
            return value;
        }
        return value.divide(roundingUnit, 0, rounding).multiply(roundingUnit);
    }
}
