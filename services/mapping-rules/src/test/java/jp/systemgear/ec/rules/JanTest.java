package jp.systemgear.ec.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JanTest {

    @ParameterizedTest(name = "{0} is a valid JAN ({1})")
    @CsvSource({
            "4901234567894, EAN-13 textbook example",
            "4902102072618, EAN-13 Japanese maker prefix 49",
            "4901085089521, EAN-13",
            "4902370517712, EAN-13",
            "4987176014139, EAN-13 check digit 9",
            "4512345678906, EAN-13 prefix 45",
            "49123456, EAN-8 (short JAN)",
            "0000000000000, leading zeros are data",
    })
    void validJans(String code, String what) {
        assertNull(Jan.problem(code), what);
        assertTrue(Jan.isValid(code));
        assertEquals(code, new Jan(code).value());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "4901234567890, 'check digit is 0, expected 4'",
            "4902102072611, 'check digit is 1, expected 8'",
            "49123457, 'check digit is 7, expected 6'",
            "490123456789, 'must have 8 or 13 digits, not 12'",
            "49012345678941, 'must have 8 or 13 digits, not 14'",
            "49O1234567894, must contain digits only",
            "４９０１２３４５６７８９４, must contain digits only",
    })
    void invalidJansSayWhy(String code, String problem) {
        assertEquals(problem, Jan.problem(code));
        assertFalse(Jan.parse(code).isPresent());
        assertThrows(IllegalArgumentException.class, () -> new Jan(code));
    }

    @ParameterizedTest
    @CsvSource({ "490123456789, 4", "4912345, 6", "450123456789, 6" })
    void checkDigitOfTheBody(String body, int digit) {
        assertEquals(digit, Jan.checkDigit(body));
    }

    @org.junit.jupiter.api.Test
    void emptyIsInvalid() {
        assertEquals("is empty", Jan.problem(""));
        assertEquals("is empty", Jan.problem(null));
        assertTrue(new Jan("49123456").isEan8());
    }
}
