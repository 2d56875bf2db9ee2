package jp.systemgear.ec.common.error;

import java.util.List;

/**
 * A failure the API reports to its client as a problem document. Services throw it with the code
 * the client should act on; the mapper turns it into the response.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldError> fieldErrors;
    private final Integer retryAfterSeconds;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, List.of(), null, null);
    }

    public ApiException(ErrorCode code, String detail, List<FieldError> fieldErrors) {
        this(code, detail, fieldErrors, null, null);
    }

    public ApiException(ErrorCode code, String detail, List<FieldError> fieldErrors, Integer retryAfterSeconds,
            Throwable cause) {
        super(detail, cause);
        this.code = code;
        this.fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " '" + id + "' does not exist");
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ErrorCode.CONFLICT, detail);
    }

    public static ApiException rateLimited(String detail, int retryAfterSeconds) {
        return new ApiException(ErrorCode.RATE_LIMITED, detail, List.of(), retryAfterSeconds, null);
    }

    public static ApiException validation(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, "The request is invalid",
                List.of(new FieldError(field, message)));
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
