package jp.systemgear.ec.importer.reading;

/**
 * A data row's fields as the profile locates them, still text (the supplier's rules parse and map
 * them), or the reason the row cannot be used.
 */
public record ExtractedRow(long line, String code, String jan, String name, String stock, String cost,
        String rawText, String error) {

    public static ExtractedRow failed(long line, String rawText, String error) {
        return new ExtractedRow(line, null, null, null, null, null, rawText, error);
    }

    public boolean isOk() {
        return error == null;
    }
}
