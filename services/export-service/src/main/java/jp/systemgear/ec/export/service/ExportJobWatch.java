package jp.systemgear.ec.export.service;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import jp.systemgear.ec.export.config.ExportConfig;
import jp.systemgear.ec.export.domain.ExportJob;
import jp.systemgear.ec.export.repository.ExportJobRepository;

/**
 * Keeps the job history true when a replica stops in the middle of writing a file: each replica renews
 * the heartbeat of the jobs it writes, and ends as failed any running job whose heartbeat is older than
 * {@code EXPORT_JOB_STALE_AFTER}, removing its temporary file. A job is never left "running" for ever.
 */
@ApplicationScoped
public class ExportJobWatch {

    private static final Logger LOG = Logger.getLogger(ExportJobWatch.class);
    static final String ABANDONED = "abandoned: the replica writing the file stopped before it was complete";

    private final ExportJobService jobs;
    private final ExportJobRepository repository;
    private final ExportConfig config;
    private final MeterRegistry metrics;

    public ExportJobWatch(ExportJobService jobs, ExportJobRepository repository, ExportConfig config,
            MeterRegistry metrics) {
        this.jobs = jobs;
        this.repository = repository;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(identity = "export-job-watch", every = "{export.jobs.heartbeat}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return watch().onFailure().invoke(failure -> LOG.errorf(failure, "Export jobs could not be watched"))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Renews this replica's jobs, then ends the abandoned ones; emits those it ended. */
    public Uni<List<ExportJob>> watch() {
        Long[] mine = jobs.writing().toArray(Long[]::new);
        Uni<Integer> renewed = mine.length == 0 ? Uni.createFrom().item(0) : repository.heartbeat(mine);
        return renewed.chain(() -> repository.failAbandoned(config.jobs().staleAfter(), ABANDONED))
                .call(ended -> ended.isEmpty() ? Uni.createFrom().voidItem()
                        : Uni.createFrom().item(() -> {
                            ended.forEach(this::abandoned);
                            return null;
                        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).replaceWithVoid());
    }

    /** Logs and counts the job, and removes its temporary file (a hidden "*-{id}.{format}.part"). */
    private void abandoned(ExportJob job) {
        LOG.errorf("BATCH_PROCESS_ERROR: export job %d (%s) was abandoned: no heartbeat for %s; ended as failed",
                job.id(), job.templateCode() == null ? job.level() : job.templateCode(), config.jobs().staleAfter());
        metrics.counter("export.jobs", "trigger", job.trigger(), "status", "abandoned").increment();
        String suffix = "-" + job.id() + "." + job.format() + ".part";
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(config.dir(), "." + "*" + suffix)) {
            for (Path part : parts) {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            LOG.warnf("Export job %d: its temporary file could not be removed: %s", job.id(), e.getMessage());
        }
    }
}
