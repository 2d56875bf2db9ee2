package jp.systemgear.ec.export.rest;

import java.util.List;

/**
 * The first rows of a template's export as its file would show them: header labels, then each cell's
 * text after SKU mapping, rounding and the text rules of the format (null: empty cell).
 */
public record TemplatePreview(String code, String format, String encoding, boolean includeHeader, List<String> headers,
        List<List<String>> rows) {
}
