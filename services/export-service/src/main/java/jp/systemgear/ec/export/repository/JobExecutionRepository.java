package jp.systemgear.ec.export.repository;

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
                insert into export.scheduled_job_execution (job_name, fire_time, node)
                values ($1, $2, $3) on conflict do nothing""")
                .execute(Tuple.of(job, fireTime.atOffset(ZoneOffset.UTC), node))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> finish(String job, Instant fireTime, boolean succeeded, String detail) {
        return pool.preparedQuery("""
                update export.scheduled_job_execution
                   set finished_at = now(), outcome = $3, detail = $4
                 where job_name = $1 and fire_time = $2""")
                .execute(Tuple.of(job, fireTime.atOffset(ZoneOffset.UTC), succeeded ? "succeeded" : "failed", detail))
                .replaceWithVoid();
    }
}
