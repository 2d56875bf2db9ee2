package jp.systemgear.ec.importer.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.common.scheduling.ClaimedJobRunner;
import jp.systemgear.ec.importer.config.ImportConfig;
import jp.systemgear.ec.importer.repository.RetentionRepository;

/** The original runbook's clean-up duties that belong to import data. */
@ApplicationScoped
public class MaintenanceJobs {

    static final String ROW_ERROR_RETENTION = "row-error-retention";
    static final String STAGED_ROW_RETENTION = "staged-row-retention";

    private final ClaimedJobRunner runner;
    private final RetentionRepository repository;
    private final ImportConfig config;

    public MaintenanceJobs(ClaimedJobRunner runner, RetentionRepository repository, ImportConfig config) {
        this.runner = runner;
        this.repository = repository;
        this.config = config;
    }

    @Scheduled(identity = ROW_ERROR_RETENTION, cron = "{import.schedule.maintenance-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRowErrorRetention(ScheduledExecution execution) {
        return purgeRowErrors(execution.getScheduledFireTime()).replaceWithVoid();
    }

    /** Deletes row errors past retention (DELETE FROM error_log ... 6 months, in the seed's words). */
    public Uni<Boolean> purgeRowErrors(Instant fireTime) {
        return runner.runOnce(ROW_ERROR_RETENTION, fireTime,
                () -> repository.purgeRowErrorsOlderThan(config.retention().rowErrors())
                        .map(deleted -> "deleted " + deleted + " row errors older than " + config.retention().rowErrors()));
    }

    @Scheduled(identity = STAGED_ROW_RETENTION, cron = "{import.schedule.maintenance-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledStagedRowRetention(ScheduledExecution execution) {
        return purgeStagedRows(execution.getScheduledFireTime()).replaceWithVoid();
    }

    /** Deletes the staged rows of runs finished longer ago than STAGING_RETENTION. */
    public Uni<Boolean> purgeStagedRows(Instant fireTime) {
        return runner.runOnce(STAGED_ROW_RETENTION, fireTime,
                () -> repository.purgeStagedRowsOlderThan(config.retention().stagedRows())
                        .map(deleted -> "deleted " + deleted + " staged rows of runs finished more than "
                                + config.retention().stagedRows() + " ago"));
    }
}
