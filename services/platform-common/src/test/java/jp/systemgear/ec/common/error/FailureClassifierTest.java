package jp.systemgear.ec.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.vertx.pgclient.PgException;

class FailureClassifierTest {

    @ParameterizedTest(name = "SQLSTATE {0} -> {1}")
    @CsvSource({
            "23505, CONFLICT",
            "23503, CONFLICT",
            "23502, VALIDATION_ERROR",
            "23514, VALIDATION_ERROR",
            "22P02, VALIDATION_ERROR",
            "40001, CONFLICT",
            "40P01, CONFLICT",
            "57P01, DB_CONNECTION_ERROR",
            "53300, DB_CONNECTION_ERROR",
            "08006, DB_CONNECTION_ERROR",
            "42P01, INTERNAL_ERROR",
    })
    void postgresStatesAreClassifiedWhereverTheyAreWrapped(String sqlState, ErrorCode expected) {
        PgException pg = new PgException("boom", "ERROR", sqlState, "Key (code)=(0012) already exists.");
        assertEquals(expected, FailureClassifier.classify(pg).code());
        assertEquals(expected, FailureClassifier.classify(new CompletionException(new RuntimeException(pg))).code());
    }

    @Test
    void hibernateConstraintViolationWithoutDriverCauseIsAConflict() {
        ConstraintViolationException e = new ConstraintViolationException(
                "duplicate key value violates unique constraint \"supplier_code_uq\"",
                new java.sql.SQLException("duplicate", "23505"), "supplier_code_uq");
        ApiException classified = FailureClassifier.classify(e);
        assertEquals(ErrorCode.CONFLICT, classified.code());
        assertEquals("A record with the same key already exists: constraint supplier_code_uq", classified.getMessage());
    }

    @Test
    void lostConnectionsAreDatabaseErrors() {
        assertEquals(ErrorCode.DB_CONNECTION_ERROR,
                FailureClassifier.classify(new RuntimeException(new ConnectException("Connection refused"))).code());
        assertEquals(ErrorCode.DB_CONNECTION_ERROR,
                FailureClassifier.classify(new IllegalStateException("Connection is closed")).code());
        assertEquals(ErrorCode.DB_CONNECTION_ERROR, FailureClassifier.classify(
                new JDBCConnectionException("x", new java.sql.SQLException("x", "08001"))).code());
        assertEquals(5, FailureClassifier.classify(new ConnectException("refused")).retryAfterSeconds());
    }

    @Test
    void apiExceptionsPassThroughAndOthersAreInternal() {
        ApiException api = new ApiException(ErrorCode.MAPPING_RULE_ERROR, "bad regex");
        assertSame(api, FailureClassifier.classify(new RuntimeException(api)));
        assertEquals(ErrorCode.INTERNAL_ERROR, FailureClassifier.classify(new NullPointerException()).code());
    }

    @Test
    void everyCodeRendersAsAProblemDocument() {
        for (ErrorCode code : ErrorCode.values()) {
            String json = ProblemResponses.json(Problem.of(code, "d", "/api/x", java.util.List.of()));
            assertEquals(true, json.contains("\"code\":\"" + code.name() + "\""), json);
            assertEquals(true, json.contains("\"status\":" + code.status()), json);
        }
    }
}
