package jp.systemgear.ec.importer.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;

import org.junit.jupiter.api.Test;

class FixedWidthRecordReaderTest {

    static final Charset SJIS = FileEncoding.WINDOWS_31J.charset();
    /** code: bytes 1-6, name: 7-26 (ten kanji), stock: 27-29, cost: 30-36. */
    static final List<FixedWidthRecordReader.ByteRange> LAYOUT = List.of(
            new FixedWidthRecordReader.ByteRange(1, 6), new FixedWidthRecordReader.ByteRange(7, 26),
            new FixedWidthRecordReader.ByteRange(27, 29), new FixedWidthRecordReader.ByteRange(30, 36));

    private static List<RawRecord> read(String text) throws IOException {
        return Records.all(new FixedWidthRecordReader(new ByteArrayInputStream(text.getBytes(SJIS)), SJIS, LAYOUT, 1_000));
    }

    @Test
    void rangesAreCountedInBytesOfTheFilesEncoding() throws IOException {
        List<RawRecord> records = read("""
                000012髙島屋①限定品　　　○ 0001280
                000013ｻﾝﾌﾟﾙ商品           × 0000980
                """);
        assertEquals(List.of("000012", "髙島屋①限定品", "○", "0001280"), records.get(0).fields());
        assertEquals(List.of("000013", "ｻﾝﾌﾟﾙ商品", "×", "0000980"), records.get(1).fields());
    }

    @Test
    void aRangeThatSplitsAKanjiIsARowError() throws IOException {
        // One byte short at the front: the name field now starts in the middle of a character.
        List<RawRecord> records = read("00012髙島屋①限定品　　　　　○  0001280\n000013ｻﾝﾌﾟﾙ商品           × 0000980\n");
        assertTrue(records.get(0).error().contains("not valid"), records.get(0).error());
        assertEquals(1, records.get(0).line());
        assertTrue(records.get(1).isOk());
    }

    @Test
    void aShortLineIsARowError() throws IOException {
        List<RawRecord> records = read("000012髙島屋\n");
        assertTrue(records.get(0).error().startsWith("line has 12 bytes"), records.get(0).error());
    }
}
