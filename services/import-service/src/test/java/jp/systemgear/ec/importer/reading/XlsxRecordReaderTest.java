package jp.systemgear.ec.importer.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxRecordReaderTest {

    @TempDir
    Path dir;

    private Path workbook() throws IOException {
        Path file = dir.resolve("stock.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            book.createSheet("説明").createRow(0).createCell(0).setCellValue("この行は読まない");
            Sheet sheet = book.createSheet("在庫");
            Row header = sheet.createRow(0);
            String[] names = { "JAN", "商品名", "在庫", "単価" };
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(4901234567894d);
            row.createCell(1).setCellValue("髙島屋①ｻﾝﾌﾟﾙ");
            row.createCell(2).setCellValue("○");
            row.createCell(3).setCellValue(1280.5);
            Row sparse = sheet.createRow(3);
            sparse.createCell(0).setCellValue(49123456d);
            sparse.createCell(3).setCellValue(300);
            book.write(out);
        }
        return file;
    }

    @Test
    void janInANumericCellKeepsAllThirteenDigits() throws IOException {
        List<RawRecord> records = Records.all(new XlsxRecordReader(workbook(), "在庫"));
        assertEquals(List.of("JAN", "商品名", "在庫", "単価"), records.get(0).fields());
        assertEquals(List.of("4901234567894", "髙島屋①ｻﾝﾌﾟﾙ", "○", "1280.5"), records.get(1).fields());
        assertEquals(2, records.get(1).line());
        assertEquals(List.of("49123456", "", "", "300"), records.get(2).fields(), "gaps stay in place");
        assertEquals(4, records.get(2).line(), "the sheet's own row number");
    }

    @Test
    void theFirstSheetWhenNoneIsNamedAndAClearErrorForAMissingOne() throws IOException {
        Path file = workbook();
        assertEquals(List.of("この行は読まない"), Records.all(new XlsxRecordReader(file, null)).get(0).fields());
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> new XlsxRecordReader(file, "価格"));
        assertTrue(e.getMessage().contains("no sheet '価格'"), e.getMessage());
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        Path bomb = dir.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            entry(zip, "[Content_Types].xml", CONTENT_TYPES);
            entry(zip, "_rels/.rels", ROOT_RELS);
            entry(zip, "xl/workbook.xml", WORKBOOK);
            entry(zip, "xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 300; i++) { // 300 MB of well-formed whitespace compresses about a thousandfold
                zip.write(spaces);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertTrue(Files.size(bomb) < 2_000_000);
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> Records.all(new XlsxRecordReader(bomb, null)));
        assertTrue(e.getMessage().toLowerCase().contains("zip bomb"), e.getMessage());
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-PASSWORD");
        Path hostile = dir.resolve("xxe.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(hostile))) {
            entry(zip, "[Content_Types].xml", CONTENT_TYPES);
            entry(zip, "_rels/.rels", ROOT_RELS);
            entry(zip, "xl/workbook.xml", WORKBOOK);
            entry(zip, "xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
            entry(zip, "xl/worksheets/sheet1.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!DOCTYPE x [ <!ENTITY xxe SYSTEM "%s"> ]>
                    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                    <row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>
                    </sheetData></worksheet>""".formatted(secret.toUri()));
        }
        try {
            List<RawRecord> records = Records.all(new XlsxRecordReader(hostile, null));
            records.forEach(r -> assertFalse(r.rawText().contains("TOP-SECRET"), "entity resolved: " + r));
        } catch (UnreadableFileException refused) {
            assertFalse(refused.getMessage().contains("TOP-SECRET"));
        }
    }

    @Test
    void aTextFileNamedXlsxIsNotAWorkbook() throws IOException {
        Path fake = dir.resolve("fake.xlsx");
        Files.writeString(fake, "JAN,在庫\n4901234567894,○\n");
        assertThrows(UnreadableFileException.class, () -> new XlsxRecordReader(fake, null));
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
            </Types>""";
    static final String ROOT_RELS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
            </Relationships>""";
    static final String WORKBOOK = """
            <?xml version="1.0" encoding="UTF-8"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""";
    static final String WORKBOOK_RELS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
            </Relationships>""";
}
