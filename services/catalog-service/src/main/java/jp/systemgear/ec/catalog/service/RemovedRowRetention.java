package jp.systemgear.ec.catalog.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import jp.systemgear.ec.catalog.config.CatalogConfig;
import jp.systemgear.ec.common.db.SqlValues;

/**
 * Prunes removal tombstones older than CATALOG_REMOVED_ROW_RETENTION and moves the horizon that
 * export-service compares cursors with (V8). One statement: every replica may run it at the same time
 * (a tombstone is deleted once, the horizon only moves forward).
 */
@ApplicationScoped
public class RemovedRowRetention {

    private static final Logger LOG = Logger.getLogger(RemovedRowRetention.class);

    static final String PRUNE = """
            with pruned as (
                delete from catalog.removed_row where removed_at < now() - make_interval(secs => $1)
                returning change_xid
            ), newest as (
                -- max() has no xid8 form before PostgreSQL 15: the order does.
                select (select change_xid from pruned order by change_xid desc limit 1) as xid,
                       (select count(*) from pruned) as n
            )
            update catalog.removed_row_horizon h
               set pruned_through = greatest(h.pruned_through, newest.xid), pruned_at = now()
              from newest
             where newest.n > 0
            returning (select n from newest)""";

    private final Pool pool;
    private final CatalogConfig config;

    public RemovedRowRetention(Pool pool, CatalogConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @Scheduled(identity = "catalog-removed-row-retention", every = "1h", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return prune().onFailure().invoke(failure -> LOG.errorf(failure, "Removal tombstones could not be pruned"))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Prunes the tombstones past the retention; emits how many went. */
    public Uni<Long> prune() {
        Duration retention = config.removedRows().retention();
        return pool.preparedQuery(PRUNE).execute(Tuple.of(SqlValues.seconds(retention)))
                .map(rows -> rows.size() == 0 ? 0L : rows.iterator().next().getLong(0))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("Pruned %d removal tombstones older than %s; incremental export cursors from "
                                + "before them now take a full export", n, retention);
                    }
                });
    }
}
