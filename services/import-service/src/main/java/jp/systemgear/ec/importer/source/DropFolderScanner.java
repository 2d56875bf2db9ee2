package jp.systemgear.ec.importer.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;
import jp.systemgear.ec.importer.client.CatalogClient;
import jp.systemgear.ec.importer.client.SupplierDocument;
import jp.systemgear.ec.importer.config.ImportConfig;
import jp.systemgear.ec.importer.domain.ImportRun;
import jp.systemgear.ec.importer.service.UploadService;

/**
 * The drop folder's schedule (IMPORT_DROP_SCAN, every replica): moves the files of ended runs to
 * PROCESSED_DIR or ERROR_DIR, takes over claims a dead replica left, and turns every complete file of each
 * active DROP_FOLDER supplier into a run through {@link UploadService} (source drop_folder, sourceRef the
 * file's name). Blocking file I/O on the scheduler's worker thread.
 */
@ApplicationScoped
public class DropFolderScanner {

    private static final Logger LOG = Logger.getLogger(DropFolderScanner.class);
    static final String ACTOR = "drop-folder";
    private static final Duration WAIT = Duration.ofMinutes(2);

    /** What one scan did: runs created (or found: duplicates) and files moved to their final folder. */
    public record ScanReport(List<Long> runs, List<Path> finished) {
    }

    private final ImportConfig config;
    private final CatalogClient catalog;
    private final UploadService uploads;
    private final SourceRunStore store;
    private final DropFolder folder;

    public DropFolderScanner(ImportConfig config, CatalogClient catalog, UploadService uploads, SourceRunStore store) {
        this.config = config;
        this.catalog = catalog;
        this.uploads = uploads;
        this.store = store;
        this.folder = newView();
    }

    /** This replica's view of INPUT_DIR. Tests make a second one to play another replica. */
    public DropFolder newView() {
        return new DropFolder(Path.of(config.dirs().input()), Path.of(config.dirs().processed()),
                Path.of(config.dirs().error()), config.sources().dropSettle(), Clock.systemUTC());
    }

    public DropFolder folder() {
        return folder;
    }

    @Scheduled(identity = "import-drop-scan", every = "${import.sources.drop-scan}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledScan() {
        if (config.processing().autoStart()) {
            scan(folder);
        }
    }

    public ScanReport scan() {
        return scan(folder);
    }

    /** One scan; files not yet complete at the first look are looked at again IMPORT_DROP_SETTLE later. */
    public ScanReport scan(DropFolder view) {
        List<Long> runs = new ArrayList<>();
        List<Path> finished = new ArrayList<>(finishEnded(view));
        List<SupplierDocument> suppliers;
        try {
            suppliers = catalog.activeSuppliers().await().atMost(WAIT).stream()
                    .filter(s -> "DROP_FOLDER".equalsIgnoreCase(s.sourceType())).toList();
        } catch (RuntimeException e) {
            LOG.warnf("Drop folder scan: the suppliers could not be read from catalog-service: %s", e.getMessage());
            return new ScanReport(runs, finished);
        }
        try {
            for (DropFolder.Claimed claimed : view.reclaimStale(config.processing().staleAfter())) {
                take(view, claimed).ifPresent(runs::add);
            }
        } catch (IOException e) {
            LOG.warnf("Drop folder: stale claims could not be read: %s", e.getMessage());
        }
        Map<SupplierDocument, List<Path>> ready = new LinkedHashMap<>();
        boolean pending = false;
        for (SupplierDocument supplier : suppliers) {
            ready.put(supplier, new ArrayList<>(view.complete(supplier)));
            pending |= view.hasPending(supplier);
        }
        if (pending && view.settle().compareTo(config.sources().dropScan()) < 0) {
            sleep(view.settle());
            for (SupplierDocument supplier : suppliers) {
                for (Path file : view.complete(supplier)) {
                    if (!ready.get(supplier).contains(file)) {
                        ready.get(supplier).add(file);
                    }
                }
            }
        }
        ready.forEach((supplier, files) -> {
            for (Path file : files) {
                try {
                    Optional<DropFolder.Claimed> claimed = view.claim(supplier.code(), file);
                    if (claimed.isEmpty()) {
                        LOG.debugf("Drop folder: %s was taken by another replica", file);
                        continue;
                    }
                    take(view, claimed.get()).ifPresent(runs::add);
                } catch (IOException e) {
                    LOG.warnf("Drop folder: %s could not be claimed: %s", file, e.getMessage());
                }
            }
        });
        return new ScanReport(runs, finished);
    }

