package jp.systemgear.ec.importer.reading;

import java.util.Collections;
import java.util.List;

/**
 * One record as read from a supplier file, before any mapping.
 *
 * @param line    the physical line (1-based) the record starts on; for XLSX the sheet row number
 * @param fields  the decoded field values (empty when the record could not be read at all)
 * @param rawText the record's text as far as it could be decoded, cut to {@link #MAX_RAW_TEXT}
 * @param error   why the record cannot be used, or null
 */
public record RawRecord(long line, List<String> fields, String rawText, String error) {

    /** Row errors keep this much of the offending text: enough to find it, never a 64 MB line. */
    public static final int MAX_RAW_TEXT = 2_000;

    /** {@code fields}: a list the reader made for this record and hands over (not copied: a million times per file). */
    public static RawRecord ok(long line, List<String> fields, String rawText) {
        return new RawRecord(line, Collections.unmodifiableList(fields), cut(rawText), null);
    }

    public static RawRecord failed(long line, String rawText, String error) {
        return new RawRecord(line, List.of(), cut(rawText), error);
    }

    public boolean isOk() {
        return error == null;
    }

    static String cut(String text) {
        return text == null || text.length() <= MAX_RAW_TEXT ? text : text.substring(0, MAX_RAW_TEXT) + "…";
    }
}
