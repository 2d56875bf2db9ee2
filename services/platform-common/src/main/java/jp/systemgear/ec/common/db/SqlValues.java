package jp.systemgear.ec.common.db;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import io.vertx.mutiny.sqlclient.Row;

/** Values between Java and the reactive PostgreSQL client that every service converts the same way. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column as an Instant; null stays null. */
    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    /** A Duration as the seconds {@code make_interval(secs => $n)} takes, milliseconds kept. */
    public static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
