package jp.systemgear.ec.importer.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupplierFileReaderTest {

    @TempDir
    Path dir;

    private static ReadProfile csv(String encoding, int skip, Map<String, ColumnSpec> columns) {
        return new ReadProfile("CSV", encoding, ",", "\"", 1, skip, columns, null);
    }

    private static Map<String, ColumnSpec> byHeader() {
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        columns.put(ReadProfile.CODE, ColumnSpec.header("商品コード"));
        columns.put(ReadProfile.JAN, ColumnSpec.header("JAN"));
        columns.put(ReadProfile.STOCK, ColumnSpec.header("在庫"));
        columns.put(ReadProfile.COST, ColumnSpec.header("単価"));
        return columns;
    }

    private Path write(String name, String text, String charset) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, text.getBytes(java.nio.charset.Charset.forName(charset)));
        return file;
    }

    @Test
    void aWindows31jFileWithTitleRowsIsReadByHeaderNames() throws IOException {
        Path file = write("在庫表.csv", """
                株式会社髙島屋商事 在庫一覧,2026/11/28
                商品コード,商品名,JAN,在庫,単価
                000123,ｻﾝﾌﾟﾙ①,4901234567894,○,"1,280"
                
                000124,～限定～,4902102072618,×,980
                000125,短い行,4902102072618
                """, "windows-31j");
        try (SupplierFileReader reader = SupplierFileReader.open(file, csv("Shift_JIS", 1, byHeader()))) {
            assertEquals(FileEncoding.WINDOWS_31J, reader.detectedEncoding());
            assertEquals(List.of("商品コード", "商品名", "JAN", "在庫", "単価"), reader.headers());
            List<ExtractedRow> rows = Records.rows(reader);
            assertEquals(new ExtractedRow(3, "000123", "4901234567894", null, "○", "1,280",
                    "000123,ｻﾝﾌﾟﾙ①,4901234567894,○,\"1,280\"", null), rows.get(0));
            assertEquals(5, rows.get(1).line(), "the blank line is passed over but counted");
            assertEquals("×", rows.get(1).stock());
            assertEquals(6, rows.get(2).line());
            assertEquals("ragged row: 3 fields where the header has 5", rows.get(2).error());
            assertEquals(3, rows.size());
        }
    }

    @Test
    void emptyAndHeaderOnlyFilesHaveNoRows() throws IOException {
        assertEquals(List.of(), Records.rows(SupplierFileReader.open(write("empty.csv", "", "UTF-8"),
                csv("UTF-8", 0, byHeader()))));
        assertEquals(List.of(), Records.rows(SupplierFileReader.open(
                write("header.csv", "商品コード,商品名,JAN,在庫,単価\r\n", "UTF-8"), csv("UTF-8", 0, byHeader()))));
    }

    @Test
    void aMissingHeaderColumnIsAProfileMismatch() throws IOException {
        Path file = write("other.csv", "品番,数量\n1,2\n", "UTF-8");
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> SupplierFileReader.open(file, csv("UTF-8", 0, byHeader())));
        assertTrue(e.getMessage().contains("'商品コード' is not in the header [品番, 数量]"), e.getMessage());
    }

    @Test
    void anUnreadableHeaderFailsTheFileInsteadOfMappingNothing() throws IOException {
        Path file = write("sjis.csv", "商品コード,商品名,JAN,在庫,単価\n000123,ｻﾝﾌﾟﾙ,4901234567894,○,1\n", "windows-31j");
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> SupplierFileReader.open(file, csv("UTF-8", 0, byHeader())));
        assertTrue(e.getMessage().startsWith("the header row (line 1) cannot be read: bytes that are not valid UTF-8"),
                e.getMessage());
    }

    @Test
    void aBinaryRenamedToCsvIsAnInvalidFileType() throws IOException {
        Path png = dir.resolve("stock.csv");
        Files.write(png, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' });
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> SupplierFileReader.open(png, csv("UTF-8", 0, byHeader())));
        assertTrue(e.getMessage().startsWith("Invalid file type"), e.getMessage());
    }

    @Test
    void positionsWithoutAHeader() throws IOException {
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        columns.put(ReadProfile.CODE, ColumnSpec.position(1));
        columns.put(ReadProfile.STOCK, ColumnSpec.position(3));
        Path file = write("euc.tsv", "0012\t髙橋\t10+\n0013\t鈴木\n", "EUC-JP");
        List<ExtractedRow> rows = Records.rows(SupplierFileReader.open(file,
                new ReadProfile("TSV", "EUC-JP", null, "", 0, 0, columns, null)));
        assertEquals("10+", rows.get(0).stock());
        assertEquals("ragged row: 2 fields, but 'stock' is field 3", rows.get(1).error());
    }

    @Test
    void fixedWidthThroughTheProfile() throws IOException {
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        columns.put(ReadProfile.CODE, ColumnSpec.bytes(1, 6));
        columns.put(ReadProfile.NAME, ColumnSpec.bytes(7, 16));
        columns.put(ReadProfile.STOCK, ColumnSpec.bytes(17, 19));
        Path file = write("fixed.txt", "000012髙島屋①  ○ \n", "windows-31j");
        List<ExtractedRow> rows = Records.rows(SupplierFileReader.open(file,
                new ReadProfile("FIXED_WIDTH", "Windows-31J", null, null, 0, 0, columns, null)));
        assertEquals("000012", rows.get(0).code());
        assertEquals("髙島屋①", rows.get(0).name());
        assertEquals("○", rows.get(0).stock());
    }
}
