package jp.systemgear.ec.importer.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;
import jp.systemgear.ec.importer.client.CatalogClient;
import jp.systemgear.ec.importer.client.CatalogUnavailableException;
import jp.systemgear.ec.importer.client.SupplierDocument;
import jp.systemgear.ec.importer.config.ImportConfig;
import jp.systemgear.ec.importer.service.ImportMetrics;
import jp.systemgear.ec.importer.service.RunWorkers;
import jp.systemgear.ec.importer.service.UploadService;
import jp.systemgear.ec.importer.source.SourceRunStore.QueuedClaim;

/**
 * Turns queued runs (POST /runs, schedules) into received ones, keeping their id: the file is fetched
 * from the supplier's source (DROP_FOLDER: the oldest complete file now; URL: a download) and attached
 * with {@link UploadService#attach}; then the run workers take it like an upload. A supplier whose files
 * come by upload, a folder with nothing complete, a failed download, refused content and a file identical
 * to one already imported (or a 304 answer) end the run 'failed' with FILE_UPLOAD_ERROR and a message
 * saying which. Up to {@code import.sources.fetchers} at once per replica; a queued
 * run is claimed in claimed_by with a heartbeat, so another replica takes it over only when the fetcher
 * went silent for IMPORT_STALE_AFTER.
 */
@ApplicationScoped
public class QueuedRunFetcher {

    private static final Logger LOG = Logger.getLogger(QueuedRunFetcher.class);
    private static final Duration CATALOG_WAIT = Duration.ofSeconds(90);
    private static final Duration ATTACH_WAIT = Duration.ofMinutes(10);

    private final SourceRunStore store;
    private final CatalogClient catalog;
    private final UploadService uploads;
    private final DropFolderScanner drop;
    private final UrlFetcher urls;
    private final ImportMetrics metrics;
    private final ImportConfig config;
    private final String node;
    private final Semaphore slots;
    private final ExecutorService fetchers;
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(r -> daemon(r, "import-fetch-dispatch"));
    private volatile boolean stopping;

    public QueuedRunFetcher(SourceRunStore store, CatalogClient catalog, UploadService uploads, DropFolderScanner drop,
            UrlFetcher urls, ImportMetrics metrics, ImportConfig config, RunWorkers workers) {
        this.store = store;
        this.catalog = catalog;
        this.uploads = uploads;
        this.drop = drop;
        this.urls = urls;
        this.metrics = metrics;
        this.config = config;
        this.node = workers.node();
        int n = Math.max(1, config.sources().fetchers());
        this.slots = new Semaphore(n);
        AtomicInteger count = new AtomicInteger();
        this.fetchers = Executors.newFixedThreadPool(n, r -> daemon(r, "import-fetch-" + count.incrementAndGet()));
    }

    /** A run was queued: look now rather than at the next poll. */
    public void wake() {
        if (!stopping && config.processing().autoStart()) {
            try {
                dispatcher.execute(this::fill);
            } catch (RejectedExecutionException e) {
                // Shutting down.
            }
        }
    }

    @Scheduled(identity = "import-queued-runs", every = "${import.processing.poll-interval}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    void fill() {
        try {
            while (!stopping && slots.tryAcquire()) {
                Optional<QueuedClaim> claim = store.claimQueued(node, config.processing().staleAfter());
                if (claim.isEmpty()) {
                    slots.release();
                    return;
                }
                fetchers.execute(() -> {
                    try {
                        fetch(claim.get());
                    } finally {
                        slots.release();
                        wake();
                    }
                });
            }
        } catch (Exception e) {
            LOG.warnf("Looking for queued runs failed: %s", e.getMessage());
        }
    }

