package jp.systemgear.ec.importer.reading;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The encodings suppliers send. "Shift_JIS" files are read as Windows-31J (Microsoft's superset):
 * real files use ①, 髙, ～ and other characters plain Shift_JIS lacks.
 */
public enum FileEncoding {
    UTF_8("UTF-8", StandardCharsets.UTF_8),
    UTF_8_BOM("UTF-8-BOM", StandardCharsets.UTF_8),
    WINDOWS_31J("Windows-31J", Charset.forName("windows-31j")),
    EUC_JP("EUC-JP", Charset.forName("EUC-JP"));

    /** A Unicode noncharacter, reserved for internal use: it never appears in interchanged text. */
    public static final char UNDECODABLE = '\uFDD0';

    private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private final String label;
    private final Charset charset;

    FileEncoding(String label, Charset charset) {
        this.label = label;
        this.charset = charset;
    }

    public String label() {
        return label;
    }

    public Charset charset() {
        return charset;
    }

    /** Accepts the names operators and profiles use: Shift_JIS, SJIS, CP932, MS932 all mean Windows-31J. */
    public static FileEncoding of(String name) {
        String key = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        return switch (key) {
            case "UTF-8", "UTF8" -> UTF_8;
            case "UTF-8-BOM", "UTF8-BOM" -> UTF_8_BOM;
            case "WINDOWS-31J", "SHIFT-JIS", "SJIS", "CP932", "MS932" -> WINDOWS_31J;
            case "EUC-JP", "EUCJP" -> EUC_JP;
            default -> throw new IllegalArgumentException("unsupported encoding: " + name);
        };
    }

    /**
     * A reader that decodes the stream, skipping a UTF-8 byte order mark, and puts {@link #UNDECODABLE}
     * where bytes are not valid; the record readers turn those into row errors instead of passing them on.
     */
    public Reader reader(InputStream in) throws java.io.IOException {
        InputStream source = in;
        if (charset == StandardCharsets.UTF_8) {
            source = new java.io.PushbackInputStream(in, 3);
            byte[] head = source.readNBytes(3);
            if (!(head.length == 3 && head[0] == UTF8_BOM[0] && head[1] == UTF8_BOM[1] && head[2] == UTF8_BOM[2])) {
                ((java.io.PushbackInputStream) source).unread(head);
            }
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(UNDECODABLE));
        return new java.io.BufferedReader(new InputStreamReader(source, decoder), 64 * 1024);
    }

    /** The encoding a text file's first 64 KiB look like; null for a workbook or binary. */
    public static FileEncoding detect(java.nio.file.Path file) throws java.io.IOException {
        if (ContentSniffer.sniff(file) != ContentSniffer.Kind.TEXT) {
            return null;
        }
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return detect(in.readNBytes(64 * 1024));
        }
    }

    /** Guesses the encoding of a file's first bytes: for the preview, and to warn of a wrong profile. */
    public static FileEncoding detect(byte[] head) {
        if (head.length >= 3 && head[0] == UTF8_BOM[0] && head[1] == UTF8_BOM[1] && head[2] == UTF8_BOM[2]) {
            return UTF_8_BOM;
        }
        if (decodes(StandardCharsets.UTF_8, head)) {
            return UTF_8;
        }
        return score(EUC_JP.charset, head) > score(WINDOWS_31J.charset, head) ? EUC_JP : WINDOWS_31J;
    }

    private static boolean decodes(Charset charset, byte[] bytes) {
        try {
            // The sample may end in the middle of a character: only trust what precedes the last 3 bytes.
            int length = Math.max(0, bytes.length - (bytes.length >= 4096 ? 3 : 0));
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * How plausible the bytes are as Japanese text in this charset: kanji and kana count for it,
     * undecodable bytes heavily against. EUC-JP read as Windows-31J often decodes without errors,
     * but as a run of half-width katakana, which scores nothing.
     */
    private static int score(Charset charset, byte[] bytes) {
        String decoded = new String(bytes, charset);
        int score = 0;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '\uFFFD') {
                score -= 10;
            } else if (c >= '\u3040' && c <= '\u30FF' || c >= '\u4E00' && c <= '\u9FFF') {
                score++;
            }
        }
        return score;
    }
}
