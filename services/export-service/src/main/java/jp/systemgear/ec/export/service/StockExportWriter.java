package jp.systemgear.ec.export.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.CharsetEncoder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;

import jp.systemgear.ec.export.domain.ExportFormat;
import jp.systemgear.ec.export.domain.ExportRequest;
import jp.systemgear.ec.export.domain.OutputColumn;
import jp.systemgear.ec.export.repository.StockExportRepository.RowSink;

/** Writes export rows in one format to a stream; one instance per response or file. */
abstract class StockExportWriter implements RowSink {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    protected final OutputColumn[] columns;

    protected StockExportWriter(List<OutputColumn> columns) {
        this.columns = columns.toArray(OutputColumn[]::new);
    }

    static StockExportWriter of(ExportRequest request, OutputStream out) throws IOException {
        return switch (request.format()) {
            case CSV, TSV -> new Delimited(request, out);
            case JSON -> new Json(request.columns(), out, false);
            case NDJSON -> new Json(request.columns(), out, true);
        };
    }

    abstract void begin() throws IOException;

    abstract void end() throws IOException;

    /** Characters replaced by 〓 because the charset lacks them. */
    long substitutions() {
        return 0;
    }

    static String decimal(BigDecimal value) {
        // numeric(15,4) comes back as 1280.0000; the file shows what the supplier meant: 1280.
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    static String timestamp(OffsetDateTime value) {
        return value.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
    }

    /**
     * One cell as text, the way delimited files and previews show it, before quoting; null for SQL
     * null. Text cells get the template's SKU mapping, money its rounding.
     */
    static String cell(OutputColumn column, ResultSet rs) throws SQLException {
        if (column.isFixed()) {
            return column.fixedValue();
        }
        int i = column.source();
        return switch (column.kind()) {
            case TEXT -> {
                String v = rs.getString(i);
                yield v == null ? null : column.mapText(v);
            }
            case INTEGER -> {
                long v = rs.getLong(i);
                yield rs.wasNull() ? null : Long.toString(v);
            }
            case DECIMAL -> {
                BigDecimal v = rs.getBigDecimal(i);
                yield v == null ? null : decimal(column.round(v));
            }
            case BOOLEAN -> {
                boolean v = rs.getBoolean(i);
                yield rs.wasNull() ? null : Boolean.toString(v);
            }
            case DATE -> {
                LocalDate v = rs.getObject(i, LocalDate.class);
                yield v == null ? null : v.toString();
            }
            case TIMESTAMP -> {
                OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
                yield v == null ? null : timestamp(v);
            }
        };
    }

    static final class Delimited extends StockExportWriter {
        private final Writer out;
        private final char separator;
        private final boolean tsv;
        private final boolean header;
        private final CharsetEncoder checker;
        private final long[] substitutions = new long[1];
        private final StringBuilder line = new StringBuilder(256);
        private char[] chars = new char[256];

        Delimited(ExportRequest request, OutputStream out) {
            super(request.columns());
            // The encoder's own 8 KB byte buffer batches writes to the HTTP stream.
            this.out = new OutputStreamWriter(out, request.charset());
            this.tsv = request.format() == ExportFormat.TSV;
            this.separator = tsv ? '\t' : ',';
            this.header = request.header();
            this.checker = CellText.checkerFor(request.charset());
        }

        @Override
        void begin() throws IOException {
            if (header) {
                line.setLength(0);
                for (int i = 0; i < columns.length; i++) {
                    if (i > 0) {
                        line.append(separator);
                    }
                    // Labels come from templates (商品番号, 在庫数...): same text rules as data.
                    text(CellText.encodable(CellText.neutralise(columns[i].label()), checker, substitutions));
                }
                flushLine();
            }
        }

        @Override
        public void accept(ResultSet rs) throws IOException, SQLException {
            line.setLength(0);
            for (int i = 0; i < columns.length; i++) {
                if (i > 0) {
                    line.append(separator);
                }
                OutputColumn column = columns[i];
                switch (column.kind()) {
                    case TEXT -> {
                        String v = cell(column, rs);
                        if (v != null) {
                            text(CellText.encodable(CellText.neutralise(v), checker, substitutions));
                        }
                    }
                    case INTEGER -> {
                        // The hot path of large exports: no String per cell.
                        long v = rs.getLong(column.source());
                        if (!rs.wasNull()) {
                            line.append(v);
                        }
                    }
                    default -> {
                        String v = cell(column, rs);
                        if (v != null) {
                            line.append(v);
                        }
                    }
                }
            }
            flushLine();
        }

        private void flushLine() throws IOException {
            line.append('\r').append('\n');
            int n = line.length();
            if (chars.length < n) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            line.getChars(0, n, chars, 0);
            out.write(chars, 0, n);
        }

        private void text(String v) {
            if (tsv) {
                // TSV has no quoting: a tab or line break inside a cell would split it, so it becomes a space.
                for (int k = 0; k < v.length(); k++) {
                    char ch = v.charAt(k);
                    line.append(ch == '\t' || ch == '\r' || ch == '\n' ? ' ' : ch);
                }
            } else if (needsQuotes(v)) {
                line.append('"');
                for (int k = 0; k < v.length(); k++) {
                    char ch = v.charAt(k);
                    line.append(ch);
                    if (ch == '"') {
                        line.append('"');
                    }
                }
                line.append('"');
            } else {
                line.append(v);
            }
        }

        private static boolean needsQuotes(String v) {
            for (int k = 0; k < v.length(); k++) {
                char ch = v.charAt(k);
                if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
                    return true;
                }
            }
            return false;
        }

        @Override
        void end() throws IOException {
            out.flush();
        }

        @Override
        long substitutions() {
            return substitutions[0];
        }
    }

