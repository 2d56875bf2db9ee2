package jp.systemgear.ec.importer.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DelimitedRecordReaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            LF line ends           | 0012,○\\n0013,×\\n
            CRLF line ends         | 0012,○\\r\\n0013,×\\r\\n
            CR line ends           | 0012,○\\r0013,×\\r
            no final line end      | 0012,○\\n0013,×
            """)
    void lineEndsOfEveryKind(String kind, String text) throws IOException {
        List<RawRecord> records = Records.csv(text.replace("\\n", "\n").replace("\\r", "\r"));
        assertEquals(2, records.size());
        assertEquals(List.of("0012", "○"), records.get(0).fields());
        assertEquals(List.of("0013", "×"), records.get(1).fields());
        assertEquals(2, records.get(1).line());
    }

    @Test
    void quotedFieldsKeepDelimitersQuotesAndLineBreaksAndCountLines() throws IOException {
        List<RawRecord> records = Records.csv("""
                "4901234567894","ｻﾝﾌﾟﾙ商品, 大","説明は""二行""
                にわたる",1
                4902102072618,髙島屋①,～,2
                """);
        assertEquals(List.of("4901234567894", "ｻﾝﾌﾟﾙ商品, 大", "説明は\"二行\"\nにわたる", "1"),
                records.get(0).fields());
        assertEquals(1, records.get(0).line());
        assertEquals(3, records.get(1).line(), "the quoted line break counts as a line");
        assertEquals(List.of("4902102072618", "髙島屋①", "～", "2"), records.get(1).fields());
    }

    @Test
    void anUnterminatedQuoteCostsOneRowNotTheRestOfTheFile() throws IOException {
        List<RawRecord> records = Records.csv("""
                0011,ok,1
                0012,"broken,2
                0013,ok,3
                0014,ok,4
                """);
        assertEquals("0011", records.get(0).fields().get(0));
        assertEquals(2, records.get(1).line());
        assertTrue(records.get(1).error().startsWith("unterminated quoted field"), records.get(1).error());
        assertEquals("0012,\"broken,2", records.get(1).rawText());
        assertEquals(List.of("0013", "ok", "3"), records.get(2).fields());
        assertEquals(3, records.get(2).line());
        assertEquals(List.of("0014", "ok", "4"), records.get(3).fields());
        assertEquals(4, records.size());
    }

    @Test
    void aCharacterAfterAClosingQuoteIsARowError() throws IOException {
        List<RawRecord> records = Records.csv("0012,\"商品\"X,1\n0013,ok,2\n");
        assertEquals("unexpected character 'X' after a closing quote", records.get(0).error());
        assertTrue(records.get(1).isOk());
    }

    @Test
    void aSixtyFourMegabyteLineIsOneRowErrorWithBoundedMemory() throws IOException {
        long huge = 64L * 1024 * 1024;
        Reader reader = new Reader() {
            private final String head = "0011,ok,1\n";
            private final String tail = "\n0013,ok,3\n";
            private long position;

            @Override
            public int read(char[] buffer, int offset, int length) {
                long total = head.length() + huge + tail.length();
                if (position >= total) {
                    return -1;
                }
                int n = (int) Math.min(length, total - position);
                for (int i = 0; i < n; i++, position++) {
                    buffer[offset + i] = position < head.length() ? head.charAt((int) position)
                            : position < head.length() + huge ? 'x'
                                    : tail.charAt((int) (position - head.length() - huge));
                }
                return n;
            }

            @Override
            public void close() {
            }
        };
        List<RawRecord> records = Records.all(new DelimitedRecordReader(reader, ',', '"', 1_000_000, "UTF-8"));
        assertEquals(3, records.size());
        assertEquals("line longer than 1000000 characters", records.get(1).error());
        assertEquals(2, records.get(1).line());
        assertTrue(records.get(1).rawText().length() <= RawRecord.MAX_RAW_TEXT + 1);
        assertEquals(List.of("0013", "ok", "3"), records.get(2).fields());
        assertEquals(3, records.get(2).line());
    }

    @Test
    void bytesThatAreNotWindows31jBecomeARowErrorWithItsLine() throws IOException {
        byte[] good = "0011,在庫あり,○\n".getBytes(FileEncoding.WINDOWS_31J.charset());
        byte[] bad = { '0', '0', '1', '2', ',', (byte) 0x82, (byte) 0xFF, ',', '1', '\n' };
        byte[] after = "0013,ﾃｽﾄ,△\n".getBytes(FileEncoding.WINDOWS_31J.charset());
        byte[] file = new byte[good.length + bad.length + after.length];
        System.arraycopy(good, 0, file, 0, good.length);
        System.arraycopy(bad, 0, file, good.length, bad.length);
        System.arraycopy(after, 0, file, good.length + bad.length, after.length);
        List<RawRecord> records = Records.all(new DelimitedRecordReader(
                FileEncoding.WINDOWS_31J.reader(new ByteArrayInputStream(file)), ',', '"', 1_000, "Windows-31J"));
        assertEquals(List.of("0011", "在庫あり", "○"), records.get(0).fields());
        assertEquals(2, records.get(1).line());
        assertTrue(records.get(1).error().startsWith("bytes that are not valid Windows-31J"), records.get(1).error());
        assertEquals(List.of("0013", "ﾃｽﾄ", "△"), records.get(2).fields());
    }

    @Test
    void tabSeparatedWithoutQuotes() throws IOException {
        List<RawRecord> records = Records.all(new DelimitedRecordReader(
                new java.io.StringReader("0012\t\"そのまま\"\t1,280\n"), '\t', null, 1_000, "UTF-8"));
        assertEquals(List.of("0012", "\"そのまま\"", "1,280"), records.get(0).fields());
    }

    /**
     * Property: whatever the fields (delimiters, quotes, line breaks, Japanese, empty) and however the
     * text arrives (reads of a few characters cut runs at any point), the reader returns the fields and
     * start lines that were written per RFC 4180.
     */
    @Test
    void randomRecordsWrittenPerRfc4180ReadBackExactlyInAnyChunking() throws IOException {
        String[] pieces = { "0012", "髙島屋", "①", "ﾀｵﾙ", "～", ",", "\"", "\n", "\r\n", " ", "", "a\"b", "1,280", "×" };
        String[] lineEnds = { "\n", "\r\n", "\r" };
        java.util.Random random = new java.util.Random(20261129);
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            List<List<String>> expected = new java.util.ArrayList<>();
            List<Long> lines = new java.util.ArrayList<>();
            long line = 1;
            int records = 1 + random.nextInt(30);
            for (int r = 0; r < records; r++) {
                List<String> fields = new java.util.ArrayList<>();
                int count = 1 + random.nextInt(6);
                for (int f = 0; f < count; f++) {
                    StringBuilder field = new StringBuilder();
                    int parts = random.nextInt(5);
                    for (int p = 0; p < parts; p++) {
                        field.append(pieces[random.nextInt(pieces.length)]);
                    }
                    fields.add(field.toString());
                }
                if (fields.size() == 1 && fields.get(0).isEmpty()) {
                    fields.set(0, "x"); // an empty line is no record
                }
                lines.add(line);
                for (int f = 0; f < fields.size(); f++) {
                    String v = fields.get(f);
                    boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                            || random.nextInt(4) == 0;
                    text.append(f == 0 ? "" : ",").append(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
                    line += v.chars().filter(ch -> ch == '\n').count() + v.replace("\r\n", "\n").chars().filter(ch -> ch == '\r').count();
                }
                expected.add(fields);
                text.append(lineEnds[random.nextInt(lineEnds.length)]);
                line++;
            }
            long seed = random.nextLong();
            Reader chunked = new java.io.StringReader(text.toString()) {
                private final java.util.Random sizes = new java.util.Random(seed);

                @Override
                public int read(char[] buf, int off, int len) throws IOException {
                    return super.read(buf, off, Math.min(len, 1 + sizes.nextInt(7)));
                }
            };
            List<RawRecord> read = Records.all(new DelimitedRecordReader(chunked, ',', '"', 10_000, "UTF-8"));
            assertEquals(expected, read.stream().map(RawRecord::fields).toList(), "round " + round + ": " + text);
            assertEquals(lines, read.stream().map(RawRecord::line).toList(), "round " + round + ": " + text);
        }
    }

    @Test
    void emptyInputHasNoRecords() throws IOException {
        assertEquals(List.of(), Records.csv(""));
        assertNull(new DelimitedRecordReader(new java.io.StringReader(""), ',', '"', 10, "UTF-8").next());
    }
}
