package jp.systemgear.ec.importer.service;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import jp.systemgear.ec.importer.domain.ImportRun;
import jp.systemgear.ec.importer.repository.ImportRunRepository;

/**
 * Turns an uploaded file into a run: stored and hashed on a worker thread, then recorded. The same
 * file sent again for the same supplier returns the run it already has.
 */
@ApplicationScoped
public class UploadService {

    /** The run and whether it already existed for this very file. */
    public record Received(ImportRun run, boolean duplicate) {
    }

    private final FileStore files;
    private final ImportRunRepository runs;
    private final Vertx vertx;

    public UploadService(FileStore files, ImportRunRepository runs, Vertx vertx) {
        this.files = files;
        this.runs = runs;
        this.vertx = vertx;
    }

    public Uni<Received> receive(String supplierCode, Path uploaded, String clientFileName, String user) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> files.accept(uploaded, clientFileName, supplierCode)))
                .chain(stored -> existing(supplierCode, stored.sha256()).chain(found -> {
                    if (found != null) {
                        return vertx.executeBlocking(Uni.createFrom().item(() -> {
                            files.discard(stored);
                            return new Received(found, true);
                        }));
                    }
                    return record(supplierCode, stored, clientFileName, user)
                            .call(run -> vertx.executeBlocking(Uni.createFrom().item(() -> files.assign(stored, run.id))))
                            .map(run -> new Received(run, false))
                            // A file whose run could not be recorded must not linger in the store.
                            .onFailure().call(failure -> vertx.executeBlocking(Uni.createFrom().item(() -> {
                                files.discard(stored);
                                return true;
                            })));
                }));
    }

    @WithSession
    Uni<ImportRun> existing(String supplierCode, String sha256) {
        return runs.find("supplierCode = ?1 and fileSha256 = ?2 and status not in (?3, ?4)", supplierCode, sha256,
                ImportRun.Status.failed, ImportRun.Status.rejected).firstResult();
    }

    @WithTransaction
    Uni<ImportRun> record(String supplierCode, StoredFile stored, String clientFileName, String user) {
        ImportRun run = new ImportRun();
        run.supplierCode = supplierCode;
        run.source = ImportRun.Source.upload;
        run.status = ImportRun.Status.received;
        run.requestedBy = user;
        run.fileName = clientFileName == null ? null : Path.of(clientFileName).getFileName().toString();
        run.fileSha256 = stored.sha256();
        run.fileSize = stored.size();
        return runs.persistAndFlush(run);
    }
}
