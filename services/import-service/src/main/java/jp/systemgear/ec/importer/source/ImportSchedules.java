package jp.systemgear.ec.importer.source;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import jp.systemgear.ec.common.scheduling.ClaimedJobRunner;
import jp.systemgear.ec.importer.client.SupplierDocument;
import jp.systemgear.ec.importer.client.CatalogClient;
import jp.systemgear.ec.importer.config.ImportConfig;

/**
 * Scheduled imports. Every replica ticks once a minute and, for that minute in IMPORT_SCHEDULE_ZONE
 * (Asia/Tokyo by default), fires each cron that matches it, each fire claimed once across replicas
 * through {@link ClaimedJobRunner} (job name and the minute):
 * <ul>
 * <li>{@code stock-update} (STOCK_UPDATE_CRON): queues a run for every active DROP_FOLDER or URL supplier
 * without a {@code scheduleCron} of its own;</li>
 * <li>{@code data-import} (DATA_IMPORT_CRON): the daily full import, the same for all active DROP_FOLDER and
 * URL suppliers, with or without their own cron;</li>
 * <li>{@code supplier:<code>}: a supplier's own {@code scheduleCron}.</li>
 * </ul>
 * A queued run (source schedule) is then fetched by {@link QueuedRunFetcher}. A fire while the supplier
 * still has a run queued, received, in progress or waiting for a person is skipped and logged (so at
 * midnight the stock update and the daily import make one run). Missed fires (every replica down, a tick
 * later than its minute) are not replayed.
 */
@ApplicationScoped
public class ImportSchedules {

    private static final Logger LOG = Logger.getLogger(ImportSchedules.class);
    public static final String STOCK_UPDATE = "stock-update";
    public static final String DATA_IMPORT = "data-import";
    static final String ACTOR = "scheduler";
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final Duration WAIT = Duration.ofMinutes(2);

    /** One fire's outcome: runs queued, and suppliers skipped with the open run that made them skip. */
    public record FireOutcome(List<Long> queued, List<String> skipped) {
        String detail() {
            return "queued runs " + queued + (skipped.isEmpty() ? "" : "; skipped " + skipped);
        }
    }

    /** What a minute fired: job name → true when this replica claimed and ran it. */
    public record Tick(Instant minute, Map<String, Boolean> fired) {
    }

    private final ImportConfig config;
    private final CatalogClient catalog;
    private final ClaimedJobRunner runner;
    private final SourceRunStore store;
    private final QueuedRunFetcher fetcher;
    private final Map<String, Optional<ExecutionTime>> crons = new ConcurrentHashMap<>();

    public ImportSchedules(ImportConfig config, CatalogClient catalog, ClaimedJobRunner runner, SourceRunStore store,
            QueuedRunFetcher fetcher) {
        this.config = config;
        this.catalog = catalog;
        this.runner = runner;
        this.store = store;
        this.fetcher = fetcher;
    }

    @Scheduled(identity = "import-schedules", cron = "* * * * *",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyMinute(ScheduledExecution execution) {
        if (config.processing().autoStart()) {
            tick(execution.getScheduledFireTime());
        }
    }

    /** Fires what matches the minute of {@code at} in the schedule zone; blocking (a worker thread). */
    public Tick tick(Instant at) {
        ZonedDateTime minute = at.atZone(config.schedule().zone()).truncatedTo(ChronoUnit.MINUTES);
        Instant fire = minute.toInstant();
        Map<String, Boolean> fired = new java.util.LinkedHashMap<>();
        boolean stock = matches(config.schedule().stockUpdateCron(), minute);
        boolean daily = matches(config.schedule().dataImportCron(), minute);
        List<SupplierDocument> own = List.of();
        List<SupplierDocument> fetchable;
        try {
            fetchable = catalog.activeSuppliers().await().atMost(WAIT).stream()
                    .filter(s -> "DROP_FOLDER".equalsIgnoreCase(s.sourceType()) || "URL".equalsIgnoreCase(s.sourceType()))
                    .toList();
        } catch (RuntimeException e) {
            if (stock || daily) {
                LOG.errorf("BATCH_PROCESS_ERROR: scheduled imports at %s: the suppliers could not be read from "
                        + "catalog-service: %s", minute, e.getMessage());
            } else {
                LOG.debugf("Scheduled imports at %s: suppliers not readable: %s", minute, e.getMessage());
            }
            return new Tick(fire, fired);
        }
        own = fetchable.stream().filter(s -> hasOwnCron(s)).toList();
        if (stock) {
            fired.put(STOCK_UPDATE, fire(STOCK_UPDATE, fire, fetchable, s -> !hasOwnCron(s)));
        }
        if (daily) {
            fired.put(DATA_IMPORT, fire(DATA_IMPORT, fire, fetchable, s -> true));
        }
        for (SupplierDocument supplier : own) {
            if (matches(supplier.scheduleCron(), minute)) {
                String job = "supplier:" + supplier.code();
                fired.put(job, fire(job, fire, List.of(supplier), s -> true));
            }
        }
        return new Tick(fire, fired);
    }

    private boolean fire(String job, Instant fire, List<SupplierDocument> suppliers, Predicate<SupplierDocument> which) {
        List<SupplierDocument> chosen = suppliers.stream().filter(which).toList();
        boolean ran = runner.runOnce(job, fire, () -> Uni.createFrom().item(() -> queueAll(job, fire, chosen).detail())
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())).await().atMost(WAIT);
        if (ran) {
            fetcher.wake();
        }
        return ran;
    }

    /** Queues a run per supplier unless it has one open; the fire's key keeps a fire from queueing twice. */
    FireOutcome queueAll(String job, Instant fire, List<SupplierDocument> suppliers) {
        List<Long> queued = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (SupplierDocument supplier : suppliers) {
            try {
                SourceRunStore.Queued q = store.queueUnlessOpen(supplier.code(), "schedule", ACTOR,
                        "schedule:" + job + ":" + supplier.code() + ":" + fire);
                if (q.queued()) {
                    queued.add(q.runId());
                    LOG.infof("Scheduled import (%s at %s): run %d queued for %s", job, fire, q.runId(), supplier.code());
                } else {
                    skipped.add(supplier.code() + " (run " + q.overlapping() + " " + q.overlappingStatus() + ")");
                    LOG.warnf("Scheduled import (%s at %s) of %s skipped: run %s is still %s (overlapping fire)", job,
                            fire, supplier.code(), q.overlapping(), q.overlappingStatus());
                }
            } catch (SQLException e) {
                throw new IllegalStateException("queueing a run for " + supplier.code() + " failed: " + e.getMessage(),
                        e);
            }
        }
        return new FireOutcome(queued, skipped);
    }

    private static boolean hasOwnCron(SupplierDocument supplier) {
        return supplier.scheduleCron() != null && !supplier.scheduleCron().isBlank();
    }

    /** Whether a five-field Unix cron matches the minute; an unparsable one never does (logged once). */
    boolean matches(String cron, ZonedDateTime minute) {
        if (cron == null || cron.isBlank()) {
            return false;
        }
        return crons.computeIfAbsent(cron.strip(), expression -> {
            try {
                return Optional.of(ExecutionTime.forCron(UNIX.parse(expression)));
            } catch (IllegalArgumentException e) {
                LOG.errorf("BATCH_PROCESS_ERROR: cron '%s' is not a five-field Unix cron and never fires: %s",
                        expression, e.getMessage());
                return Optional.empty();
            }
        }).map(time -> time.isMatch(minute)).orElse(false);
    }
}
