package jp.systemgear.ec.rules;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One value transform. Which members apply depends on {@code type} (see {@link TransformType}):
 * {@code rate} (8 or 10 %) for the tax transforms, {@code percent} for a percentage markup,
 * {@code amount} (yen) for a fixed markup, {@code mode} and {@code unit} for rounding,
 * {@code unitsPerCase} (入数) for pack conversion, {@code value} for threshold, safety buffer and cap,
 * {@code symbols} for stock symbols that override the supplier profile's table.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransformDefinition(String type, BigDecimal rate, BigDecimal percent, BigDecimal amount, String mode,
        Integer unit, Integer unitsPerCase, Integer value, Map<String, Integer> symbols) {

    public static TransformDefinition of(TransformType type) {
        return new TransformDefinition(type.name(), null, null, null, null, null, null, null, null);
    }

    public TransformDefinition withRate(BigDecimal r) {
        return new TransformDefinition(type, r, percent, amount, mode, unit, unitsPerCase, value, symbols);
    }

    public TransformDefinition withPercent(BigDecimal p) {
        return new TransformDefinition(type, rate, p, amount, mode, unit, unitsPerCase, value, symbols);
    }

    public TransformDefinition withAmount(BigDecimal a) {
        return new TransformDefinition(type, rate, percent, a, mode, unit, unitsPerCase, value, symbols);
    }

    public TransformDefinition withRounding(String m, Integer u) {
        return new TransformDefinition(type, rate, percent, amount, m, u, unitsPerCase, value, symbols);
    }

    public TransformDefinition withUnitsPerCase(Integer n) {
        return new TransformDefinition(type, rate, percent, amount, mode, unit, n, value, symbols);
    }

    public TransformDefinition withValue(Integer v) {
        return new TransformDefinition(type, rate, percent, amount, mode, unit, unitsPerCase, v, symbols);
    }

    public TransformDefinition withSymbols(Map<String, Integer> s) {
        return new TransformDefinition(type, rate, percent, amount, mode, unit, unitsPerCase, value, s);
    }
}
