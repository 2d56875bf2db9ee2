package jp.systemgear.ec.tools.sampledata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes supplier stock files of any size, streaming: {@code --format csv|tsv|fixed|xlsx},
 * {@code --rows N}, {@code --out FILE}, optional {@code --encoding} (CSV: Windows-31J by default),
 * {@code --seed}, {@code --symbols} (share of ○/△/× stock, 0..1).
 */
public final class SampleData {

    public static final String[] HEADER = { "商品コード", "JANコード", "商品名", "在庫", "単価", "入数" };
    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    /** Fixed-width layout, in Windows-31J bytes: code 1-8, JAN 9-21, name 22-61, stock 62-66, cost 67-75. */
    public static final int[][] FIXED_LAYOUT = { { 1, 8 }, { 9, 21 }, { 22, 61 }, { 62, 66 }, { 67, 75 } };

    private SampleData() {
    }

    public static void main(String[] args) throws IOException {
        String format = "csv";
        long rows = 1000;
        Path out = null;
        String encoding = null;
        long seed = 42;
        double symbols = 0.2;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--format" -> format = args[i + 1].toLowerCase(Locale.ROOT);
                case "--rows" -> rows = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--encoding" -> encoding = args[i + 1];
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--symbols" -> symbols = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out FILE is required");
        }
        SampleRows source = new SampleRows(seed, symbols);
        switch (format) {
            case "csv" -> delimited(out, source, rows, ',', encoding == null ? WINDOWS_31J : Charset.forName(encoding));
            case "tsv" -> delimited(out, source, rows, '\t', encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding));
            case "fixed" -> fixed(out, source, rows);
            case "xlsx" -> xlsx(out, source, rows);
            default -> throw new IllegalArgumentException("unknown format " + format);
        }
        System.out.printf("wrote %d rows to %s (%d bytes)%n", rows, out, Files.size(out));
    }

    /** CSV quotes only what needs it (costs with a thousands separator), as supplier systems do. */
    public static void delimited(Path out, SampleRows source, long rows, char delimiter, Charset charset) throws IOException {
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), charset), 1 << 16)) {
            writer.write(String.join(String.valueOf(delimiter), HEADER));
            writer.write("\r\n");
            for (long i = 0; i < rows; i++) {
                SampleRow row = source.row(i);
                String cost = delimiter == ',' && row.cost().indexOf(',') >= 0 ? '"' + row.cost() + '"' : row.cost();
                writer.write(row.itemCode() + delimiter + row.jan() + delimiter + row.name() + delimiter + row.stock()
                        + delimiter + cost + delimiter + row.packSize() + "\r\n");
            }
        }
    }

    public static void fixed(Path out, SampleRows source, long rows) throws IOException {
        try (OutputStream stream = new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            for (long i = 0; i < rows; i++) {
                SampleRow row = source.row(i);
                stream.write(pad(row.itemCode(), 8));
                stream.write(pad(row.jan(), 13));
                stream.write(pad(row.name(), 40));
                stream.write(pad(row.stock(), 5));
                stream.write(pad(row.cost().replace(",", ""), 9));
                stream.write('\r');
                stream.write('\n');
            }
        }
    }

    /** Left-aligned in exactly {@code bytes} Windows-31J bytes, never splitting a character. */
    static byte[] pad(String value, int bytes) {
        byte[] out = new byte[bytes];
        java.util.Arrays.fill(out, (byte) ' ');
        int used = 0;
        for (int i = 0; i < value.length(); i++) {
            byte[] ch = String.valueOf(value.charAt(i)).getBytes(WINDOWS_31J);
            if (used + ch.length > bytes) {
                break;
            }
            System.arraycopy(ch, 0, out, used, ch.length);
            used += ch.length;
        }
        return out;
    }

    /** JAN codes as numeric cells: the way Excel users store them, and the way they break readers. */
    public static void xlsx(Path out, SampleRows source, long rows) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); OutputStream stream = Files.newOutputStream(out)) {
            Sheet sheet = book.createSheet("在庫");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.length; c++) {
                header.createCell(c).setCellValue(HEADER[c]);
            }
            for (long i = 0; i < rows; i++) {
                SampleRow row = source.row(i);
                Row r = sheet.createRow((int) i + 1);
                r.createCell(0).setCellValue(row.itemCode());
                r.createCell(1).setCellValue(Double.parseDouble(row.jan()));
                r.createCell(2).setCellValue(row.name());
                r.createCell(3).setCellValue(row.stock());
                r.createCell(4).setCellValue(Integer.parseInt(row.cost().replace(",", "")));
                r.createCell(5).setCellValue(row.packSize());
            }
            book.write(stream);
            book.dispose();
        }
    }
}
