package jp.systemgear.ec.common.error;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;

import io.vertx.pgclient.PgException;

/**
 * Decides what an unexpected failure means to the client. Database failures arrive wrapped by
 * Hibernate Reactive, Mutiny or Vert.x in varying depths, so the whole cause chain is inspected.
 */
public final class FailureClassifier {

    private static final int MAX_DEPTH = 16;

    /** Vert.x and Netty report a lost connection with these types, which the JDK does not share. */
    private static final Set<String> CONNECTION_FAILURE_TYPES = Set.of(
            "io.vertx.sqlclient.ClosedConnectionException",
            "io.vertx.core.net.ConnectException",
            "io.netty.channel.ConnectTimeoutException",
            "io.netty.channel.AbstractChannel$AnnotatedConnectException",
            "io.vertx.core.http.ConnectionPoolTooBusyException");

    private static final List<String> CONNECTION_FAILURE_MESSAGES = List.of(
            "connection refused", "connection reset", "connection was closed", "connection is closed",
            "connection is not active", "fail to read any response from the server", "closed connection",
            "timeout while waiting for a connection", "the connection pool is closed");

    private FailureClassifier() {
    }

    public static ApiException classify(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++, current = current.getCause()) {
            if (current instanceof ApiException api) {
                return api;
            }
            if (current instanceof PgException pg) {
                return fromSqlState(pg.getSqlState(), pg.getDetail(), pg);
            }
            // Hibernate Reactive reports constraint failures as JDBCException without the driver's cause.
            if (current instanceof JDBCException jdbc && jdbc.getSQLState() != null) {
                return fromSqlState(jdbc.getSQLState(), constraintOf(jdbc), jdbc);
            }
            if (isConnectionFailure(current)) {
                return new ApiException(ErrorCode.DB_CONNECTION_ERROR,
                        "The database cannot be reached; retry later", List.of(), 5, failure);
            }
        }
        return new ApiException(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred", List.of(), null, failure);
    }

    private static ApiException fromSqlState(String sqlState, String detail, Throwable pg) {
        String state = sqlState == null ? "" : sqlState;
        return switch (state) {
            case "23505" -> new ApiException(ErrorCode.CONFLICT,
                    "A record with the same key already exists" + detailOf(detail));
            case "23503" -> new ApiException(ErrorCode.CONFLICT,
                    "The record is referenced by, or refers to, a record that does not exist" + detailOf(detail));
            case "23502", "23514", "22001", "22003", "22007", "22008", "22P02" ->
                new ApiException(ErrorCode.VALIDATION_ERROR, "The data violates a database constraint" + detailOf(detail));
            case "40001", "40P01", "55P03" -> new ApiException(ErrorCode.CONFLICT,
                    "A concurrent change conflicted with this request; retry it");
            case "57P01", "57P02", "57P03", "53300" -> new ApiException(ErrorCode.DB_CONNECTION_ERROR,
                    "The database is unavailable; retry later", List.of(), 5, pg);
            default -> state.startsWith("08")
                    ? new ApiException(ErrorCode.DB_CONNECTION_ERROR, "The database cannot be reached; retry later",
                            List.of(), 5, pg)
                    : new ApiException(ErrorCode.INTERNAL_ERROR, "An unexpected database error occurred",
                            List.of(), null, pg);
        };
    }

    private static String detailOf(String detail) {
        return detail == null || detail.isBlank() ? "" : ": " + detail;
    }

    private static String constraintOf(JDBCException jdbc) {
        return jdbc instanceof ConstraintViolationException violation && violation.getConstraintName() != null
                ? "constraint " + violation.getConstraintName()
                : null;
    }

    static boolean isConnectionFailure(Throwable t) {
        if (t instanceof ConnectException || t instanceof ClosedChannelException
                || CONNECTION_FAILURE_TYPES.contains(t.getClass().getName())) {
            return true;
        }
        String message = t.getMessage();
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return CONNECTION_FAILURE_MESSAGES.stream().anyMatch(lower::contains);
    }
}
