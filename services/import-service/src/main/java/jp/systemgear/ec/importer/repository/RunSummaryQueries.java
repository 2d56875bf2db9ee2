package jp.systemgear.ec.importer.repository;

import static jp.systemgear.ec.common.db.SqlValues.instant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import jp.systemgear.ec.common.db.SqlValues;

/**
 * The dashboard's figures, counted in the database over every run (a page of the newest runs misses a
 * supplier that imports weekly, or the runs of a busy day).
 */
@ApplicationScoped
public class RunSummaryQueries {

    /** A supplier's newest committed run. */
    public record LastCommitted(long id, String supplierCode, Instant createdAt, Instant finishedAt) {
    }

    /** Runs created in one hour with one status, and their rows. */
    public record HourStatus(Instant hour, String status, long runs, long rowsStaged, long rowsError) {
    }

    private final Pool pool;

    public RunSummaryQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<LastCommitted>> lastCommitted() {
        return pool.query("select distinct on (supplier_code) id, supplier_code, created_at, finished_at "
                + "from import.import_run where status = 'committed' "
                + "order by supplier_code, finished_at desc nulls last, id desc").execute()
                .map(rows -> {
                    List<LastCommitted> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new LastCommitted(r.getLong("id"), r.getString("supplier_code"),
                                instant(r, "created_at"), instant(r, "finished_at")));
                    }
                    return out;
                });
    }

    /** Runs created within {@code window} before now, by hour (UTC) and status. */
    public Uni<List<HourStatus>> hourly(Duration window) {
        return pool.preparedQuery("select date_trunc('hour', created_at) as hour, status, count(*) as runs, "
                + "coalesce(sum(rows_staged), 0) as rows_staged, coalesce(sum(rows_error), 0) as rows_error "
                + "from import.import_run where created_at > now() - make_interval(secs => $1) "
                + "group by 1, 2 order by 1, 2").execute(Tuple.of(SqlValues.seconds(window)))
                .map(rows -> {
                    List<HourStatus> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new HourStatus(instant(r, "hour"), r.getString("status"), r.getLong("runs"),
                                r.getLong("rows_staged"), r.getLong("rows_error")));
                    }
                    return out;
                });
    }
}
