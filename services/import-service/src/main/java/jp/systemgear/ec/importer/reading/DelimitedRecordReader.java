package jp.systemgear.ec.importer.reading;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV and TSV per RFC 4180 (quoted fields with delimiters, doubled quotes and line breaks; CR, LF or
 * CRLF line ends), written for supplier files rather than taken from a library because it must
 * recover per record: an unterminated quote, a character after a closing quote or an over-long line
 * becomes one row error and reading goes on with the next line, with memory bounded by
 * {@code maxRecordChars}. (The CSV libraries we tried either swallow the rest of the file into one
 * field after a stray quote or stop at the first malformed record.)
 */
public final class DelimitedRecordReader implements RecordReader {

    /**
     * {@link FileEncoding#reader} puts this noncharacter where bytes are not valid in the file's
     * encoding. Not U+FFFD: a UTF-8 file may legitimately contain that character.
     */
    static final char UNDECODABLE = FileEncoding.UNDECODABLE;

    private static final int NONE = -2;

    private final Reader in;
    private final char delimiter;
    private final int quote;
    private final int maxRecordChars;
    private final String encodingName;

    /** Characters read ahead of the parser: re-read after a resynchronisation. */
    private final StringBuilder pushback = new StringBuilder();
    private int pushbackPos;
    private int peeked = NONE;
    private final char[] buffer = new char[16 * 1024];
    private int bufferPos;
    private int bufferLength;
    private long line = 1;
    private boolean eof;
    private static final int REUSED_CAPACITY = 1 << 16;
    private StringBuilder raw = new StringBuilder(256);
    private StringBuilder field = new StringBuilder(64);

    public DelimitedRecordReader(Reader in, char delimiter, Character quote, int maxRecordChars, String encodingName) {
        this.in = in;
        this.delimiter = delimiter;
        this.quote = quote == null ? -1 : quote;
        this.maxRecordChars = maxRecordChars;
        this.encodingName = encodingName;
    }

    @Override
    public RawRecord next() throws IOException {
        if (eof && pushbackPos >= pushback.length() && peeked == NONE) {
            return null;
        }
        long startLine = line;
        // The record's builders are reused: grown once, not again for each of a million records (but not
        // kept at the size of an overlong record).
        if (this.raw.capacity() > REUSED_CAPACITY || this.field.capacity() > REUSED_CAPACITY) {
            this.raw = new StringBuilder(256);
            this.field = new StringBuilder(64);
        }
        StringBuilder raw = this.raw;
        StringBuilder field = this.field;
        raw.setLength(0);
        field.setLength(0);
        List<String> fields = new ArrayList<>();
        boolean inQuotes = false;
        boolean fieldWasQuoted = false;
        boolean afterClosingQuote = false;
        String error = null;
        int c = read();
        if (c < 0) {
            return null;
        }
        while (true) {
            if (c >= 0 && raw.length() >= maxRecordChars) {
                return overlong(startLine, raw, inQuotes);
            }
            if (c < 0) {
                if (inQuotes) {
                    return unterminated(startLine, raw);
                }
                fields.add(field.toString());
                break;
            }
            char ch = (char) c;
            if (inQuotes) {
                raw.append(ch);
                if (c == quote) {
                    int next = peek();
                    if (next == quote) {
                        field.append(ch);
                        raw.append((char) read());
                    } else {
                        inQuotes = false;
                        afterClosingQuote = true;
                    }
                } else {
                    if (ch == '\n' || ch == '\r' && peek() != '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == delimiter) {
                raw.append(ch);
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
                afterClosingQuote = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && peek() == '\n') {
                    read();
                }
                line++;
                fields.add(field.toString());
                break;
            } else if (c == quote && field.length() == 0 && !fieldWasQuoted) {
                raw.append(ch);
                inQuotes = true;
                fieldWasQuoted = true;
            } else {
                raw.append(ch);
                if (afterClosingQuote && error == null) {
                    error = "unexpected character '" + ch + "' after a closing quote";
                }
                field.append(ch);
            }
            if (peeked == NONE && pushback.length() == 0) {
                takeOrdinaryRun(raw, field, inQuotes, afterClosingQuote);
            }
            c = read();
        }
        String text = raw.toString();
        if (error == null && text.indexOf(UNDECODABLE) >= 0) {
            error = "bytes that are not valid " + encodingName + " at column " + (text.indexOf(UNDECODABLE) + 1);
        }
        return error == null ? RawRecord.ok(startLine, fields, text) : RawRecord.failed(startLine, text, error);
    }

    /**
     * A quoted field ran to the end of the file: report the record, then read again from its second
     * physical line, so one stray quote costs one row, not the rest of the file.
     */
    private RawRecord unterminated(long startLine, StringBuilder raw) {
        resyncAfterFirstLine(startLine, raw);
        return RawRecord.failed(startLine, firstLine(raw), "unterminated quoted field");
    }

    private RawRecord overlong(long startLine, StringBuilder raw, boolean inQuotes) throws IOException {
        if (inQuotes) {
            // More likely a stray quote than a real megabyte-long field: treat it as unterminated.
            resyncAfterFirstLine(startLine, raw);
            return RawRecord.failed(startLine, firstLine(raw),
                    "unterminated quoted field (no closing quote within " + maxRecordChars + " characters)");
        }
        String head = raw.toString();
        int c;
        do {
            c = read();
        } while (c >= 0 && c != '\n' && c != '\r');
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line = startLine + 1;
        return RawRecord.failed(startLine, head, "line longer than " + maxRecordChars + " characters");
    }

    private void resyncAfterFirstLine(long startLine, StringBuilder raw) {
        int end = firstLineEnd(raw);
        String rest = raw.substring(Math.min(raw.length(), end));
        String unread = pushback.substring(pushbackPos);
        pushback.setLength(0);
        pushback.append(rest).append(unread);
        if (peeked != NONE) {
            pushback.append((char) peeked);
            peeked = NONE;
        }
        pushbackPos = 0;
        line = startLine + 1;
    }

    private static int firstLineEnd(CharSequence raw) {
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (ch == '\n') {
                return i + 1;
            }
            if (ch == '\r') {
                return i + 1 < raw.length() && raw.charAt(i + 1) == '\n' ? i + 2 : i + 1;
            }
        }
        return raw.length();
    }

