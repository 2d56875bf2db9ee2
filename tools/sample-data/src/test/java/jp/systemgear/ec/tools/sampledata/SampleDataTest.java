package jp.systemgear.ec.tools.sampledata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleDataTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({ "490123456789, 4901234567894", "490210207261, 4902102072618", "456995111617, 4569951116179" })
    void janCheckDigits(String twelve, String expected) {
        assertEquals(expected, SampleRows.jan13(twelve));
    }

    @Test
    void theSameSeedWritesTheSameRows() {
        assertEquals(new SampleRows(7, 0.2).row(123), new SampleRows(7, 0.2).row(123));
    }

    @Test
    void csvIsWindows31jWithAHeaderAndOneLinePerRow() throws IOException {
        Path file = dir.resolve("stock.csv");
        SampleData.main(new String[] { "--format", "csv", "--rows", "500", "--out", file.toString() });
        List<String> lines = Files.readAllLines(file, Charset.forName("windows-31j"));
        assertEquals(501, lines.size());
        assertEquals("商品コード,JANコード,商品名,在庫,単価,入数", lines.get(0));
        assertTrue(lines.get(1).startsWith("00000001,"));
        String all = String.join("\n", lines);
        assertTrue(all.contains("髙島屋") || all.contains("山﨑"), "characters plain Shift_JIS lacks are there");
        assertTrue(all.contains("○") || all.contains("△") || all.contains("×"));
    }

    @Test
    void fixedWidthLinesHaveTheLayoutsByteLength() throws IOException {
        Path file = dir.resolve("stock.txt");
        SampleData.main(new String[] { "--format", "fixed", "--rows", "200", "--out", file.toString() });
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(200 * (75 + 2), bytes.length, "75 bytes of fields and CRLF per line");
    }

    @Test
    void xlsxIsAWorkbook() throws IOException {
        Path file = dir.resolve("stock.xlsx");
        SampleData.main(new String[] { "--format", "xlsx", "--rows", "300", "--out", file.toString() });
        byte[] head = Files.readAllBytes(file);
        assertTrue(head[0] == 'P' && head[1] == 'K', "a zip container");
    }
}
