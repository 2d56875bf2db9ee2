package jp.systemgear.ec.importer.service;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;
import jp.systemgear.ec.importer.client.CatalogClient;
import jp.systemgear.ec.importer.domain.ImportRun;
import jp.systemgear.ec.importer.repository.ImportRunRepository;
import jp.systemgear.ec.importer.repository.RunStore;

/**
 * What operators decide about a run: apply one the guard held (or a dry run), reject it, or roll back a
 * committed run through catalog's undo.
 */
@ApplicationScoped
public class RunDecisionService {

    private static final Logger LOG = Logger.getLogger(RunDecisionService.class);

    private final RunStore store;
    private final RunWorkers workers;
    private final ImportRunRepository runs;
    private final CatalogClient catalog;
    private final ImportMetrics metrics;
    private final ObjectMapper json;
    private final Vertx vertx;

    public RunDecisionService(RunStore store, RunWorkers workers, ImportRunRepository runs, CatalogClient catalog,
            ImportMetrics metrics, ObjectMapper json, Vertx vertx) {
        this.store = store;
        this.workers = workers;
        this.runs = runs;
        this.catalog = catalog;
        this.metrics = metrics;
        this.json = json;
        this.vertx = vertx;
    }

    /** Held or dry run → applying, on this replica's workers; answers the run as it is now. */
    public Uni<ImportRun> approve(long runId, String user) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                return store.decideApply(runId, user, workers.node());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        })).chain(claim -> {
            if (claim.isEmpty()) {
                return notWaiting(runId);
            }
            LOG.infof("Run %d of %s approved by %s", runId, claim.get().supplierCode(), user);
            workers.submit(claim.get());
            return get(runId);
        });
    }

    /** Held or dry run → rejected: nothing is applied, the staged rows go, the row errors stay. */
    public Uni<ImportRun> reject(long runId, String user) {
        return markRejected(runId, user).chain(changed -> {
            if (changed == 0) {
                return notWaiting(runId);
            }
            LOG.infof("Run %d rejected by %s", runId, user);
            return get(runId).invoke(run -> metrics.runEnded(run.supplierCode, "rejected"));
        });
    }

    @WithTransaction
    Uni<Integer> markRejected(long runId, String user) {
        return runs.update("status = ?1, decidedBy = ?2, decidedAt = current_timestamp, finishedAt = current_timestamp "
                + "where id = ?3 and (status = ?4 or (status = ?5 and dryRun = true))", ImportRun.Status.rejected, user,
                runId, ImportRun.Status.held, ImportRun.Status.staged)
                .call(n -> n == 0 ? Uni.createFrom().voidItem()
                        : runs.getSession().chain(s -> s.createNativeQuery(
                                "delete from import.chukan_file_tanka where run_id = :id").setParameter("id", runId)
                                .executeUpdate()));
    }

    /** Committed → rolled back through catalog's undo (refused while a later run of the supplier stands). */
    public Uni<ImportRun> rollback(long runId, String user) {
        return get(runId).chain(run -> {
            if (run.status != ImportRun.Status.committed) {
                throw new ApiException(ErrorCode.CONFLICT, "Run " + runId + " is " + run.status
                        + "; only a committed run can be rolled back");
            }
            return catalog.undo(runId, user).chain(undone -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> record = json.convertValue(undone, LinkedHashMap.class);
                return markRolledBack(runId, user, record);
            }).invoke(r -> {
                metrics.runEnded(r.supplierCode, "rolled_back");
                LOG.infof("Run %d of %s rolled back by %s", runId, r.supplierCode, user);
            });
        });
    }

    @WithTransaction
    Uni<ImportRun> markRolledBack(long runId, String user, Map<String, Object> undone) {
        return runs.findById(runId).invoke(run -> {
            run.status = ImportRun.Status.rolled_back;
            run.applied = undone;
            run.decidedBy = user;
            run.decidedAt = java.time.Instant.now();
        });
    }

    @WithSession
    Uni<ImportRun> get(long runId) {
        return runs.findById(runId).onItem().ifNull().failWith(() -> ApiException.notFound("Import run", runId));
    }

    private Uni<ImportRun> notWaiting(long runId) {
        return get(runId).map(run -> {
            throw new ApiException(ErrorCode.CONFLICT, "Run " + runId + " is " + run.status
                    + (run.status == ImportRun.Status.staged && !run.dryRun ? " (being processed)" : "")
                    + "; only a held run or a staged dry run waits for a decision");
        });
    }
}
