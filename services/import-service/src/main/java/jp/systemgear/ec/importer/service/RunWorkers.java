package jp.systemgear.ec.importer.service;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Instant;
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

import jp.systemgear.ec.importer.config.ImportConfig;
import jp.systemgear.ec.importer.repository.RunStore;
import jp.systemgear.ec.importer.repository.RunStore.Claim;

/**
 * The replica's run workers (IMPORT_WORKERS threads: parsing and COPY block) and the dispatcher that
 * fills them: runs just received, runs a silent replica left in a resumable phase, and parsing that was
 * interrupted (parsed again, or failed after too many attempts). Polls every IMPORT_POLL_INTERVAL and is
 * woken at once when a file arrives on this replica.
 */
@ApplicationScoped
public class RunWorkers {

    private static final Logger LOG = Logger.getLogger(RunWorkers.class);

    private final RunStore store;
    private final FileStore files;
    private final RunProcessor processor;
    private final ImportMetrics metrics;
    private final ImportConfig config;
    private final String node;
    private final Semaphore slots;
    private final ExecutorService workers;
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(r -> daemon(r, "import-dispatch"));
    private volatile Instant nextRecovery = Instant.EPOCH;
    private volatile boolean stopping;

    public RunWorkers(RunStore store, RunProcessor processor, ImportMetrics metrics, ImportConfig config,
            FileStore files) {
        this.store = store;
        this.files = files;
        this.processor = processor;
        this.metrics = metrics;
        this.config = config;
        this.node = nodeName();
        int n = Math.max(1, config.processing().workers());
        this.slots = new Semaphore(n);
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(n, r -> daemon(r, "import-run-" + count.incrementAndGet()));
    }

    public String node() {
        return node;
    }

    /** A file arrived or a run was approved: look for work now rather than at the next poll. */
    public void wake() {
        if (!stopping && config.processing().autoStart()) {
            try {
                dispatcher.execute(this::fill);
            } catch (RejectedExecutionException e) {
                // Shutting down.
            }
        }
    }

    /** Runs a run a person decided to apply (approve, or apply a dry run) on a worker, outside the slots. */
    public void submit(Claim claim) {
        workers.execute(() -> processor.process(claim));
    }

    @Scheduled(every = "${import.processing.poll-interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (config.processing().autoStart()) {
            wake();
        }
    }

    /** Claims as many runs as there are free workers. Runs on the dispatcher thread only. */
    void fill() {
        try {
            recoverInterruptedParsing();
            while (!stopping && slots.tryAcquire()) {
                Optional<Claim> claim = store.claimStale(node, config.processing().staleAfter());
                if (claim.isEmpty()) {
                    claim = store.claimNextReceived(node);
                }
                if (claim.isEmpty()) {
                    slots.release();
                    return;
                }
                Claim c = claim.get();
                LOG.infof("Run %d of %s claimed in state %s (attempt %d) by %s", c.runId(), c.supplierCode(),
                        c.status(), c.attempts(), node);
                workers.execute(() -> {
                    try {
                        processor.process(c);
                    } finally {
                        slots.release();
                        wake();
                    }
                });
            }
        } catch (Exception e) {
            LOG.warnf("Looking for import work failed: %s", e.getMessage());
        }
    }

    private void recoverInterruptedParsing() throws java.sql.SQLException {
        Instant now = Instant.now();
        if (now.isBefore(nextRecovery)) {
            return;
        }
        nextRecovery = now.plus(config.processing().staleAfter().dividedBy(4));
        List<Long> failed = store.requeueStaleParsing(config.processing().staleAfter(),
                config.processing().maxAttempts());
        failed.addAll(store.settleStaleReceiving(config.processing().staleAfter(),
                id -> java.nio.file.Files.exists(files.runFile(id))));
        for (Long id : failed) {
            metrics.runEnded("unknown", "failed");
            LOG.errorf("BATCH_PROCESS_ERROR: run %d failed: interrupted (see its error message)", id);
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        dispatcher.shutdownNow();
        // Running runs are interrupted; their claims go stale and another replica (or this one after a
        // restart) resumes them: parsing from the start, applying by asking catalog again.
        workers.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static String nodeName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                host = "localhost";
            }
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
