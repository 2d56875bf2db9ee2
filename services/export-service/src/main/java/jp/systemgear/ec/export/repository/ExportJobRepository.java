package jp.systemgear.ec.export.repository;

import static jp.systemgear.ec.common.db.SqlValues.instant;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import jp.systemgear.ec.common.db.SqlValues;
import jp.systemgear.ec.export.domain.ExportJob;
import jp.systemgear.ec.export.domain.ExportRequest;

/** The export file history, on the reactive client (the file itself is written on a worker thread). */
@ApplicationScoped
public class ExportJobRepository {

    private static final String COLUMNS = "id, template_code, level, format, encoding, requested_by, trigger_kind, "
            + "scheduled_for, status, file_name, row_count, byte_count, sha256, error, created_at, finished_at";

    private final PgPool pool;

    public ExportJobRepository(PgPool pool) {
        this.pool = pool;
    }

    public Uni<ExportJob> insert(ExportRequest request, String requestedBy, String trigger, Instant scheduledFor) {
        return pool.preparedQuery("insert into export.export_job (template_code, level, format, encoding, "
                + "requested_by, trigger_kind, scheduled_for) values ($1, $2, $3, $4, $5, $6, $7) returning " + COLUMNS)
                .execute(Tuple.tuple().addValue(request.templateCode())
                        .addValue(request.level().name().toLowerCase(Locale.ROOT))
                        .addValue(request.format().name().toLowerCase(Locale.ROOT)).addValue(encodingName(request))
                        .addValue(requestedBy).addValue(trigger).addValue(utc(scheduledFor)))
                .map(rows -> job(rows.iterator().next()));
    }

    public Uni<ExportJob> succeed(long id, String fileName, long rows, long bytes, String sha256) {
        return pool.preparedQuery("update export.export_job set status = 'succeeded', file_name = $2, row_count = $3, "
                + "byte_count = $4, sha256 = $5, finished_at = now() where id = $1 returning " + COLUMNS)
                .execute(Tuple.of(id, fileName, rows, bytes, sha256))
                .map(r -> job(r.iterator().next()));
    }

    public Uni<ExportJob> fail(long id, String error) {
        return pool.preparedQuery("update export.export_job set status = 'failed', error = $2, finished_at = now() "
                + "where id = $1 returning " + COLUMNS)
                .execute(Tuple.of(id, error))
                .map(r -> job(r.iterator().next()));
    }

    /** Renews the heartbeat of the given running jobs (the ones this replica is writing). */
    public Uni<Integer> heartbeat(Long[] ids) {
        return pool.preparedQuery("update export.export_job set heartbeat_at = now() where id = any($1) and status = 'running'")
                .execute(Tuple.of(ids)).map(rows -> rows.rowCount());
    }

    /**
     * Ends as failed every running job whose heartbeat is older than {@code staleAfter}: its writer stopped.
     * Each replica may run it; a job is ended once (the update's condition).
     */
    public Uni<List<ExportJob>> failAbandoned(java.time.Duration staleAfter, String error) {
        return pool.preparedQuery("update export.export_job set status = 'failed', error = $2, finished_at = now() "
                + "where status = 'running' and heartbeat_at < now() - make_interval(secs => $1) returning " + COLUMNS)
                .execute(Tuple.of(SqlValues.seconds(staleAfter), error))
                .map(ExportJobRepository::jobs);
    }

    public Uni<ExportJob> find(long id) {
        return pool.preparedQuery("select " + COLUMNS + " from export.export_job where id = $1")
                .execute(Tuple.of(id))
                .map(r -> r.size() == 0 ? null : job(r.iterator().next()));
    }

    /** Newest first; {@code template} null for all. */
    public Uni<List<ExportJob>> list(String template, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from export.export_job "
                + "where ($1::text is null or template_code = $1) order by id desc limit $2")
                .execute(Tuple.of(template, limit))
                .map(ExportJobRepository::jobs);
    }

    /** The names templates use (UTF-8, Windows-31J), not Java's lower-case alias. */
    private static String encodingName(ExportRequest request) {
        return request.charset().equals(java.nio.charset.StandardCharsets.UTF_8) ? "UTF-8" : "Windows-31J";
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static List<ExportJob> jobs(RowSet<Row> rows) {
        List<ExportJob> out = new java.util.ArrayList<>();
        rows.forEach(row -> out.add(job(row)));
        return out;
    }

    private static ExportJob job(Row row) {
        return new ExportJob(row.getLong("id"), row.getString("template_code"), row.getString("level"),
                row.getString("format"), row.getString("encoding"), row.getString("requested_by"),
                row.getString("trigger_kind"), instant(row, "scheduled_for"), row.getString("status"),
                row.getString("file_name"), row.getLong("row_count"), row.getLong("byte_count"), row.getString("sha256"),
                row.getString("error"), instant(row, "created_at"), instant(row, "finished_at"));
    }
}
