package jp.systemgear.ec.importer.repository;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams rows into one table with {@code COPY ... FROM STDIN} (text format) inside the caller's
 * transaction: the bulk path for staged rows and row errors, never an ORM insert per row. One COPY per
 * connection at a time; close it before the next statement.
 *
 * <p>Rows are written as text into a batch; a full batch goes to a sender thread that encodes it and
 * writes it to the connection, so the thread reading and mapping the file never waits for the socket,
 * and PostgreSQL takes one batch while the next is made. The connection is used by the sender alone
 * until {@link #finish()} or {@link #close()} has joined it.
 */
public final class StagingCopy implements AutoCloseable {

    public static final String STAGED = "COPY import.chukan_file_tanka (run_id, line_no, supplier_code, import_date, "
            + "supplier_item_code, jan, item_name, stock_text, cost_text, mapped_sku, unit_cost, quantity) FROM STDIN";
    public static final String ERRORS = "COPY import.import_row_error (run_id, line_no, raw_text, reason) FROM STDIN";

    /** Characters per batch handed to the sender (about 1,500 staged rows). */
    private static final int BATCH_CHARS = 1 << 17;
    /** Batches queued for the sender at most: bounded memory, a few MB whatever the file. */
    private static final int QUEUED_BATCHES = 4;

    private final Sender sender;
    private final Writer file;
    private final StringBuilder batch = new StringBuilder(BATCH_CHARS + 4096);
    private long rows;

    private StagingCopy(Sender sender, Writer file) {
        this.sender = sender;
        this.file = file;
    }

    public static StagingCopy open(Connection connection, String copySql) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        PGCopyOutputStream copy = new PGCopyOutputStream(pg, copySql, 1 << 16);
        Sender sender = new Sender(copy);
        sender.start();
        return new StagingCopy(sender, null);
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
        StringBuilder b = batch;
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
        rowWritten();
    }

    public void error(long runId, long line, String rawText, String reason) throws IOException {
        StringBuilder b = batch;
        b.append(runId).append('\t').append(line).append('\t');
        text(b, rawText);
        b.append('\t');
        text(b, reason == null ? "unreadable" : reason);
        b.append('\n');
        rowWritten();
    }

    private void rowWritten() throws IOException {
        rows++;
        if (batch.length() >= BATCH_CHARS) {
            flushBatch();
        }
    }

    private void flushBatch() throws IOException {
        if (batch.length() == 0) {
            return;
        }
        if (sender == null) {
            file.append(batch);
            batch.setLength(0);
        } else {
            sender.send(batch.toString());
            batch.setLength(0);
        }
    }

    public long rows() {
        return rows;
    }

    /** Ends the COPY (returns the rows PostgreSQL took) or the spill file (returns the rows written). */
    public long finish() throws IOException {
        flushBatch();
        if (sender == null) {
            file.close();
            return rows;
        }
        return sender.finish();
    }

    @Override
    public void close() throws IOException {
        if (sender == null) {
            file.close();
        } else {
            sender.abort();
        }
    }

    /**
     * Encodes batches and writes them to the COPY on its own thread. A failure ends the sending; the next
     * hand-over or the finish reports it to the reading thread.
     */
    private static final class Sender extends Thread {

        private static final String END = new String("end");
        private static final String ABORT = new String("abort");
        private final PGCopyOutputStream copy;
        private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        private volatile Throwable failure;
        private boolean ended;

        Sender(PGCopyOutputStream copy) {
            super("staging-copy");
            setDaemon(true);
            this.copy = copy;
        }

        @Override
        public void run() {
            boolean sending = true;
            while (true) {
                String next;
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    failure = e;
                    return;
                }
                if (next == END || next == ABORT) {
                    return;
                }
                if (sending) {
                    try {
                        byte[] bytes = next.getBytes(StandardCharsets.UTF_8);
                        copy.write(bytes, 0, bytes.length);
                    } catch (IOException | RuntimeException e) {
                        // Keep taking (and dropping) batches so the reading thread never blocks on a full queue.
                        failure = e;
                        sending = false;
                    }
                }
            }
        }

        void send(String text) throws IOException {
            rethrow();
            put(text);
        }

        /** Waits for every batch to be written, then ends the COPY on the calling thread. */
        long finish() throws IOException {
            put(END);
            ended = true;
            awaitEnd();
            rethrow();
            try {
                return copy.endCopy();
            } catch (SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        /** Stops the sender (if still running) and cancels the COPY unless it ended. */
        void abort() throws IOException {
            if (!ended) {
                put(ABORT);
                ended = true;
            }
            awaitEnd();
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
        }

        private void put(String item) throws IOException {
            try {
                queue.put(item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while staging rows", e);
            }
        }

        private void awaitEnd() throws IOException {
            try {
                super.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while staging rows", e);
            }
        }

        private void rethrow() throws IOException {
            Throwable t = failure;
            if (t != null) {
                throw t instanceof IOException io ? io : new IOException(t.getMessage(), t);
            }
        }
    }

    /** A COPY text-format field: backslash escapes for the characters that end fields and rows. */
    private static void text(StringBuilder b, String value) {
        if (value == null) {
            b.append("\\N");
            return;
        }
        int n = value.length();
        int i = 0;
        while (i < n) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0') {
                break;
            }
            i++;
        }
        // Almost every value has nothing to escape: appended whole, not a character at a time.
        b.append(value, 0, i);
        for (; i < n; i++) {
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