    /** Gets the claimed queued run its file, or ends it failed with the reason. */
    public void fetch(QueuedClaim claim) {
        SupplierDocument supplier;
        try {
            supplier = catalog.supplier(claim.supplierCode()).await().atMost(CATALOG_WAIT);
        } catch (CatalogUnavailableException e) {
            // The claim goes stale and the run is fetched again after IMPORT_STALE_AFTER.
            LOG.warnf("Queued run %d of %s waits: %s", claim.runId(), claim.supplierCode(), e.getMessage());
            return;
        } catch (ApiException e) {
            fail(claim, e.code() == ErrorCode.NOT_FOUND ? "Supplier " + claim.supplierCode()
                    + " is unknown to catalog-service; nothing was fetched" : e.getMessage(), null);
            return;
        } catch (RuntimeException e) {
            LOG.warnf("Queued run %d of %s waits: %s", claim.runId(), claim.supplierCode(), e.getMessage());
            return;
        }
        if (!stillOurs(claim)) {
            return;
        }
        if (!supplier.active()) {
            fail(claim, "Supplier " + supplier.code() + " is inactive; its files are not imported", null);
            return;
        }
        switch (supplier.sourceType().toUpperCase(java.util.Locale.ROOT)) {
            case "DROP_FOLDER" -> fromDropFolder(claim, supplier);
            case "URL" -> fromUrl(claim, supplier);
            default -> fail(claim, "Supplier " + supplier.code() + " sends its files by upload (source "
                    + supplier.sourceType() + "): there is nothing to fetch for a " + claim.source()
                    + " run; upload the file instead", null);
        }
    }

    private void fromDropFolder(QueuedClaim claim, SupplierDocument supplier) {
        Optional<DropFolder.Claimed> taken;
        try {
            taken = drop.takeOldest(supplier);
        } catch (IOException e) {
            fail(claim, "The drop folder of supplier " + supplier.code() + " cannot be read: " + e.getMessage(), null);
            return;
        }
        if (taken.isEmpty()) {
            String folder = drop.folder().folderOf(supplier).map(Path::toString).orElse("(not under INPUT_DIR)");
            fail(claim, "No complete file to import in the drop folder " + folder + " (pattern "
                    + DropFolderPattern.of(supplier) + "); nothing was fetched", null);
            return;
        }
        DropFolder.Claimed file = taken.get();
        if (!stillOurs(claim)) {
            LOG.warnf("Queued run %d of %s was taken over; %s is left for the drop-folder scan", claim.runId(),
                    supplier.code(), file.originalName());
            return;
        }
        Path copy = null;
        long waitFor = claim.runId();
        try {
            copy = drop.stagedCopy(file);
            Path input = copy;
            UploadService.Attached attached = attach(claim, input, file.originalName(), file.originalName());
            if (attached.duplicateOf() != null) {
                waitFor = attached.duplicateOf();
                LOG.infof("Queued run %d of %s: %s has the content run %d already imported; run failed as nothing new",
                        claim.runId(), supplier.code(), file.originalName(), waitFor);
                metrics.runEnded(supplier.code(), "failed");
            } else if (attached.attached()) {
                LOG.infof("Queued run %d of %s received %s from the drop folder", claim.runId(), supplier.code(),
                        file.originalName());
            } else {
                LOG.warnf("Queued run %d of %s was no longer ours; %s is left for the drop-folder scan", claim.runId(),
                        supplier.code(), file.originalName());
                return; // a stale claim: the scan takes the file over as a run of its own
            }
            drop.folder().waitFor(file, waitFor);
        } catch (ApiException e) {
            if (fail(claim, e.getMessage(), file.originalName())) {
                moveAlong(file, claim.runId());
            }
        } catch (Throwable e) {
            LOG.warnf("Queued run %d of %s: %s could not be attached (%s); it is left for the drop-folder scan",
                    claim.runId(), supplier.code(), file.originalName(), e.getMessage());
            fail(claim, "The file " + file.originalName() + " could not be recorded: " + e.getMessage()
                    + "; the drop-folder scan takes it over as a run of its own", file.originalName());
        } finally {
            deleteQuietly(copy);
        }
    }

