package jp.systemgear.ec.common.error;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure that reaches the REST layer into one {@code application/problem+json} shape.
 * Mappers are declared for the framework's specific exception types too, because a built-in mapper
 * for a more specific type would otherwise win and answer in its own format.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri) {
        return logged(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplicationException(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        ErrorCode code = ErrorCode.forStatus(status);
        String detail = switch (status) {
            case 404 -> "No resource at " + path(uri);
            case 405 -> "Method not allowed on " + path(uri);
            case 415 -> "Unsupported content type";
            case 406 -> "None of the accepted media types can be produced";
            default -> status >= 500 ? "An unexpected error occurred" : "The request cannot be processed";
        };
        if (status >= 500) {
            LOG.errorf(e, "Request %s failed with status %d", path(uri), status);
        }
        return ProblemResponses.response(new ApiException(code, detail), path(uri));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        return ProblemResponses.response(
                new ApiException(ErrorCode.VALIDATION_ERROR, "The request is invalid", fieldErrors(e)), path(uri));
    }

    @ServerExceptionMapper
    public Response parameterViolation(ResteasyReactiveViolationException e, UriInfo uri) {
        return constraintViolation(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return ProblemResponses.response(
                new ApiException(ErrorCode.VALIDATION_ERROR, "The request body is not valid JSON" + where), path(uri));
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("body");
        String message = e instanceof InvalidFormatException ? "has the wrong format" : "has the wrong type";
        return ProblemResponses.response(new ApiException(ErrorCode.VALIDATION_ERROR,
                "The request body does not match the expected structure", List.of(new FieldError(field, message))),
                path(uri));
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class,
            AuthenticationCompletionException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return ProblemResponses.response(new ApiException(ErrorCode.AUTH_TOKEN_INVALID,
                "A valid bearer token is required"), path(uri));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.response(new ApiException(ErrorCode.FORBIDDEN,
                "Your role does not allow this operation"), path(uri));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        return logged(FailureClassifier.classify(e), uri);
    }

    private Response logged(ApiException e, UriInfo uri) {
        if (e.code() == ErrorCode.DB_CONNECTION_ERROR) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.errorf("Database connection failed on %s: %s", path(uri), cause.getMessage());
        } else if (e.code().status() >= 500) {
            LOG.errorf(e.getCause() == null ? e : e.getCause(), "Request %s failed: %s", path(uri), e.code());
        }
        return ProblemResponses.response(e, path(uri));
    }

    static List<FieldError> fieldErrors(ConstraintViolationException e) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return errors;
    }

    /**
     * Bean Validation paths start with the method and parameter names ({@code create.body.code}); a
     * client knows the body's fields and the query parameters, so those prefixes are dropped.
     */
    static String fieldName(Path path) {
        List<String> nodes = new ArrayList<>();
        Path.Node first = null;
        for (Path.Node node : path) {
            if (first == null) {
                first = node;
            }
            String name = node.getName();
            if (node.getIndex() != null && !nodes.isEmpty()) {
                nodes.set(nodes.size() - 1, nodes.get(nodes.size() - 1) + "[" + node.getIndex() + "]");
            }
            // Container elements (List<@NotBlank String>) are named like "<list element>"; the index says it all.
            if (name != null && !name.startsWith("<")) {
                nodes.add(name);
            }
        }
        boolean methodPath = first != null && first.getKind() == jakarta.validation.ElementKind.METHOD;
        if (methodPath && nodes.size() > 2) {
            return String.join(".", nodes.subList(2, nodes.size()));
        }
        if (methodPath && nodes.size() == 2) {
            return nodes.get(1);
        }
        return String.join(".", nodes);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
