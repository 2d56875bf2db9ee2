package jp.systemgear.ec.common.error;

/**
 * The stable error codes of the platform's API. The first five come from the original system's
 * runbook, which tells operators what to do for each; clients and alerts key on these names, so
 * they never change once published.
 */
public enum ErrorCode {
    DB_CONNECTION_ERROR(503, "Database unavailable"),
    FILE_UPLOAD_ERROR(400, "File upload failed"),
    AUTH_TOKEN_INVALID(401, "Authentication token invalid"),
    MAPPING_RULE_ERROR(422, "Mapping rule error"),
    BATCH_PROCESS_ERROR(500, "Batch process error"),
    VALIDATION_ERROR(400, "Validation failed"),
    INVALID_CREDENTIALS(401, "Invalid credentials"),
    NOT_FOUND(404, "Not found"),
    CONFLICT(409, "Conflict"),
    /** An {@code If-Match} precondition named a version that is no longer current. */
    PRECONDITION_FAILED(412, "Precondition failed"),
    /** An incremental export's cursor predates the removals kept for it: only a full export is complete. */
    CURSOR_EXPIRED(410, "Cursor expired"),
    RATE_LIMITED(429, "Too many requests"),
    FORBIDDEN(403, "Forbidden"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    SERVICE_UNAVAILABLE(503, "Service unavailable"),
    INTERNAL_ERROR(500, "Internal error");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem type URI: stable, relative, documented in docs/ERRORS.md. */
    public String type() {
        return "/problems/" + name().toLowerCase().replace('_', '-');
    }

    /** The code a client gets for a bare HTTP status that no more specific failure explains. */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> VALIDATION_ERROR;
            case 401 -> AUTH_TOKEN_INVALID;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 410 -> CURSOR_EXPIRED;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> VALIDATION_ERROR;
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : VALIDATION_ERROR;
        };
    }
}
