package jp.systemgear.ec.export.rest;

import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * An export file on demand: a channel template's layout ({@code template}), or the standard columns
 * with the stock API's parameters (level, format, encoding, header, supplier, sku, inStock).
 */
public record ExportJobRequest(@Size(max = 40) String template, String level, String format, String encoding,
        Boolean header, @Size(max = 1000) List<String> supplier, @Size(max = 1000) List<String> sku, Boolean inStock) {
}
