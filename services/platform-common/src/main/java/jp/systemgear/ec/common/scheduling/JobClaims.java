package jp.systemgear.ec.common.scheduling;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Claims scheduled fires in PostgreSQL, in the {@code scheduled_job_execution} table of the service's
 * own schema (each service that schedules creates it in a migration). Every replica's scheduler fires;
 * the one whose insert of (job, fire time) succeeds runs the job, so each fire runs once however many
 * replicas there are.
 */
@ApplicationScoped
public class JobClaims {

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]*");

    private final PgPool pool;
    private final String table;

    public JobClaims(PgPool pool, @ConfigProperty(name = "quarkus.flyway.default-schema") String schema) {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a schema name: " + schema);
        }
        this.pool = pool;
        this.table = schema + ".scheduled_job_execution";
    }

    public Uni<Boolean> claim(String job, Instant fireTime, String node) {
        return pool.preparedQuery("insert into " + table + " (job_name, fire_time, node) values ($1, $2, $3) "
                + "on conflict do nothing")
                .execute(Tuple.of(job, fireTime.atOffset(ZoneOffset.UTC), node))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> finish(String job, Instant fireTime, boolean succeeded, String detail) {
        return pool.preparedQuery("update " + table + " set finished_at = now(), outcome = $3, detail = $4 "
                + "where job_name = $1 and fire_time = $2")
                .execute(Tuple.of(job, fireTime.atOffset(ZoneOffset.UTC), succeeded ? "succeeded" : "failed", detail))
                .replaceWithVoid();
    }
}
