package jp.systemgear.ec.importer.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileEncodingTest {

    /** Characters plain Shift_JIS lacks or maps differently, which real supplier files contain. */
    static final String JAPANESE = "①髙﨑～－ｱｲｳｴｵﾊﾟ㈱№∑在庫○△×";

    private static String decode(FileEncoding encoding, byte[] bytes) throws IOException {
        try (Reader reader = encoding.reader(new ByteArrayInputStream(bytes))) {
            StringBuilder text = new StringBuilder();
            int c;
            while ((c = reader.read()) >= 0) {
                text.append((char) c);
            }
            return text.toString();
        }
    }

    @Test
    void windows31jKeepsWhatShiftJisWouldLose() throws IOException {
        byte[] bytes = JAPANESE.getBytes(FileEncoding.WINDOWS_31J.charset());
        assertEquals(JAPANESE, decode(FileEncoding.WINDOWS_31J, bytes));
    }

    @Test
    void eucJpRoundTrips() throws IOException {
        String text = "高橋商店 ｻﾝﾌﾟﾙ 在庫○ 〒100-0001";
        assertEquals(text, decode(FileEncoding.EUC_JP, text.getBytes(FileEncoding.EUC_JP.charset())));
    }

    @Test
    void aUtf8ByteOrderMarkIsNotPartOfTheFirstHeader() throws IOException {
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        byte[] body = "商品コード,在庫".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, 3);
        System.arraycopy(body, 0, file, 3, body.length);
        assertEquals("商品コード,在庫", decode(FileEncoding.UTF_8, file));
        assertEquals(FileEncoding.UTF_8_BOM, FileEncoding.detect(file));
    }

    @ParameterizedTest(name = "{0} is detected as {1}")
    @CsvSource({ "UTF-8, UTF_8", "Windows-31J, WINDOWS_31J", "EUC-JP, EUC_JP" })
    void detection(String charset, FileEncoding expected) {
        String sample = "仕入先コード,商品名,在庫,単価\n0012,髙島屋の在庫表（サンプル）,○,1280\n".repeat(20);
        assertEquals(expected, FileEncoding.detect(sample.getBytes(java.nio.charset.Charset.forName(charset))));
    }

    @ParameterizedTest
    @CsvSource({ "Shift_JIS, WINDOWS_31J", "sjis, WINDOWS_31J", "CP932, WINDOWS_31J", "utf8, UTF_8",
            "UTF-8-BOM, UTF_8_BOM", "euc-jp, EUC_JP" })
    void namesOperatorsUse(String name, FileEncoding expected) {
        assertEquals(expected, FileEncoding.of(name));
    }
}
