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
import com.fasterxml.jackson.core.StreamWriteFeature;

import jp.systemgear.ec.export.domain.ExportFormat;
import jp.systemgear.ec.export.domain.ExportLevel.Column;
import jp.systemgear.ec.export.domain.ExportRequest;
import jp.systemgear.ec.export.repository.StockExportRepository.RowSink;

/** Writes export rows in one format to a stream; one instance per response. */
abstract class StockExportWriter implements RowSink {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    protected final List<Column> columns;

    protected StockExportWriter(List<Column> columns) {
        this.columns = columns;
    }

    static StockExportWriter of(ExportRequest request, OutputStream out) throws IOException {
        List<Column> columns = request.level().columns;
        return switch (request.format()) {
            case CSV, TSV -> new Delimited(request, out);
            case JSON -> new Json(columns, out, false);
            case NDJSON -> new Json(columns, out, true);
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

    static final class Delimited extends StockExportWriter {
        private final Writer out;
        private final char separator;
        private final boolean tsv;
        private final boolean header;
        private final CharsetEncoder checker;
        private final long[] substitutions = new long[1];
        private final StringBuilder line = new StringBuilder(256);

        Delimited(ExportRequest request, OutputStream out) {
            super(request.level().columns);
            // The HTTP output stream already buffers; the writer's own buffer makes encoding cheap.
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
                for (int i = 0; i < columns.size(); i++) {
                    if (i > 0) {
                        line.append(separator);
                    }
                    line.append(columns.get(i).name());
                }
                out.write(line.append("\r\n").toString());
            }
        }

        @Override
        public void accept(ResultSet rs) throws IOException, SQLException {
            line.setLength(0);
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    line.append(separator);
                }
                Column column = columns.get(i);
                switch (column.kind()) {
                    case TEXT -> {
                        String v = rs.getString(i + 1);
                        if (v != null) {
                            text(CellText.encodable(CellText.neutralise(v), checker, substitutions));
                        }
                    }
                    case INTEGER -> {
                        long v = rs.getLong(i + 1);
                        if (!rs.wasNull()) {
                            line.append(v);
                        }
                    }
                    case DECIMAL -> {
                        BigDecimal v = rs.getBigDecimal(i + 1);
                        if (v != null) {
                            line.append(decimal(v));
                        }
                    }
                    case BOOLEAN -> {
                        boolean v = rs.getBoolean(i + 1);
                        if (!rs.wasNull()) {
                            line.append(v);
                        }
                    }
                    case DATE -> {
                        LocalDate v = rs.getObject(i + 1, LocalDate.class);
                        if (v != null) {
                            line.append(v);
                        }
                    }
                    case TIMESTAMP -> {
                        OffsetDateTime v = rs.getObject(i + 1, OffsetDateTime.class);
                        if (v != null) {
                            line.append(timestamp(v));
                        }
                    }
                }
            }
            out.write(line.append("\r\n").toString());
        }

        private void text(String v) {
            if (tsv) {
                // TSV has no quoting: a tab or line break inside a cell would split it, so it becomes a space.
                for (int k = 0; k < v.length(); k++) {
                    char ch = v.charAt(k);
                    line.append(ch == '\t' || ch == '\r' || ch == '\n' ? ' ' : ch);
                }
            } else if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                line.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                line.append(v);
            }
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

        Json(List<Column> columns, OutputStream out, boolean ndjson) throws IOException {
            super(columns);
            // JSON is always UTF-8 (RFC 8259); formula neutralisation does not apply: no spreadsheet runs it.
            this.json = JSON.createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8);
            // Objects are separated by our own newlines (NDJSON) or the array's commas, not Jackson's spaces.
            this.json.setRootValueSeparator(null);
            this.ndjson = ndjson;
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
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                json.writeFieldName(column.name());
                switch (column.kind()) {
                    case TEXT -> {
                        String v = rs.getString(i + 1);
                        if (v == null) {
                            json.writeNull();
                        } else {
                            json.writeString(v);
                        }
                    }
                    case INTEGER -> {
                        long v = rs.getLong(i + 1);
                        if (rs.wasNull()) {
                            json.writeNull();
                        } else {
                            json.writeNumber(v);
                        }
                    }
                    case DECIMAL -> {
                        BigDecimal v = rs.getBigDecimal(i + 1);
                        if (v == null) {
                            json.writeNull();
                        } else {
                            json.writeNumber(new BigDecimal(decimal(v)));
                        }
                    }
                    case BOOLEAN -> {
                        boolean v = rs.getBoolean(i + 1);
                        if (rs.wasNull()) {
                            json.writeNull();
                        } else {
                            json.writeBoolean(v);
                        }
                    }
                    case DATE -> {
                        LocalDate v = rs.getObject(i + 1, LocalDate.class);
                        if (v == null) {
                            json.writeNull();
                        } else {
                            json.writeString(v.toString());
                        }
                    }
                    case TIMESTAMP -> {
                        OffsetDateTime v = rs.getObject(i + 1, OffsetDateTime.class);
                        if (v == null) {
                            json.writeNull();
                        } else {
                            json.writeString(timestamp(v));
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
