package jp.systemgear.ec.catalog.rest;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A product as clients send it. SKU: text, leading zeros kept; no '/' so it can stand in a path.
 * JAN: checked (length, digits, check digit) by the service, which says which part is wrong.
 */
public record ProductRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}",
                message = "1-64 letters, digits, '_', '.', '+' or '-', starting with a letter or digit") String sku,
        String jan,
        @NotBlank @Size(max = 300) String name,
        @Size(max = 100, message = "at most 100 attributes") Map<String, Object> attributes,
        Integer version) {
}
