package jp.systemgear.ec.export.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.common.scheduling.ClaimedJobRunner;
import jp.systemgear.ec.export.config.ExportConfig;
import jp.systemgear.ec.export.domain.ChannelTemplate;

/**
 * Scheduled export files: each template with a {@code scheduleCron} (Unix cron, UTC) gets a file per
 * fire. Schedules are data, so instead of one scheduler job per template every replica ticks, finds
 * the templates whose latest fire is due, and claims (template, fire time) in
 * {@code export.scheduled_job_execution}: a fire runs once across replicas and ticks.
 */
@ApplicationScoped
public class ScheduledExports {

    private static final Logger LOG = Logger.getLogger(ScheduledExports.class);
    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final ChannelTemplateService templates;
    private final ExportJobService jobs;
    private final ClaimedJobRunner runner;
    private final ExportConfig config;

    public ScheduledExports(ChannelTemplateService templates, ExportJobService jobs, ClaimedJobRunner runner,
            ExportConfig config) {
        this.templates = templates;
        this.jobs = jobs;
        this.runner = runner;
        this.config = config;
    }

    @Scheduled(identity = "export-template-schedules", every = "{export.schedule.tick}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return runDue(Instant.now())
                .onFailure().invoke(failure -> LOG.errorf(failure, "Scheduled exports could not be checked"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Runs every template fire due at {@code now} that no replica has claimed; emits how many ran here. */
    public Uni<Integer> runDue(Instant now) {
        return templates.scheduled().chain(list -> Multi.createFrom().iterable(list)
                .onItem().transformToUniAndConcatenate(template -> runIfDue(template, now))
                .collect().asList()
                .map(ran -> (int) ran.stream().filter(Boolean::booleanValue).count()));
    }

    private Uni<Boolean> runIfDue(ChannelTemplate template, Instant now) {
        Optional<Instant> fire = lastFire(template.scheduleCron, now);
        if (fire.isEmpty() || fire.get().isBefore(now.minus(config.schedule().catchUp()))) {
            return Uni.createFrom().item(false);
        }
        return runner.runOnce("template:" + template.code, fire.get(),
                () -> jobs.runScheduled(template.code, fire.get())
                        .map(job -> "job " + job.id() + " " + job.status() + ", " + job.rows() + " rows, " + job.fileName()))
                // One template's failure must not stop the others (it is recorded in its claim row).
                .onFailure().recoverWithItem(true);
    }

    /** The latest fire of {@code cron} at or before {@code now} (UTC). */
    static Optional<Instant> lastFire(String cron, Instant now) {
        try {
            ZonedDateTime at = now.atZone(ZoneOffset.UTC);
            ExecutionTime execution = ExecutionTime.forCron(CRON.parse(cron));
            if (execution.isMatch(at.withNano(0)) && at.getSecond() == 0 && at.getNano() == 0) {
                return Optional.of(at.toInstant());
            }
            return execution.lastExecution(at).map(ZonedDateTime::toInstant);
        } catch (IllegalArgumentException e) {
            LOG.warnf("Template schedule '%s' is not a Unix cron expression: %s", cron, e.getMessage());
            return Optional.empty();
        }
    }

    /** Why {@code cron} is not a usable Unix cron expression, or empty when it is. */
    public static Optional<String> cronProblem(String cron) {
        try {
            CRON.parse(cron).validate();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("not a Unix cron expression (5 fields, e.g. '0 */3 * * *'): " + e.getMessage());
        }
    }
}
