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

    /**
     * How the run goes on: a dry run stops at the diff; a partial run is a corrected error file; with
     * {@code createProducts} catalog creates the products the file names that it does not have yet.
     */
    public record Options(ImportRun.Source source, boolean dryRun, boolean partial, boolean createProducts,
            String sourceRef) {

        /** Files that arrive by themselves (drop folder): no product creation, which a person asks for. */
        public Options(ImportRun.Source source, boolean dryRun, boolean partial, String sourceRef) {
            this(source, dryRun, partial, false, sourceRef);
        }

        public static Options upload(boolean dryRun, boolean partial, boolean createProducts) {
            return new Options(ImportRun.Source.upload, dryRun, partial, createProducts, null);
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

    /**
     * The run is recorded as 'receiving' while its file is put in place, and becomes 'received' (and is
     * picked up) only once the file is there.
     */
    public Uni<Received> receive(String supplierCode, Path uploaded, String clientFileName, String user,
            Options options) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> files.accept(uploaded, clientFileName, supplierCode)))
                .chain(stored -> existing(supplierCode, stored.sha256(), options.createProducts()).chain(found -> {
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

    /**
     * What became of a queued run given a file: {@code attached} (now 'received', picked up by the
     * workers), {@code duplicateOf} (the same content was imported already by that run: the queued run is
     * failed naming it and the file discarded), or neither (the run was no longer queued under this claim).
     */
    public record Attached(boolean attached, Long duplicateOf) {
    }

    /**
     * Gives a queued run (a trigger or a schedule, claimed by {@code claimedBy} while its file was fetched)
     * its file: same checks as {@link #receive} (content type, SHA-256), then in one transaction the run
     * becomes 'received' with the file's name, hash and size and the file is put at its run's place, so the
     * workers never see a received run without its file. The run keeps its id. Refused content fails with
     * FILE_UPLOAD_ERROR (the caller fails the run).
     */
    public Uni<Attached> attach(long runId, String claimedBy, String supplierCode, Path fetched, String fileName,
            String sourceRef) {
        String name = fileName == null ? null : Path.of(fileName).getFileName().toString();
        return vertx.executeBlocking(Uni.createFrom().item(() -> files.accept(fetched, name, supplierCode)))
                .chain(stored -> existing(supplierCode, stored.sha256(), false).chain(found -> {
                    if (found != null) {
                        return failDuplicate(runId, claimedBy, stored, name, sourceRef, found.id)
                                .call(updated -> discard(stored))
                                .map(updated -> new Attached(false, updated ? found.id : null));
                    }
                    return attachStored(runId, claimedBy, stored, name, sourceRef)
                            .call(ok -> ok ? Uni.createFrom().item(true) : discard(stored))
                            .invoke(ok -> {
                                if (ok) {
                                    workers.wake();
                                }
                            })
                            .map(ok -> new Attached(ok, null))
                            .onFailure().call(failure -> discard(stored));
                }));
    }

    private Uni<Boolean> discard(StoredFile stored) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            files.discard(stored);
            return true;
        }));
    }

    @WithTransaction
    Uni<Boolean> attachStored(long runId, String claimedBy, StoredFile stored, String name, String sourceRef) {
        return runs.update("status = ?1, fileName = ?2, fileSha256 = ?3, fileSize = ?4, sourceRef = ?5, "
                + "claimedBy = null, heartbeatAt = null where id = ?6 and status = ?7 and claimedBy = ?8",
                ImportRun.Status.received, name, stored.sha256(), stored.size(), sourceRef, runId,
                ImportRun.Status.queued, claimedBy)
                // The row stays locked until commit: the file is in place before any worker can see the run.
                .chain(n -> n == 1
                        ? vertx.executeBlocking(Uni.createFrom().item(() -> files.assign(stored, runId))).replaceWith(true)
                        : Uni.createFrom().item(false));
    }

    @WithTransaction
    Uni<Boolean> failDuplicate(long runId, String claimedBy, StoredFile stored, String name, String sourceRef,
            long existingRunId) {
        return runs.update("status = ?1, fileName = ?2, fileSha256 = ?3, fileSize = ?4, sourceRef = ?5, "
                + "claimedBy = null, heartbeatAt = null, errorCode = ?6, errorMessage = ?7, finishedAt = ?8 "
                + "where id = ?9 and status = ?10 and claimedBy = ?11",
                ImportRun.Status.failed, name, stored.sha256(), stored.size(), sourceRef, "FILE_UPLOAD_ERROR",
                "Nothing new: the file fetched is identical (SHA-256) to the one run " + existingRunId
                        + " already imported; this run was not processed",
                java.time.Instant.now(), runId, ImportRun.Status.queued, claimedBy).map(n -> n == 1);
    }

    /**
     * The run that already imports this content, if any. {@code createProducts}: only a run that creates
     * products counts; the same file sent again to create its products is a new request, not a resend.
     */
    @WithSession
    Uni<ImportRun> existing(String supplierCode, String sha256, boolean createProducts) {
        return runs.find("supplierCode = ?1 and fileSha256 = ?2 and status not in (?3, ?4, ?5) "
                + "and (createProducts = true or ?6 = false) order by id desc", supplierCode, sha256,
                ImportRun.Status.failed, ImportRun.Status.rejected, ImportRun.Status.rolled_back, createProducts)
                .firstResult();
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
        run.createProducts = options.createProducts();
        run.sourceRef = options.sourceRef();
        run.requestedBy = user;
        run.fileName = clientFileName == null ? null : Path.of(clientFileName).getFileName().toString();
        run.fileSha256 = stored.sha256();
        run.fileSize = stored.size();
        return runs.persistAndFlush(run);
    }
}