    static final class Json extends StockExportWriter {
        private final JsonGenerator json;
        private final boolean ndjson;
        /** Keys serialised once, not per row. */
        private final SerializableString[] keys;

        Json(List<OutputColumn> columns, OutputStream out, boolean ndjson) throws IOException {
            super(columns);
            // JSON is always UTF-8 (RFC 8259); formula neutralisation does not apply: no spreadsheet runs it.
            this.json = JSON.createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8);
            // Objects are separated by our own newlines (NDJSON) or the array's commas, not Jackson's spaces.
            this.json.setRootValueSeparator(null);
            this.ndjson = ndjson;
            this.keys = new SerializableString[this.columns.length];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = new SerializedString(this.columns[i].label());
            }
        }

        @Override
        void begin() throws IOException {
            if (!ndjson) {
                json.writeStartArray();
            }
        }

        @Override
        public void accept(ResultSet rs) throws IOException, SQLException {
            json.writeStartObject();
            for (int i = 0; i < columns.length; i++) {
                OutputColumn column = columns[i];
                json.writeFieldName(keys[i]);
                if (column.isFixed()) {
                    json.writeString(column.fixedValue());
                    continue;
                }
                int source = column.source();
                switch (column.kind()) {
                    case TEXT -> {
                        String v = rs.getString(source);
                        if (v == null) {
                            json.writeNull();
                        } else {
                            json.writeString(column.mapText(v));
                        }
                    }
                    case INTEGER -> {
                        long v = rs.getLong(source);
                        if (rs.wasNull()) {
                            json.writeNull();
                        } else {
                            json.writeNumber(v);
                        }
                    }
                    case DECIMAL -> {
                        BigDecimal v = rs.getBigDecimal(source);
                        if (v == null) {
                            json.writeNull();
                        } else {
                            json.writeNumber(decimal(column.round(v)));
                        }
                    }
                    case BOOLEAN -> {
                        boolean v = rs.getBoolean(source);
                        if (rs.wasNull()) {
                            json.writeNull();
                        } else {
                            json.writeBoolean(v);
                        }
                    }
                    case DATE, TIMESTAMP -> {
                        String v = cell(column, rs);
                        if (v == null) {
                            json.writeNull();
                        } else {
                            json.writeString(v);
                        }
                    }
                }
            }
            json.writeEndObject();
            if (ndjson) {
                json.writeRaw('\n');
            }
        }

        @Override
        void end() throws IOException {
            if (!ndjson) {
                json.writeEndArray();
            }
            json.flush();
        }
    }
}
