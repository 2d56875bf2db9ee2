package jp.systemgear.ec.importer.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import jp.systemgear.ec.importer.repository.RunStore;
import jp.systemgear.ec.importer.repository.RunStore.Claim;

/**
 * The runs this replica is working on, with live counts, and their heartbeat: once a second each run's
 * counts and {@code heartbeat_at} are written, which is how the SPA's progress (read from the database by
 * any replica) and the take-over of a silent replica's runs both work. A lost claim is flagged for the
 * worker to stop.
 */
@ApplicationScoped
public class RunProgress {

    private static final Logger LOG = Logger.getLogger(RunProgress.class);

    /** Written by one worker thread, read by the heartbeat. */
    public static final class Live {
        final Claim claim;
        volatile long rowsRead;
        volatile long rowsError;
        volatile boolean applying;
        volatile boolean lost;

        Live(Claim claim) {
            this.claim = claim;
        }
    }

    private final RunStore store;
    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "import-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public RunProgress(RunStore store) {
        this.store = store;
        beats.scheduleWithFixedDelay(this::beat, 1, 1, TimeUnit.SECONDS);
    }

    Live start(Claim claim) {
        Live l = new Live(claim);
        live.put(claim.runId(), l);
        return l;
    }

    void applying(long runId) {
        Live l = live.get(runId);
        if (l != null) {
            l.applying = true;
        }
    }

    void finish(long runId) {
        live.remove(runId);
    }

    private void beat() {
        for (Live l : live.values()) {
            try {
                if (!store.beat(l.claim, l.rowsRead, l.rowsError)) {
                    l.lost = true;
                }
            } catch (Exception e) {
                // A missed beat is harmless; many in a row make the run stale, and another replica takes it.
                LOG.debugf("Heartbeat of run %d failed: %s", l.claim.runId(), e.getMessage());
            }
        }
    }

    @PreDestroy
    void stop() {
        beats.shutdownNow();
    }
}
