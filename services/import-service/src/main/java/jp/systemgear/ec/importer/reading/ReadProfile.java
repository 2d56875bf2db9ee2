package jp.systemgear.ec.importer.reading;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to read one supplier's files: the reading half of catalog-service's file profile, with the
 * same JSON field names so the profile can be taken as catalog serves it.
 *
 * @param columns field name ({@code code}, {@code jan}, {@code name}, {@code stock}, {@code cost}) → where it is
 */
public record ReadProfile(String format, String encoding, String delimiter, String quote, Integer headerRows,
        Integer skipRows, Map<String, ColumnSpec> columns, String sheetName) {

    public static final String CODE = "code";
    public static final String JAN = "jan";
    public static final String NAME = "name";
    public static final String STOCK = "stock";
    public static final String COST = "cost";

    public enum Format {
        CSV, TSV, FIXED_WIDTH, XLSX
    }

    public ReadProfile {
        columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
    }

    public Format formatValue() {
        return Format.valueOf(format == null ? "CSV" : format.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    public FileEncoding encodingValue() {
        return FileEncoding.of(encoding == null ? "UTF-8" : encoding);
    }

    public char delimiterChar() {
        if (formatValue() == Format.TSV) {
            return '\t';
        }
        return delimiter == null || delimiter.isEmpty() ? ',' : delimiter.charAt(0);
    }

    /** The quote character; none when the profile gives an empty string. */
    public Character quoteChar() {
        if (quote == null) {
            return '"';
        }
        return quote.isEmpty() ? null : quote.charAt(0);
    }

    public int headerRowCount() {
        return headerRows == null ? 1 : headerRows;
    }

    public int skipRowCount() {
        return skipRows == null ? 0 : skipRows;
    }
}
