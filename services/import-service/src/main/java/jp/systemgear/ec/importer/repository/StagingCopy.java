package jp.systemgear.ec.importer.repository;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams rows into one table with {@code COPY ... FROM STDIN} (text format) inside the caller's
 * transaction: the bulk path for staged rows and row errors, never an ORM insert per row. One COPY per
 * connection at a time; close it before the next statement.
 */
public final class StagingCopy implements AutoCloseable {

    public static final String STAGED = "COPY import.chukan_file_tanka (run_id, line_no, supplier_code, import_date, "
            + "supplier_item_code, jan, item_name, stock_text, cost_text, mapped_sku, unit_cost, quantity) FROM STDIN";
    public static final String ERRORS = "COPY import.import_row_error (run_id, line_no, raw_text, reason) FROM STDIN";

    private final PGCopyOutputStream copy;
    private final Writer out;
    private final StringBuilder row = new StringBuilder(256);
    private long rows;

    private StagingCopy(PGCopyOutputStream copy, Writer out) {
        this.copy = copy;
        this.out = out;
    }

    public static StagingCopy open(Connection connection, String copySql) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        PGCopyOutputStream copy = new PGCopyOutputStream(pg, copySql, 1 << 16);
        return new StagingCopy(copy, new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16));
    }

    /**
     * The same rows written to a file in COPY's text format, for {@link #copyFile}: row errors are spilled
     * there while the staged rows' COPY holds the connection (a whole file of errors never sits in memory).
     */
    public static StagingCopy spill(Path file) throws IOException {
        return new StagingCopy(null, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    /** Loads a spilled file with one COPY; returns the rows taken. */
    public static long copyFile(Connection connection, String copySql, Path file) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return copy.copyIn(copySql, in, 1 << 16);
        }
    }

    /** One staged row: the raw cells (code, JAN, name, stock, cost) and what the rules made of them. */
    public void staged(long runId, long line, String supplierCode, LocalDate importDate, String code, String jan,
            String name, String stockText, String costText, String sku, BigDecimal unitCost, Integer quantity)
            throws IOException {
        StringBuilder b = row;
        b.setLength(0);
        b.append(runId).append('\t').append(line).append('\t');
        text(b, supplierCode);
        b.append('\t').append(importDate).append('\t');
        text(b, code);
        b.append('\t');
        text(b, jan);
        b.append('\t');
        text(b, name);
        b.append('\t');
        text(b, stockText);
        b.append('\t');
        text(b, costText);
        b.append('\t');
        text(b, sku);
        b.append('\t');
        if (unitCost == null) {
            b.append("\\N");
        } else {
            b.append(unitCost.toPlainString());
        }
        b.append('\t');
        if (quantity == null) {
            b.append("\\N");
        } else {
            b.append(quantity.intValue());
        }
        b.append('\n');
        // One write per row: the writer is synchronised per call, and a call per character was the
        // largest cost of staging on this side.
        out.append(b);
        rows++;
    }

    public void error(long runId, long line, String rawText, String reason) throws IOException {
        StringBuilder b = row;
        b.setLength(0);
        b.append(runId).append('\t').append(line).append('\t');
        text(b, rawText);
        b.append('\t');
        text(b, reason == null ? "unreadable" : reason);
        b.append('\n');
        out.append(b);
        rows++;
    }

    public long rows() {
        return rows;
    }

    /** Ends the COPY (returns the rows PostgreSQL took) or the spill file (returns the rows written). */
    public long finish() throws IOException {
        out.flush();
        if (copy == null) {
            out.close();
            return rows;
        }
        try {
            return copy.endCopy();
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (copy == null) {
            out.close();
        } else if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    /** A COPY text-format field: backslash escapes for the characters that end fields and rows. */
    private static void text(StringBuilder b, String value) {
        if (value == null) {
            b.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                // PostgreSQL text cannot hold NUL; the symbol for it keeps the row readable.
                case '\0' -> b.append('\u2400');
                default -> b.append(c);
            }
        }
    }
}
