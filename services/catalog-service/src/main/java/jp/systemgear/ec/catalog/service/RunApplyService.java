package jp.systemgear.ec.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.catalog.repository.RunApplyRepository;
import jp.systemgear.ec.catalog.rest.AppliedRunView;
import jp.systemgear.ec.common.error.ApiException;

/** The apply step of an import run and its undo; cached availability ends with either. */
@ApplicationScoped
public class RunApplyService {

    private static final Logger LOG = Logger.getLogger(RunApplyService.class);

    private final RunApplyRepository runs;
    private final HotCache cache;

    public RunApplyService(RunApplyRepository runs, HotCache cache) {
        this.runs = runs;
        this.cache = cache;
    }

    public Uni<AppliedRunView> apply(long runId, String user, boolean partial, boolean createProducts) {
        return runs.apply(runId, user, partial, createProducts)
                .call(run -> run.alreadyApplied() ? Uni.createFrom().voidItem() : invalidate(run))
                .invoke(run -> LOG.infof("Run %d of %s %s: %d matched, %d changed, %d unchanged, %d missing, "
                        + "%d unknown SKU, %d products created", run.runId(), run.supplierCode(),
                        run.alreadyApplied() ? "was already applied" : "applied", run.rowsMatched(), run.rowsChanged(),
                        run.rowsUnchanged(), run.rowsMissing(), run.rowsUnknownSku(), run.productsCreated()));
    }

    /** New products end compiled rules too, as a product change does: their JANs feed JAN rules' index. */
    private Uni<Void> invalidate(AppliedRunView run) {
        Uni<Void> rules = run.productsCreated() > 0 ? cache.invalidate(HotCache.RULES) : Uni.createFrom().voidItem();
        return rules.chain(() -> cache.invalidate(HotCache.AVAILABILITY));
    }

    public Uni<AppliedRunView> undo(long runId, String user) {
        return runs.undo(runId, user).call(run -> cache.invalidate(HotCache.AVAILABILITY))
                .invoke(run -> LOG.infof("Run %d of %s undone", run.runId(), run.supplierCode()));
    }

    public Uni<AppliedRunView> get(long runId) {
        return runs.find(runId).onItem().ifNull().failWith(() -> ApiException.notFound("Applied run", runId));
    }
}
