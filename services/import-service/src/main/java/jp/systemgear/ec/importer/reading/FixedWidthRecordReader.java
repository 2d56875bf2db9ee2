package jp.systemgear.ec.importer.reading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixed-width records: one per line, fields cut by byte ranges counted in the file's encoding
 * (a kanji is two bytes in Windows-31J), each range decoded on its own. A range that splits a
 * character, or bytes the encoding does not know, make a row error.
 */
public final class FixedWidthRecordReader implements RecordReader {

    /** An inclusive, 1-based byte range. */
    public record ByteRange(int start, int end) {
        public ByteRange {
            if (start < 1 || end < start) {
                throw new IllegalArgumentException("byte range must be 1-based and not empty: " + start + "-" + end);
            }
        }
    }

    private final InputStream in;
    private final Charset charset;
    private final List<ByteRange> ranges;
    private final int maxLineBytes;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private long line;
    private boolean eof;

    public FixedWidthRecordReader(InputStream in, Charset charset, List<ByteRange> ranges, int maxLineBytes) {
        this.in = new java.io.BufferedInputStream(in, 64 * 1024);
        this.charset = charset;
        this.ranges = List.copyOf(ranges);
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public RawRecord next() throws IOException {
        if (eof) {
            return null;
        }
        buffer.reset();
        boolean overlong = false;
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (buffer.size() < maxLineBytes) {
                buffer.write(b);
            } else {
                overlong = true;
            }
        }
        if (b < 0) {
            eof = true;
            if (buffer.size() == 0 && !overlong) {
                return null;
            }
        }
        line++;
        byte[] bytes = buffer.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        String text = new String(bytes, 0, length, charset);
        if (overlong) {
            return RawRecord.failed(line, text, "line longer than " + maxLineBytes + " bytes");
        }
        List<String> fields = new ArrayList<>(ranges.size());
        for (ByteRange range : ranges) {
            if (range.start() > length) {
                return RawRecord.failed(line, text, "line has " + length + " bytes; field at bytes "
                        + range.start() + "-" + range.end() + " is missing");
            }
            int end = Math.min(range.end(), length);
            try {
                fields.add(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, range.start() - 1, end - range.start() + 1)).toString().strip());
            } catch (CharacterCodingException e) {
                return RawRecord.failed(line, text, "bytes " + range.start() + "-" + range.end()
                        + " are not valid " + charset.name() + " (a character split by the range, or a wrong encoding)");
            }
        }
        return RawRecord.ok(line, fields, text);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
