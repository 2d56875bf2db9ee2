package jp.systemgear.ec.importer.service;

import static jp.systemgear.ec.common.db.SqlValues.instant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

import jp.systemgear.ec.importer.domain.ImportRun;

/**
 * Live progress for the SPA: once a second, the runs in progress and those finished in the last minute,
 * read from the database (the replica running a run beats its counts there every second, so any replica
 * can serve the stream). One query per second per replica, shared by every connected client.
 */
@ApplicationScoped
public class RunEvents {

    /** One run's progress. {@code rowsPerSecond}: rows read per second of parsing. */
    public record RunProgressView(long id, String supplierCode, String status, boolean dryRun, long rowsTotal,
            long rowsStaged, long rowsError, Long rowsPerSecond, String errorCode, Instant createdAt,
            Instant startedAt, Instant finishedAt) {
    }

    /** What each event carries. */
    public record Snapshot(Instant at, List<RunProgressView> runs) {
    }

    private static final String ACTIVE = """
            select id, supplier_code, status, dry_run, rows_total, rows_staged, rows_error, error_code, created_at,
                   started_at, heartbeat_at, finished_at, (phase_millis ->> 'parse')::bigint as parse_millis
              from import.import_run
             where status in ('receiving', 'received', 'parsing', 'staged', 'held', 'applying')
                or finished_at > now() - interval '1 minute'
             order by id desc limit 200
            """;

    private final Multi<Snapshot> shared;

    public RunEvents(Pool pool) {
        this.shared = Multi.createFrom().ticks().every(Duration.ofSeconds(1))
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> pool.query(ACTIVE).execute().map(RunEvents::snapshot))
                .onFailure().recoverWithItem(() -> new Snapshot(Instant.now(), List.of()))
                .broadcast().withCancellationAfterLastSubscriberDeparture().toAllSubscribers();
    }

    public Multi<Snapshot> stream() {
        return shared;
    }

    private static Snapshot snapshot(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<RunProgressView> runs = new ArrayList<>();
        for (Row r : rows) {
            Instant started = instant(r, "started_at");
            Instant beat = instant(r, "heartbeat_at");
            long total = r.getLong("rows_total");
            Long rate = ImportRun.rowsPerSecond(total, r.getLong("parse_millis"), "parsing".equals(r.getString("status")),
                    started, beat);
            runs.add(new RunProgressView(r.getLong("id"), r.getString("supplier_code"), r.getString("status"),
                    r.getBoolean("dry_run"), total, r.getLong("rows_staged"), r.getLong("rows_error"), rate,
                    r.getString("error_code"), instant(r, "created_at"), started, instant(r, "finished_at")));
        }
        return new Snapshot(Instant.now(), runs);
    }
}
