package jp.systemgear.ec.importer.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;

import jp.systemgear.ec.importer.repository.RunStore;

/**
 * What SREs watch (names in docs/OPERATIONS.md; the chart's alerts and dashboard use them): runs by
 * supplier and outcome, rows by outcome, phase durations, and per supplier the time of the last
 * committed run and the runs waiting. The last two are read from the database, so every replica reports
 * the same values and a restart loses nothing.
 */
@ApplicationScoped
public class ImportMetrics {

    private static final Logger LOG = Logger.getLogger(ImportMetrics.class);

    private final MeterRegistry registry;
    private final RunStore store;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> inProgress = new ConcurrentHashMap<>();
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public ImportMetrics(MeterRegistry registry, RunStore store) {
        this.registry = registry;
        this.store = store;
        for (String status : new String[] { "received", "parsing", "staged", "held", "applying" }) {
            AtomicLong value = new AtomicLong();
            inProgress.put(status, value);
            Gauge.builder("import.runs.in.progress", value, AtomicLong::get).tag("status", status)
                    .description("Runs in each unfinished state (held runs wait for an operator)").register(registry);
        }
        // Each phase's timer exists from the start (count 0), for the dashboard and its rate() queries.
        for (String phase : new String[] { "parse", "guard", "apply" }) {
            phaseTimer(phase);
        }
    }

    private Timer phaseTimer(String phase) {
        return Timer.builder("import.phase").tag("phase", phase).description("Duration of each run phase")
                .register(registry);
    }

    static final List<String> RUN_OUTCOMES = List.of("committed", "failed", "held", "rejected", "rolled_back");
    static final List<String> ROW_OUTCOMES = List.of("staged", "unmatched", "excluded", "error");

    public void runEnded(String supplier, String outcome) {
        runs(supplier, outcome).increment();
    }

    public void rows(String supplier, String outcome, long count) {
        if (count > 0) {
            rows(supplier, outcome).increment(count);
        }
    }

    private Counter runs(String supplier, String outcome) {
        return Counter.builder("import.runs").tag("supplier", supplier).tag("outcome", outcome)
                .description("Import runs by supplier and outcome").register(registry);
    }

    private Counter rows(String supplier, String outcome) {
        return Counter.builder("import.rows").tag("supplier", supplier).tag("outcome", outcome)
                .description("Rows read by outcome: staged, unmatched, excluded, error").register(registry);
    }

    /**
     * Every supplier's counters exist from the start at 0, so the first failure is an increase that
     * alerts see (a series born at 1 is not), and dashboards show the supplier before its first run.
     */
    private void initialise(String supplier) {
        if (known.add(supplier)) {
            RUN_OUTCOMES.forEach(outcome -> runs(supplier, outcome));
            ROW_OUTCOMES.forEach(outcome -> rows(supplier, outcome));
        }
    }

    public void phase(String phase, Duration took) {
        phaseTimer(phase).record(took);
    }

    /** Reads freshness and the waiting runs from the database (cheap: two index scans). */
    @Scheduled(every = "15s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try (Connection c = store.connection()) {
            try (PreparedStatement st = c.prepareStatement("select supplier_code, extract(epoch from max(finished_at) "
                    + "filter (where status = 'committed')) from import.import_run group by supplier_code");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String supplier = rs.getString(1);
                    initialise(supplier);
                    double committed = rs.getDouble(2);
                    if (rs.wasNull()) {
                        continue;
                    }
                    long epoch = (long) committed;
                    lastSuccess.computeIfAbsent(supplier, s -> {
                        AtomicLong value = new AtomicLong();
                        Gauge.builder("import.last.success.timestamp", value, AtomicLong::get).tag("supplier", s)
                                .baseUnit("seconds")
                                .description("When the supplier's last run was committed (Unix time)")
                                .register(registry);
                        return value;
                    }).set(epoch);
                }
            }
            inProgress.values().forEach(v -> v.set(0));
            try (PreparedStatement st = c.prepareStatement("select status, count(*) from import.import_run "
                    + "where status in ('received', 'parsing', 'staged', 'held', 'applying') group by status");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    AtomicLong value = inProgress.get(rs.getString(1));
                    if (value != null) {
                        value.set(rs.getLong(2));
                    }
                }
            }
        } catch (SQLException e) {
            LOG.debugf("Import metrics not refreshed: %s", e.getMessage());
        }
    }
}
