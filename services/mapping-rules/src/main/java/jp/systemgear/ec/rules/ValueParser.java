package jp.systemgear.ec.rules;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Map;

/**
 * Reads cost and stock text the way Japanese supplier files write them: full-width digits (１２８０),
 * thousands separators, ¥ or 円, stock symbols (○ △ ×), "10+" and blanks.
 */
final class ValueParser {

    /** Thrown with a message an operator understands; the row becomes INVALID. */
    static final class ValueException extends Exception {
        ValueException(String message) {
            super(message, null, false, false);
        }
    }

    private final String decimalSeparator;
    private final String thousandsSeparator;
    private final Map<String, Integer> symbols;

    ValueParser(ValueFormat format) {
        this.decimalSeparator = format.decimalSeparator();
        this.thousandsSeparator = format.thousandsSeparator();
        this.symbols = format.stockSymbols();
    }

    BigDecimal cost(String text) throws ValueException {
        if (text == null) {
            return null;
        }
        String s = strip(text);
        if (s.isEmpty()) {
            return null;
        }
        s = ascii(s);
        if (s.startsWith("¥")) {
            s = s.substring(1).strip();
        }
        if (s.endsWith("円")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (!thousandsSeparator.isEmpty()) {
            s = s.replace(thousandsSeparator, "");
        }
        if (!".".equals(decimalSeparator)) {
            s = s.replace(decimalSeparator, ".");
        }
        BigDecimal cost;
        try {
            cost = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new ValueException("unit cost '" + text + "' is not a number");
        }
        if (cost.signum() < 0) {
            throw new ValueException("unit cost '" + text + "' is negative");
        }
        return cost;
    }

    /** Null when the row has no stock column; {@code overrides} are the matched rule's symbols. */
    Long quantity(String text, Map<String, Integer> overrides) throws ValueException {
        if (text == null) {
            return null;
        }
        String s = strip(text);
        Integer symbol = symbol(s, overrides);
        if (symbol != null) {
            return symbol.longValue();
        }
        String digits = ascii(s);
        if (!thousandsSeparator.isEmpty() && thousandsSeparator.length() == 1 && !thousandsSeparator.equals(decimalSeparator)) {
            digits = digits.replace(thousandsSeparator, "");
        }
        symbol = symbol(digits, overrides);
        if (symbol != null) {
            return symbol.longValue();
        }
        // "10+" means "at least 10": the safe reading is 10.
        String number = digits.endsWith("+") ? digits.substring(0, digits.length() - 1) : digits;
        if (isInteger(number)) {
            if (number.length() > 12) {
                throw new ValueException("stock '" + text + "' is out of range");
            }
            return Long.parseLong(number);
        }
        if (s.isEmpty()) {
            throw new ValueException("stock is blank and the stock symbol table has no entry for blank");
        }
        throw new ValueException("stock '" + text + "' is neither a number nor in the stock symbol table");
    }

    private Integer symbol(String s, Map<String, Integer> overrides) {
        Integer value = overrides.get(s);
        return value != null ? value : symbols.get(s);
    }

    private static boolean isInteger(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        if (s.length() == start) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Strips ASCII and ideographic (U+3000) spaces, which fixed-width files pad with. */
    static String strip(String s) {
        return s.strip();
    }

    /** Full-width digits and signs to ASCII; only when something non-ASCII is there (the common case is fast). */
    private static String ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
            }
        }
        return s;
    }
}
