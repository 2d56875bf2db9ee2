package jp.systemgear.ec.catalog.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where one field is in a supplier's file: by header name, by 1-based position, or (fixed width)
 * by an inclusive 1-based byte range counted in the file's encoding (Windows-31J: 2 bytes per kanji).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnSpec(String header, Integer position, Integer startByte, Integer endByte) {
}