    private void fromUrl(QueuedClaim claim, SupplierDocument supplier) {
        UrlFetcher.Validators conditional = urls.validators(supplier.code()).filter(this::stillStands).orElse(null);
        UrlFetcher.Fetched fetched;
        try {
            fetched = urls.fetch(supplier, drop.stagingDir(), conditional, () -> {
                try {
                    return store.beat(claim);
                } catch (SQLException e) {
                    return true;
                }
            });
        } catch (UrlFetcher.FetchException e) {
            fail(claim, "The file could not be fetched from the supplier's URL: " + e.getMessage(),
                    supplier.source().url());
            return;
        }
        if (fetched.notModified()) {
            fail(claim, "Nothing new: the supplier's URL answered 304 Not Modified since run " + conditional.runId()
                    + "; this run was not processed", fetched.url());
            return;
        }
        try {
            UploadService.Attached attached = attach(claim, fetched.file(), fetched.fileName(), fetched.url());
            if (attached.duplicateOf() != null) {
                LOG.infof("Queued run %d of %s: the download is identical to run %d's file; run failed as nothing new",
                        claim.runId(), supplier.code(), attached.duplicateOf());
                metrics.runEnded(supplier.code(), "failed");
                urls.remember(supplier.code(), new UrlFetcher.Validators(fetched.url(), fetched.etag(),
                        fetched.lastModified(), attached.duplicateOf()));
            } else if (attached.attached()) {
                LOG.infof("Queued run %d of %s received %d bytes from its URL", claim.runId(), supplier.code(),
                        fetched.size());
                urls.remember(supplier.code(), new UrlFetcher.Validators(fetched.url(), fetched.etag(),
                        fetched.lastModified(), claim.runId()));
            }
        } catch (ApiException e) {
            fail(claim, e.getMessage(), fetched.url());
        } catch (Throwable e) {
            fail(claim, "The downloaded file could not be recorded: " + e.getMessage(), fetched.url());
        } finally {
            deleteQuietly(fetched.file());
        }
    }

    /** Beats the claim's heartbeat; false (logged) when another replica took the run over meanwhile. */
    private boolean stillOurs(QueuedClaim claim) {
        try {
            if (store.beat(claim)) {
                return true;
            }
            LOG.warnf("Queued run %d of %s is no longer this replica's to fetch", claim.runId(), claim.supplierCode());
            return false;
        } catch (SQLException e) {
            return true; // the attach checks the claim again
        }
    }

    /** Validators are sent only while the run they came with stands (not failed, rejected or rolled back). */
    private boolean stillStands(UrlFetcher.Validators v) {
        try {
            String status = store.statuses(List.of(v.runId())).get(v.runId());
            return status != null && !List.of("failed", "rejected", "rolled_back").contains(status);
        } catch (SQLException e) {
            return false;
        }
    }

    private UploadService.Attached attach(QueuedClaim claim, Path file, String name, String sourceRef)
            throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> uploads.attach(claim.runId(), claim.token(),
                claim.supplierCode(), file, name, sourceRef).ifNoItem().after(ATTACH_WAIT).fail());
    }

    private boolean fail(QueuedClaim claim, String message, String sourceRef) {
        try {
            if (store.failQueued(claim, ErrorCode.FILE_UPLOAD_ERROR.name(), message, sourceRef)) {
                metrics.runEnded(claim.supplierCode(), "failed");
                LOG.errorf("FILE_UPLOAD_ERROR: queued run %d of %s failed: %s", claim.runId(), claim.supplierCode(),
                        message);
                return true;
            }
            return false;
        } catch (SQLException e) {
            // The claim goes stale and the run is fetched again.
            LOG.warnf("Queued run %d could not be marked failed: %s", claim.runId(), e.getMessage());
            return false;
        }
    }

    private void moveAlong(DropFolder.Claimed file, long runId) {
        try {
            drop.folder().waitFor(file, runId);
        } catch (IOException e) {
            LOG.warnf("Drop folder: %s could not be set aside for run %d: %s", file.path(), runId, e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debugf("Could not delete %s", file);
            }
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        dispatcher.shutdownNow();
        fetchers.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The glob a DROP_FOLDER supplier's files must match, for messages. */
    static final class DropFolderPattern {
        static String of(SupplierDocument supplier) {
            return supplier.source() == null || supplier.source().filePattern() == null
                    || supplier.source().filePattern().isBlank() ? "*" : supplier.source().filePattern();
        }
    }
}