    /**
     * For a queued run (trigger, schedule): claims the oldest complete file of the supplier now, looking
     * twice IMPORT_DROP_SETTLE apart if needed. Empty when there is none.
     */
    public Optional<DropFolder.Claimed> takeOldest(SupplierDocument supplier) throws IOException {
        List<Path> ready = folder.complete(supplier);
        if (ready.isEmpty() && folder.hasPending(supplier)) {
            sleep(folder.settle());
            ready = folder.complete(supplier);
        }
        for (Path file : ready) {
            Optional<DropFolder.Claimed> claimed = folder.claim(supplier.code(), file);
            if (claimed.isPresent()) {
                return claimed;
            }
        }
        return Optional.empty();
    }

    /** The folder where claimed files are linked or copied for UploadService (it moves what it is given). */
    Path stagingDir() {
        return Path.of(config.dirs().upload(), "fetch");
    }

    /** Records a claimed file as a run; it then waits in the claim folder for the run to end. */
    private Optional<Long> take(DropFolder view, DropFolder.Claimed claimed) {
        Path copy = null;
        try {
            copy = DropFolder.stagedCopy(claimed.path(), stagingDir());
            Path input = copy;
            UploadService.Received received;
            try {
                received = VertxContextSupport.subscribeAndAwait(() -> uploads.receive(claimed.supplierCode(), input,
                        claimed.originalName(), ACTOR, new UploadService.Options(ImportRun.Source.drop_folder, false,
                                false, claimed.originalName())));
            } catch (ApiException e) {
                if (e.code() != ErrorCode.FILE_UPLOAD_ERROR) {
                    throw e;
                }
                long id = store.recordRefused(claimed.supplierCode(), ImportRun.Source.drop_folder.name(), ACTOR,
                        claimed.originalName(), claimed.originalName(), e.code().name(), e.getMessage());
                LOG.errorf("FILE_UPLOAD_ERROR: drop folder file %s of %s refused (run %d): %s", claimed.originalName(),
                        claimed.supplierCode(), id, e.getMessage());
                view.waitFor(claimed, id);
                return Optional.of(id);
            }
            long id = received.run().id;
            view.waitFor(claimed, id);
            if (received.duplicate()) {
                LOG.infof("Drop folder: %s of %s has the content run %d already imported; not imported again",
                        claimed.originalName(), claimed.supplierCode(), id);
            } else {
                LOG.infof("Drop folder: %s of %s received as run %d", claimed.originalName(), claimed.supplierCode(),
                        id);
            }
            return Optional.of(id);
        } catch (Throwable e) {
            // The claim stays; after IMPORT_STALE_AFTER a replica takes it over (a retry that the SHA-256
            // dedupe makes safe).
            LOG.warnf("Drop folder: %s of %s could not be recorded yet: %s", claimed.originalName(),
                    claimed.supplierCode(), e.getMessage());
            return Optional.empty();
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    LOG.debugf("Could not delete %s", copy);
                }
            }
        }
    }

    /** Moves the claimed files whose runs ended: committed to PROCESSED_DIR, anything else to ERROR_DIR. */
    public List<Path> finishEnded(DropFolder view) {
        List<Path> moved = new ArrayList<>();
        try {
            List<DropFolder.Waiting> waiting = view.waiting();
            if (waiting.isEmpty()) {
                return moved;
            }
            Map<Long, String> statuses = store.statuses(waiting.stream().map(DropFolder.Waiting::runId).toList());
            for (DropFolder.Waiting file : waiting) {
                String status = statuses.get(file.runId());
                if (status != null && !SourceRunStore.ended(status)) {
                    continue;
                }
                boolean ok = "committed".equals(status) || "rolled_back".equals(status);
                try {
                    Path target = view.finish(file, ok);
                    moved.add(target);
                    LOG.infof("Drop folder: run %d %s; its file is now %s", file.runId(),
                            status == null ? "is gone" : status, target);
                } catch (java.nio.file.NoSuchFileException e) {
                    // Another replica moved it.
                }
            }
        } catch (Exception e) {
            LOG.warnf("Drop folder: finished files could not be moved yet: %s", e.getMessage());
        }
        return moved;
    }

    /** Links the claimed file for a queued run; see {@link QueuedRunFetcher}. */
    Path stagedCopy(DropFolder.Claimed claimed) throws IOException {
        return DropFolder.stagedCopy(claimed.path(), stagingDir());
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis() + 50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
