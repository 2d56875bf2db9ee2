package jp.systemgear.ec.rules;

/**
 * One parsed supplier row, as text: the engine parses numbers itself, with the profile's separators
 * and symbol table. {@code stock} or {@code cost} null means the file has no such column.
 */
public record SupplierRow(String code, String jan, String name, String stock, String cost) {
}
