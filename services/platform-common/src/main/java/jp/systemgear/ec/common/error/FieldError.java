package jp.systemgear.ec.common.error;

/** One invalid field of a request: a dotted path (e.g. {@code profile.encoding}) and why. */
public record FieldError(String field, String message) {
}
