package jp.systemgear.ec.importer.reading;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: read everything a reader gives. */
final class Records {

    private Records() {
    }

    static List<RawRecord> all(RecordReader reader) throws IOException {
        List<RawRecord> records = new ArrayList<>();
        try (reader) {
            RawRecord record;
            while ((record = reader.next()) != null) {
                records.add(record);
            }
        }
        return records;
    }

    static List<RawRecord> csv(String text) throws IOException {
        return all(new DelimitedRecordReader(new StringReader(text), ',', '"', 1_000, "UTF-8"));
    }

    static List<ExtractedRow> rows(SupplierFileReader reader) throws IOException {
        List<ExtractedRow> rows = new ArrayList<>();
        try (reader) {
            ExtractedRow row;
            while ((row = reader.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }
}
