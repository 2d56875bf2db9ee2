package jp.systemgear.ec.catalog.domain;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How to read a supplier's file (import-service reads it; catalog-service validates and keeps it).
 *
 * @param format             CSV, TSV, FIXED_WIDTH or XLSX
 * @param encoding           UTF-8, UTF-8-BOM, Windows-31J (also for files labelled Shift_JIS) or EUC-JP
 * @param delimiter          CSV only: one character
 * @param quote              CSV/TSV: one character, or empty for none
 * @param headerRows         rows holding the header (0: none; columns then go by position)
 * @param skipRows           rows before the header to skip (titles, dates)
 * @param columns            field (code, jan, name, stock, cost) → where it is
 * @param decimalSeparator   "." or ","
 * @param thousandsSeparator ",", ".", " ", "'" or "" (none)
 * @param sheetName          XLSX only; the first sheet when absent
 * @param stockSymbols       stock text → quantity (○ △ × "10+" blank)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileProfile(String format, String encoding, String delimiter, String quote, Integer headerRows,
        Integer skipRows, Map<String, ColumnSpec> columns, String decimalSeparator, String thousandsSeparator,
        String sheetName, Map<String, Integer> stockSymbols) {
}
