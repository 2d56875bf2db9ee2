package jp.systemgear.ec.importer.repository;

import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Claims scheduled fires in PostgreSQL. Every replica's scheduler fires; the one whose insert of
 * (job, fire time) succeeds runs the job, so each fire runs once however many replicas there are.
 */
@ApplicationScoped
public class JobExecutionRepository {

    private final PgPool pool;

    public JobExecutionRepository(PgPool pool) {
        this.pool = pool;
    }

    public Uni<Boolean> claim(String job, Instant fireTime, String node) {
        return pool.preparedQuery("""
                insert into import.scheduled_job_execution (job_name, fire_time, node)
                values ($1, $2, $3) on conflict do nothing""")
                .execute(Tuple.of(job, fireTime.atOffset(ZoneOffset.UTC), node))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> finish(String job, Instant fireTime, boolean succeeded, String detail) {
        return pool.preparedQuery("""
                update import.scheduled_job_execution
                   set finished_at = now(), outcome = $3, detail = $4
                 where job_name = $1 and fire_time = $2""")
                .execute(Tuple.of(job, fireTime.atOffset(ZoneOffset.UTC), succeeded ? "succeeded" : "failed", detail))
                .replaceWithVoid();
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
        return pool.preparedQuery("""
                delete from import.chukan_file_tanka t using import.import_run r
                 where r.id = t.run_id and r.finished_at < now() - make_interval(secs => $1)
                   and r.status in ('committed', 'failed', 'rejected', 'rolled_back')""")
                .execute(Tuple.of((double) retention.toSeconds()))
                .map(rows -> rows.rowCount());
    }
}
