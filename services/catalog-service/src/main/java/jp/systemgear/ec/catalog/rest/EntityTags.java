package jp.systemgear.ec.catalog.rest;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;

/** ETags of versioned resources ({@code "7"}) and the If-Match headers that quote them back. */
public final class EntityTags {

    private EntityTags() {
    }

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match header asks for; null when there is none or it is {@code *} (any).
     * Weak tags are compared by their value, as RFC 9110 allows for If-Match on our own strong tags.
     */
    public static Integer ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            // A tag we never issued cannot match the current one.
            throw new ApiException(ErrorCode.PRECONDITION_FAILED, "If-Match " + header + " is not a current ETag");
        }
    }
}
