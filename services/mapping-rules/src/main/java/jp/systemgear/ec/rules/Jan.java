package jp.systemgear.ec.rules;

import java.util.Optional;

/**
 * A JAN code (EAN-13 or EAN-8): digits only, the last one a mod-10 check digit with weights 3 and 1
 * counted from the right. Kept as text: leading zeros are data.
 */
public record Jan(String value) {

    public Jan {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Null when {@code text} is a valid JAN, otherwise why it is not. */
    public static String problem(String text) {
        if (text == null || text.isEmpty()) {
            return "is empty";
        }
        if (text.length() != 8 && text.length() != 13) {
            return "must have 8 or 13 digits, not " + text.length();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return "must contain digits only";
            }
        }
        int expected = checkDigit(text.substring(0, text.length() - 1));
        int actual = text.charAt(text.length() - 1) - '0';
        return expected == actual ? null : "check digit is " + actual + ", expected " + expected;
    }

    public static boolean isValid(String text) {
        return problem(text) == null;
    }

    public static Optional<Jan> parse(String text) {
        return isValid(text) ? Optional.of(new Jan(text)) : Optional.empty();
    }

    /** The check digit for the digits before it (7 for EAN-8, 12 for EAN-13). */
    public static int checkDigit(String body) {
        int sum = 0;
        boolean three = true;
        // Weights alternate 3,1,... from the digit next to the check digit, whatever the length.
        for (int i = body.length() - 1; i >= 0; i--) {
            int digit = body.charAt(i) - '0';
            sum += three ? digit * 3 : digit;
            three = !three;
        }
        return (10 - sum % 10) % 10;
    }

    public boolean isEan8() {
        return value.length() == 8;
    }

    @Override
    public String toString() {
        return value;
    }
}
