package jp.systemgear.ec.export.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import jp.systemgear.ec.common.error.ApiException;

/**
 * Where an export's data stood: the PostgreSQL snapshot ({@code pg_current_snapshot()}, text form
 * {@code xmin:xmax:xip,...}) it was read in, and the level and filter scope it covered. A later
 * export "since" this cursor returns exactly the rows whose writing transaction is not visible in the
 * snapshot (see catalog's V4 migration). Opaque to clients: base64url of {@code v1|level|scope|snapshot}.
 */
public record ExportCursor(ExportLevel level, String scope, String snapshot) {

    private static final Pattern SNAPSHOT = Pattern.compile("\\d{1,20}:\\d{1,20}:(\\d{1,20}(,\\d{1,20})*)?");
    /** A snapshot lists the transactions in progress; bounded so a forged token cannot be huge. */
    private static final int MAX_TOKEN = 64 * 1024;

    public String token() {
        String raw = "v1|" + level.name() + "|" + scope + "|" + snapshot;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** Decodes a token from a client; anything malformed is a 400 naming {@code field}. */
    public static ExportCursor parse(String token, String field) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN) {
            throw ApiException.validation(field, "not a cursor token issued by this API");
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(field, "not a cursor token issued by this API");
        }
        String[] parts = raw.split("\\|", -1);
        if (parts.length != 4 || !parts[0].equals("v1") || !SNAPSHOT.matcher(parts[3]).matches()
                || !parts[2].matches("[0-9a-f]{16}")) {
            throw ApiException.validation(field, "not a cursor token issued by this API");
        }
        ExportLevel level;
        try {
            level = ExportLevel.valueOf(parts[1]);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(field, "not a cursor token issued by this API");
        }
        return new ExportCursor(level, parts[2], parts[3]);
    }
}
