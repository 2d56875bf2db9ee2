package jp.systemgear.ec.export.domain;

import java.util.Locale;
import java.util.Optional;

/** The formats of the stock export and the media type each is served as. */
public enum ExportFormat {
    CSV("text/csv", true),
    TSV("text/tab-separated-values", true),
    JSON("application/json", false),
    NDJSON("application/x-ndjson", false);

    public final String mediaType;
    /** Delimited formats may be written in Windows-31J and have an optional header line. */
    public final boolean delimited;

    ExportFormat(String mediaType, boolean delimited) {
        this.mediaType = mediaType;
        this.delimited = delimited;
    }

    public static Optional<ExportFormat> byName(String name) {
        for (ExportFormat f : values()) {
            if (f.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public static Optional<ExportFormat> byMediaType(String type, String subtype) {
        String full = (type + "/" + subtype).toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.mediaType.equals(full)) {
                return Optional.of(f);
            }
        }
        // Spreadsheet-minded clients sometimes ask for CSV as text/plain or application/csv.
        if (full.equals("application/csv")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }
}
