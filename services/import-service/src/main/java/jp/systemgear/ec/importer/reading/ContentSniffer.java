package jp.systemgear.ec.importer.reading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Decides what a file is from its bytes, never from its name: an XLSX workbook (a zip with
 * xl/workbook.xml), text, or something else (an image or binary renamed to .csv), which is refused.
 */
public final class ContentSniffer {

    public enum Kind {
        XLSX, TEXT, BINARY, EMPTY
    }

    static final int SAMPLE_BYTES = 8 * 1024;

    private ContentSniffer() {
    }

    public static Kind sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE_BYTES);
        }
        if (head.length == 0) {
            return Kind.EMPTY;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return hasWorkbook(file) ? Kind.XLSX : Kind.BINARY;
        }
        return looksLikeText(head) ? Kind.TEXT : Kind.BINARY;
    }

    /** Text in any of the supported encodings has no NUL and few C0 controls besides tab and line ends. */
    static boolean looksLikeText(byte[] head) {
        int controls = 0;
        for (byte b : head) {
            int v = b & 0xff;
            if (v == 0) {
                return false;
            }
            if (v < 0x20 && v != '\t' && v != '\n' && v != '\r' && v != 0x0c && v != 0x1a) {
                controls++;
            }
        }
        return controls * 100 < head.length;
    }

    private static boolean hasWorkbook(Path file) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null && entries++ < 1000) {
                if ("xl/workbook.xml".equals(entry.getName())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
