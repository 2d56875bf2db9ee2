package jp.systemgear.ec.importer.reading;

/**
 * Where one field is in a supplier's file (the JSON shape catalog-service keeps in the supplier's
 * file profile): by header name, by 1-based position, or for fixed width by an inclusive 1-based
 * byte range counted in the file's encoding.
 */
public record ColumnSpec(String header, Integer position, Integer startByte, Integer endByte) {

    public static ColumnSpec header(String header) {
        return new ColumnSpec(header, null, null, null);
    }

    public static ColumnSpec position(int position) {
        return new ColumnSpec(null, position, null, null);
    }

    public static ColumnSpec bytes(int start, int end) {
        return new ColumnSpec(null, null, start, end);
    }
}
