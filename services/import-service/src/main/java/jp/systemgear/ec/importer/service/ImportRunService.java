package jp.systemgear.ec.importer.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.importer.domain.ImportRun;
import jp.systemgear.ec.importer.repository.ImportRunRepository;

@ApplicationScoped
public class ImportRunService {

    private final ImportRunRepository runs;

    public ImportRunService(ImportRunRepository runs) {
        this.runs = runs;
    }

    @WithSession
    public Uni<List<ImportRun>> search(String supplierCode, ImportRun.Status status, int limit) {
        return runs.search(supplierCode, status, limit);
    }

    @WithSession
    public Uni<ImportRun> get(long id) {
        return runs.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("Import run", id));
    }

    /**
     * Records a requested run as queued. A repeated request with the same idempotency key (a
     * CronJob retry, a double click) hits the unique key and is answered CONFLICT, never run twice.
     */
    @WithTransaction
    public Uni<ImportRun> request(String supplierCode, ImportRun.Source source, String idempotencyKey,
            String requestedBy) {
        ImportRun run = new ImportRun();
        run.supplierCode = supplierCode;
        run.source = source;
        run.idempotencyKey = idempotencyKey;
        run.requestedBy = requestedBy;
        return runs.persistAndFlush(run);
    }
}
