package jp.systemgear.ec.rules;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a rule recognises a supplier row. Which members apply depends on {@code type}:
 * <ul>
 * <li>{@code EXACT}: {@code code} equals the supplier item code; the row becomes {@code sku};</li>
 * <li>{@code JAN}: the row's JAN (or its code, when that is a JAN) is a product's JAN; the row becomes
 * that product;</li>
 * <li>{@code PREFIX}: the code starts with {@code prefix}; SKU from {@code skuTemplate} (default
 * {@code {code}}; {@code {rest}} is the code after the prefix);</li>
 * <li>{@code REGEX}: the whole code matches {@code pattern}; SKU from {@code skuTemplate}, which may name
 * capture groups ({@code {1}}, {@code {name}}).</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchDefinition(String type, String code, String prefix, String pattern, String sku,
        String skuTemplate) {
}