    private static String firstLine(StringBuilder raw) {
        String first = raw.substring(0, firstLineEnd(raw));
        return first.stripTrailing();
    }

    private int read() throws IOException {
        if (peeked != NONE) {
            int c = peeked;
            peeked = NONE;
            return c;
        }
        if (pushbackPos < pushback.length()) {
            char c = pushback.charAt(pushbackPos++);
            if (pushbackPos == pushback.length()) {
                pushback.setLength(0);
                pushbackPos = 0;
            }
            return c;
        }
        if (eof) {
            return -1;
        }
        if (bufferPos == bufferLength) {
            // A block at a time: a call per character into the (synchronised) decoding reader cost more
            // than the parsing itself.
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                eof = true;
                return -1;
            }
            bufferPos = 0;
            bufferLength = n;
        }
        return buffer[bufferPos++];
    }

    /**
     * Appends, in one go, the characters ahead in the buffer that the loop would only append one by one:
     * inside quotes anything but a quote or a line end, outside anything but a delimiter, a quote or a
     * line end (and nothing after a closing quote, which is an error the loop reports). Never past
     * {@code maxRecordChars}, which the loop then reports. Most of a file is such runs.
     */
    private void takeOrdinaryRun(StringBuilder raw, StringBuilder field, boolean inQuotes, boolean afterClosingQuote) {
        if (!inQuotes && afterClosingQuote) {
            return;
        }
        int start = bufferPos;
        int limit = Math.min(bufferLength, start + Math.max(0, maxRecordChars - raw.length()));
        int i = start;
        if (inQuotes) {
            while (i < limit) {
                char x = buffer[i];
                if (x == quote || x == '\n' || x == '\r') {
                    break;
                }
                i++;
            }
        } else {
            while (i < limit) {
                char x = buffer[i];
                if (x == delimiter || x == quote || x == '\n' || x == '\r') {
                    break;
                }
                i++;
            }
        }
        if (i > start) {
            raw.append(buffer, start, i - start);
            field.append(buffer, start, i - start);
            bufferPos = i;
        }
    }

    private int peek() throws IOException {
        if (peeked == NONE) {
            peeked = read();
        }
        return peeked;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
