package jp.systemgear.ec.common.error;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Builds problem responses; serialised here so every path renders the same bytes. */
public final class ProblemResponses {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ProblemResponses() {
    }

    public static Problem problem(ApiException e, String instance) {
        return Problem.of(e.code(), e.getMessage(), instance, e.fieldErrors());
    }

    public static Response response(ApiException e, String instance) {
        return response(problem(e, instance), e.retryAfterSeconds());
    }

    public static Response response(ErrorCode code, String detail, String instance) {
        return response(Problem.of(code, detail, instance, List.of()), null);
    }

    public static Response response(Problem problem, Integer retryAfterSeconds) {
        Response.ResponseBuilder builder = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(json(problem));
        if (retryAfterSeconds != null) {
            builder.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        if (problem.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        return builder.build();
    }

    public static String json(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Problem document cannot be serialised", e);
        }
    }
}
