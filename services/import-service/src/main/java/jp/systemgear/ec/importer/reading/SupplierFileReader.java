package jp.systemgear.ec.importer.reading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a supplier file the way its profile describes, row by row: checks what the file really is,
 * skips title rows, resolves header names to positions, and extracts the fields the rules need.
 * Blocking I/O: run it on a worker thread.
 */
public final class SupplierFileReader implements AutoCloseable {

    /** One record may hold this many characters; past it the record is a row error and reading goes on. */
    public static final int DEFAULT_MAX_RECORD_CHARS = 1_000_000;

    private static final List<String> FIELDS = List.of(ReadProfile.CODE, ReadProfile.JAN, ReadProfile.NAME,
            ReadProfile.STOCK, ReadProfile.COST);

    private final RecordReader records;
    private final List<String> headers;
    /** Per entry of FIELDS, its position in a record, or -1 when the profile does not read it. */
    private final int[] positions;
    private final int expectedFieldCount;
    private final FileEncoding detectedEncoding;

    private SupplierFileReader(RecordReader records, List<String> headers, Map<String, Integer> positions,
            int expectedFieldCount, FileEncoding detectedEncoding) {
        this.records = records;
        this.headers = headers;
        this.positions = new int[FIELDS.size()];
        for (int i = 0; i < FIELDS.size(); i++) {
            Integer position = positions.get(FIELDS.get(i));
            this.positions[i] = position == null ? -1 : position;
        }
        this.expectedFieldCount = expectedFieldCount;
        this.detectedEncoding = detectedEncoding;
    }

    public static SupplierFileReader open(Path file, ReadProfile profile) throws IOException {
        return open(file, profile, DEFAULT_MAX_RECORD_CHARS);
    }

    public static SupplierFileReader open(Path file, ReadProfile profile, int maxRecordChars) throws IOException {
        ContentSniffer.Kind kind = ContentSniffer.sniff(file);
        ReadProfile.Format format = profile.formatValue();
        if (kind == ContentSniffer.Kind.BINARY || kind == ContentSniffer.Kind.XLSX && format != ReadProfile.Format.XLSX
                || kind == ContentSniffer.Kind.TEXT && format == ReadProfile.Format.XLSX) {
            throw new UnreadableFileException("Invalid file type: the content is " + kind + ", the profile expects "
                    + format);
        }
        FileEncoding encoding = profile.encodingValue();
        FileEncoding detected = FileEncoding.detect(file);
        RecordReader records = switch (format) {
            case CSV, TSV -> new DelimitedRecordReader(encoding.reader(Files.newInputStream(file)),
                    profile.delimiterChar(), profile.quoteChar(), maxRecordChars, encoding.label());
            case FIXED_WIDTH -> new FixedWidthRecordReader(Files.newInputStream(file), encoding.charset(),
                    byteRanges(profile), maxRecordChars);
            case XLSX -> kind == ContentSniffer.Kind.EMPTY ? emptyReader() : new XlsxRecordReader(file, profile.sheetName());
        };
        try {
            for (int i = 0; i < profile.skipRowCount(); i++) {
                if (records.next() == null) {
                    break;
                }
            }
            List<String> headers = List.of();
            for (int i = 0; i < profile.headerRowCount(); i++) {
                RawRecord header = records.next();
                if (header == null) {
                    break;
                }
                if (!header.isOk()) {
                    // Without its header the file cannot be mapped at all: a wrong encoding, usually.
                    throw new UnreadableFileException("the header row (line " + header.line() + ") cannot be read: "
                            + header.error());
                }
                headers = header.fields().stream().map(SupplierFileReader::cleanHeader).toList();
            }
            Map<String, Integer> positions = resolve(profile, headers, format);
            int expected = format == ReadProfile.Format.FIXED_WIDTH || headers.isEmpty() ? -1 : headers.size();
            return new SupplierFileReader(records, headers, positions, expected, detected);
        } catch (IOException | RuntimeException e) {
            records.close();
            throw e;
        }
    }

    /** The next data row, or null at the end; blank lines are passed over. */
    public ExtractedRow next() throws IOException {
        RawRecord record;
        do {
            record = records.next();
            if (record == null) {
                return null;
            }
        } while (record.isOk() && isBlank(record));
        if (!record.isOk()) {
            return ExtractedRow.failed(record.line(), record.rawText(), record.error());
        }
        List<String> fields = record.fields();
        if (expectedFieldCount >= 0 && fields.size() != expectedFieldCount) {
            return ExtractedRow.failed(record.line(), record.rawText(),
                    "ragged row: " + fields.size() + " fields where the header has " + expectedFieldCount);
        }
        String[] values = new String[FIELDS.size()];
        for (int i = 0; i < FIELDS.size(); i++) {
            int position = positions[i];
            if (position < 0) {
                continue;
            }
            if (position >= fields.size()) {
                return ExtractedRow.failed(record.line(), record.rawText(), "ragged row: " + fields.size()
                        + " fields, but '" + FIELDS.get(i) + "' is field " + (position + 1));
            }
            values[i] = fields.get(position).strip();
        }
        return new ExtractedRow(record.line(), values[0], values[1], values[2], values[3], values[4],
                record.rawText(), null);
    }

    public List<String> headers() {
        return headers;
    }

    /** The encoding the bytes look like (text files), to show in the preview next to the profile's. */
    public FileEncoding detectedEncoding() {
        return detectedEncoding;
    }

    private static Map<String, Integer> resolve(ReadProfile profile, List<String> headers, ReadProfile.Format format) {
        Map<String, Integer> positions = new HashMap<>();
        int index = 0;
        for (Map.Entry<String, ColumnSpec> column : profile.columns().entrySet()) {
            ColumnSpec spec = column.getValue();
            if (format == ReadProfile.Format.FIXED_WIDTH) {
                positions.put(column.getKey(), index++);
            } else if (spec.position() != null) {
                positions.put(column.getKey(), spec.position() - 1);
            } else if (spec.header() != null) {
                int at = headers.indexOf(spec.header().strip());
                if (at < 0 && !headers.isEmpty()) {
                    throw new UnreadableFileException("column '" + spec.header() + "' is not in the header " + headers);
                }
                if (at >= 0) {
                    positions.put(column.getKey(), at);
                }
            }
        }
        return positions;
    }

    private static List<FixedWidthRecordReader.ByteRange> byteRanges(ReadProfile profile) {
        List<FixedWidthRecordReader.ByteRange> ranges = new ArrayList<>();
        for (ColumnSpec spec : profile.columns().values()) {
            if (spec.startByte() == null || spec.endByte() == null) {
                throw new IllegalArgumentException("fixed-width columns need startByte and endByte");
            }
            ranges.add(new FixedWidthRecordReader.ByteRange(spec.startByte(), spec.endByte()));
        }
        return ranges;
    }

    /** Excel and Notepad leave a BOM or padding on header cells; neither is part of the name. */
    private static String cleanHeader(String header) {
        return header.replace("\uFEFF", "").strip();
    }

    private static boolean isBlank(RawRecord record) {
        return record.fields().stream().allMatch(String::isBlank);
    }

    private static RecordReader emptyReader() {
        return new RecordReader() {
            @Override
            public RawRecord next() {
                return null;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
