package jp.systemgear.ec.export.service;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

/**
 * The text rules of delimited exports (docs/ARCHITECTURE.md, "Stock export API").
 *
 * <ul>
 * <li>Formula neutralisation: a text cell starting with {@code = + - @}, tab or CR would be run as a
 * formula by Excel or LibreOffice (CSV injection), so it gets a leading single quote, which the
 * spreadsheet shows as text. Only text cells: numbers are written by us and never start so.</li>
 * <li>Characters outside Windows-31J (e.g. 𠮷, emoji, U+301C) become 〓 (U+3013, the geta mark
 * Japanese typesetting uses for a missing glyph), one per code point, counted; never {@code ?}.</li>
 * </ul>
 */
public final class CellText {

    public static final char SUBSTITUTE = '\u3013';

    private CellText() {
    }

    public static String neutralise(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + cell;
        }
        return cell;
    }

    /** Replaces what {@code encoder} cannot encode with 〓; {@code substitutions[0]} counts them. */
    public static String encodable(String cell, CharsetEncoder encoder, long[] substitutions) {
        if (encoder == null || encoder.canEncode(cell)) {
            return cell;
        }
        StringBuilder out = new StringBuilder(cell.length());
        cell.codePoints().forEach(cp -> {
            String ch = Character.toString(cp);
            if (encoder.canEncode(ch)) {
                out.append(ch);
            } else {
                out.append(SUBSTITUTE);
                substitutions[0]++;
            }
        });
        return out.toString();
    }

    /** An encoder for the check above, or null when the charset encodes all of Unicode. */
    public static CharsetEncoder checkerFor(Charset charset) {
        return charset.name().startsWith("UTF-") ? null : charset.newEncoder();
    }
}
