package jp.systemgear.ec.common.error;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details with the platform's extension members: {@code code} (an {@link ErrorCode}
 * name), {@code errors} (field-level problems) and {@code timestamp}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        List<FieldError> errors,
        Instant timestamp) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode code, String detail, String instance, List<FieldError> errors) {
        return new Problem(code.type(), code.title(), code.status(), detail, instance, code.name(),
                errors == null ? List.of() : List.copyOf(errors), Instant.now());
    }
}
