package jp.systemgear.ec.auth.service;

import java.util.Locale;

import jp.systemgear.ec.common.error.ApiException;

/** What a password must be: long enough, not too long for bcrypt, and not the user's own name. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; longer input would be silently cut. */
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    public static void check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw ApiException.validation("password", "must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiException.validation("password", "must be at most " + MAX_BYTES + " bytes in UTF-8");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw ApiException.validation("password", "must not contain the user name");
        }
    }
}
