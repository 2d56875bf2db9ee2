package jp.systemgear.ec.importer.service;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import jp.systemgear.ec.importer.client.CatalogClient;
import jp.systemgear.ec.importer.client.SupplierDocument;
import jp.systemgear.ec.importer.reading.FileEncoding;
import jp.systemgear.ec.importer.reading.ReadProfile;
import jp.systemgear.ec.importer.repository.RunStore;

/**
 * A run's row errors as a file the supplier's own profile reads: same format, encoding, delimiter and
 * header, each row as it was in the file plus a last column with the reason ({@value #REASON_HEADER}).
 * Corrected and sent back as a partial run, the extra column is a header-named column nobody maps, so
 * only those rows are imported. Characters the encoding lacks (and undecodable bytes) become 〓.
 */
@ApplicationScoped
public class ErrorReportService {

    public static final String REASON_HEADER = "取込エラー理由";
    private static final char SUBSTITUTE = '〓';

    /** What to send: the file name, media type and the writer of its bytes. */
    public record Report(String fileName, String mediaType, ReportBody body) {
    }

    @FunctionalInterface
    public interface ReportBody {
        void writeTo(OutputStream out) throws IOException, SQLException;
    }

    private final RunStore store;
    private final CatalogClient catalog;

    public ErrorReportService(RunStore store, CatalogClient catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** Blocking: asks catalog for the profile. */
    public Report report(long runId, String supplierCode, List<String> headers) {
        SupplierDocument supplier = catalog.supplier(supplierCode).await().atMost(Duration.ofSeconds(60));
        ReadProfile profile = supplier.profile() != null ? supplier.profile()
                : new ReadProfile("CSV", "UTF-8", null, null, null, null, null, null);
        String base = "errors-run-" + runId + "-" + supplierCode;
        return switch (profile.formatValue()) {
            case XLSX -> new Report(base + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    out -> xlsx(runId, headers, profile, out));
            case FIXED_WIDTH -> new Report(base + ".txt", "text/plain; charset=" + profile.encodingValue().charset().name(),
                    out -> text(runId, null, profile, out));
            case TSV -> new Report(base + ".tsv", "text/tab-separated-values; charset="
                    + profile.encodingValue().charset().name(), out -> text(runId, headers, profile, out));
            case CSV -> new Report(base + ".csv", "text/csv; charset=" + profile.encodingValue().charset().name(),
                    out -> text(runId, headers, profile, out));
        };
    }

    private void text(long runId, List<String> headers, ReadProfile profile, OutputStream out)
            throws IOException, SQLException {
        FileEncoding encoding = profile.encodingValue();
        CharsetEncoder encoder = encoding.charset().newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer substitute = encoding.charset().encode(String.valueOf(SUBSTITUTE));
        byte[] replacement = new byte[substitute.remaining()];
        substitute.get(replacement);
        encoder.replaceWith(replacement.length > 0 && encoder.isLegalReplacement(replacement) ? replacement
                : new byte[] { '?' });
        boolean fixed = profile.formatValue() == ReadProfile.Format.FIXED_WIDTH;
        char delimiter = fixed ? '\t' : profile.delimiterChar();
        Character quote = profile.quoteChar();
        if (encoding == FileEncoding.UTF_8_BOM) {
            out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        }
        Writer w = new BufferedWriter(new OutputStreamWriter(out, encoder), 1 << 16);
        if (!fixed && headers != null && !headers.isEmpty() && profile.headerRowCount() > 0) {
            for (String h : headers) {
                w.write(cell(h, delimiter, quote));
                w.write(delimiter);
            }
            w.write(cell(REASON_HEADER, delimiter, quote));
            w.write("\r\n");
        }
        forEachError(runId, (raw, reason) -> {
            w.write(clean(raw));
            w.write(delimiter);
            w.write(fixed ? clean(reason) : cell(clean(reason), delimiter, quote));
            w.write("\r\n");
        });
        w.flush();
    }

    private void xlsx(long runId, List<String> headers, ReadProfile profile, OutputStream out)
            throws IOException, SQLException {
        // A streaming workbook keeps 100 rows in memory and spills the rest to a temporary file.
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            Sheet sheet = book.createSheet(profile.sheetName() == null || profile.sheetName().isBlank() ? "errors"
                    : profile.sheetName());
            int[] next = { 0 };
            if (headers != null && !headers.isEmpty()) {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < headers.size(); i++) {
                    row.createCell(i).setCellValue(headers.get(i));
                }
                row.createCell(headers.size()).setCellValue(REASON_HEADER);
            }
            int reasonColumn = headers == null ? -1 : headers.size();
            forEachError(runId, (raw, reason) -> {
                Row row = sheet.createRow(next[0]++);
                String[] cells = clean(raw).split("\t", -1);
                for (int i = 0; i < cells.length; i++) {
                    row.createCell(i).setCellValue(cells[i]);
                }
                row.createCell(Math.max(reasonColumn, cells.length)).setCellValue(reason);
            });
            book.write(out);
            book.dispose();
        }
    }

    @FunctionalInterface
    private interface ErrorRow {
        void accept(String raw, String reason) throws IOException;
    }

    private void forEachError(long runId, ErrorRow each) throws SQLException, IOException {
        try (Connection c = store.connection()) {
            // A cursor: the errors of a whole bad file are streamed, never held in memory.
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement("select coalesce(raw_text, ''), reason from "
                    + "import.import_row_error where run_id = ? order by line_no")) {
                st.setFetchSize(2000);
                st.setLong(1, runId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        each.accept(rs.getString(1), rs.getString(2));
                    }
                }
            } finally {
                c.rollback();
            }
        }
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace(FileEncoding.UNDECODABLE, SUBSTITUTE);
    }

    /** RFC 4180 quoting when the cell needs it. */
    static String cell(String value, char delimiter, Character quote) {
        if (quote == null) {
            return value;
        }
        boolean needs = value.indexOf(delimiter) >= 0 || value.indexOf(quote) >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (!needs) {
            return value;
        }
        String q = String.valueOf(quote);
        return q + value.replace(q, q + q) + q;
    }
}
