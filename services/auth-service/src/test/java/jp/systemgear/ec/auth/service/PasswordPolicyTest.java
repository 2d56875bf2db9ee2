package jp.systemgear.ec.auth.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.systemgear.ec.common.error.ApiException;

class PasswordPolicyTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "tanaka | correct horse battery | ok",
            "tanaka | 在庫は毎朝六時に更新されます | ok",
            "tanaka | ﾊﾟｽﾜｰﾄﾞ①髙島屋の在庫表 | ok",
            "tanaka | short | must be at least 12 characters",
            "tanaka | 短すぎるパスワード | must be at least 12 characters",
            "tanaka | my name is TANAKA ok | must not contain the user name",
            "suzuki | 日本語の文字は三バイトなので二十五文字で七十二バイトを超えてしまう | must be at most 72 bytes in UTF-8",
    })
    void policy(String username, String password, String expected) {
        if ("ok".equals(expected)) {
            assertDoesNotThrow(() -> PasswordPolicy.check(username, password));
        } else {
            ApiException e = assertThrows(ApiException.class, () -> PasswordPolicy.check(username, password));
            assertEquals("password", e.fieldErrors().get(0).field());
            assertEquals(expected, e.fieldErrors().get(0).message());
        }
    }
}
