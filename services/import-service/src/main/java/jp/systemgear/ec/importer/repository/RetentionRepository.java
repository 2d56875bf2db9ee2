package jp.systemgear.ec.importer.repository;


import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Tuple;

import jp.systemgear.ec.importer.domain.ImportRun;

/**
 * The retention clean-ups of import data (the fires themselves are claimed by platform-common's
 * {@code ClaimedJobRunner} in this schema's {@code scheduled_job_execution}).
 */
@ApplicationScoped
public class RetentionRepository {

    private final PgPool pool;

    public RetentionRepository(PgPool pool) {
        this.pool = pool;
    }

    /** Deletes row errors older than the retention; returns how many went. */
    public Uni<Integer> purgeRowErrorsOlderThan(java.time.Duration retention) {
        return pool.preparedQuery("""
                delete from import.import_row_error
                 where created_at < now() - make_interval(secs => $1)""")
                .execute(Tuple.of((double) retention.toSeconds()))
                .map(rows -> rows.rowCount());
    }

    /**
     * Deletes the staged rows of runs that ended longer ago than {@code retention} (catalog keeps what
     * was applied in its history; staged rows serve the diff, the unmatched list and the run's rows).
     */
    public Uni<Integer> purgeStagedRowsOlderThan(java.time.Duration retention) {
        return pool.preparedQuery("delete from import.chukan_file_tanka t using import.import_run r "
                + "where r.id = t.run_id and r.finished_at < now() - make_interval(secs => $1) "
                + "and r.status in " + ImportRun.Status.ENDED_SQL)
                .execute(Tuple.of((double) retention.toSeconds()))
                .map(rows -> rows.rowCount());
    }
}
