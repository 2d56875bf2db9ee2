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

    /** How the run goes on: a dry run stops at the diff; a partial run is a corrected error file. */
    public record Options(ImportRun.Source source, boolean dryRun, boolean partial, String sourceRef) {

        public static Options upload(boolean dryRun, boolean partial) {
            return new Options(ImportRun.Source.upload, dryRun, partial, null);
        }
    }

    private final FileStore files;
    private final ImportRunRepository runs;
    private final Vertx vertx;
    private final RunWorkers workers;

    public UploadService(FileStore files, ImportRunRepository runs, Vertx vertx, RunWorkers workers) {
        this.files = files;
        this.runs = runs;
        this.vertx = vertx;
        this.workers = workers;
    }

    public Uni<Received> receive(String supplierCode, Path uploaded, String clientFileName, String user) {
        return receive(supplierCode, uploaded, clientFileName, user, Options.upload(false, false));
    }

    /**
     * The run is recorded as 'receiving' while its file is put in place, and becomes 'received' (and is
     * picked up) only once the file is there.
     */
    public Uni<Received> receive(String supplierCode, Path uploaded, String clientFileName, String user,
            Options options) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> files.accept(uploaded, clientFileName, supplierCode)))
                .chain(stored -> existing(supplierCode, stored.sha256()).chain(found -> {
                    if (found != null) {
                        return vertx.executeBlocking(Uni.createFrom().item(() -> {
                            files.discard(stored);
                            return new Received(found, true);
                        }));
                    }
                    return record(supplierCode, stored, clientFileName, user, options)
                            .call(run -> vertx.executeBlocking(Uni.createFrom().item(() -> files.assign(stored, run.id))))
                            .call(run -> markReceived(run))
                            .invoke(run -> workers.wake())
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
        return runs.find("supplierCode = ?1 and fileSha256 = ?2 and status not in (?3, ?4, ?5)", supplierCode, sha256,
                ImportRun.Status.failed, ImportRun.Status.rejected, ImportRun.Status.rolled_back).firstResult();
    }

    @WithTransaction
    Uni<ImportRun> markReceived(ImportRun run) {
        run.status = ImportRun.Status.received;
        return runs.update("status = ?1 where id = ?2 and status = ?3", ImportRun.Status.received, run.id,
                ImportRun.Status.receiving).replaceWith(run);
    }

    @WithTransaction
    Uni<ImportRun> record(String supplierCode, StoredFile stored, String clientFileName, String user, Options options) {
        ImportRun run = new ImportRun();
        run.supplierCode = supplierCode;
        run.source = options.source();
        run.status = ImportRun.Status.receiving;
        run.dryRun = options.dryRun();
        run.partial = options.partial();
        run.sourceRef = options.sourceRef();
        run.requestedBy = user;
        run.fileName = clientFileName == null ? null : Path.of(clientFileName).getFileName().toString();
        run.fileSha256 = stored.sha256();
        run.fileSize = stored.size();
        return runs.persistAndFlush(run);
    }
}
