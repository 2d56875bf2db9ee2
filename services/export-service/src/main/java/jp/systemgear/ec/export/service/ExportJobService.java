package jp.systemgear.ec.export.service;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.export.config.ExportConfig;
import jp.systemgear.ec.export.domain.ChannelTemplate;
import jp.systemgear.ec.export.domain.ExportJob;
import jp.systemgear.ec.export.domain.ExportRequest;
import jp.systemgear.ec.export.repository.ExportJobRepository;
import jp.systemgear.ec.export.repository.StockExportRepository.ExportSession;

/**
 * Export files: on demand or on a template's schedule, written to {@code EXPORT_DIR} under a hidden
 * temporary name and renamed when complete (atomic in one directory), so an SFTP pickup never takes
 * half a file; every job is recorded with its rows, bytes and SHA-256.
 */
@ApplicationScoped
public class ExportJobService {

    private static final Logger LOG = Logger.getLogger(ExportJobService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    public static final String MANUAL = "manual";
    public static final String SCHEDULED = "scheduled";
    public static final String SCHEDULER = "scheduler";

    /** What to export: a template, or the standard columns with the stock API's parameters. */
    public record JobParams(String template, String level, String format, String encoding, String header,
            List<String> supplier, List<String> sku, String inStock) {
    }

    private record Written(String fileName, long rows, long bytes, String sha256) {
    }

    private final StockExportService exports;
    private final ExportJobRepository jobs;
    private final ExportConfig config;
    private final MeterRegistry metrics;
    private final Set<Long> writing = ConcurrentHashMap.newKeySet();

    public ExportJobService(StockExportService exports, ExportJobRepository jobs, ExportConfig config,
            MeterRegistry metrics) {
        this.exports = exports;
        this.jobs = jobs;
        this.config = config;
        this.metrics = metrics;
    }

    /** Validates and records the job, then writes the file in the background: poll the job for its outcome. */
    public Uni<ExportJob> submit(JobParams params, String requestedBy) {
        return onWorker(() -> prepare(params))
                .chain(request -> jobs.insert(request, requestedBy, MANUAL, null)
                        .invoke(job -> run(job, request).subscribe().with(
                                done -> LOG.debugf("Export job %d finished: %s", done.id(), done.status()),
                                failure -> LOG.errorf(failure, "Export job %d could not be recorded", job.id()))));
    }

    /** A template's scheduled file for one fire; emits the finished job (succeeded or failed). */
    public Uni<ExportJob> runScheduled(String templateCode, Instant fireTime) {
        JobParams params = new JobParams(templateCode, null, null, null, null, null, null, null);
        return onWorker(() -> prepare(params))
                .chain(request -> jobs.insert(request, SCHEDULER, SCHEDULED, fireTime)
                        .chain(job -> run(job, request)));
    }

    public Uni<ExportJob> find(long id) {
        return jobs.find(id).onItem().ifNull().failWith(() -> ApiException.notFound("Export job", id));
    }

    public Uni<List<ExportJob>> list(String template, int limit) {
        return jobs.list(template, limit);
    }

    /** The finished file of a job, or 409 while it runs or after it failed, 404 when the file is gone. */
    public Path file(ExportJob job) {
        if (!ExportJob.SUCCEEDED.equals(job.status())) {
            throw ApiException.conflict("Export job " + job.id() + " is " + job.status() + ": it has no file");
        }
        Path file = config.dir().resolve(job.fileName());
        if (!Files.isRegularFile(file)) {
            throw ApiException.notFound("Export file", job.fileName());
        }
        return file;
    }

    private ExportRequest prepare(JobParams p) throws SQLException {
        ChannelTemplate template = p.template() == null || p.template().isBlank() ? null : exports.template(p.template().trim());
        return exports.request(new StockExportService.Params(p.level(), p.format(), null, p.encoding(), p.header(),
                p.supplier(), p.sku(), p.inStock(), null, null), template);
    }

    /** The ids of the jobs this replica is writing now: ExportJobWatch renews their heartbeat. */
    public Set<Long> writing() {
        return Set.copyOf(writing);
    }

    private Uni<ExportJob> run(ExportJob job, ExportRequest request) {
        writing.add(job.id());
        return onWorker(() -> write(job, request))
                .eventually(() -> writing.remove(job.id()))
                .chain(w -> jobs.succeed(job.id(), w.fileName(), w.rows(), w.bytes(), w.sha256()))
                .onFailure().recoverWithUni(failure -> {
                    LOG.errorf(failure, "Export job %d failed", job.id());
                    return jobs.fail(job.id(), failure.getClass().getSimpleName() + ": " + failure.getMessage());
                })
                .invoke(done -> metrics.counter("export.jobs", "trigger", job.trigger(), "status", done.status()).increment());
    }

    private Written write(ExportJob job, ExportRequest request) throws IOException, SQLException {
        Path dir = config.dir();
        Files.createDirectories(dir);
        String base = request.templateCode() != null ? request.templateCode()
                : "stock-" + request.level().name().toLowerCase(Locale.ROOT);
        String name = base + "-" + STAMP.format(job.createdAt()) + "-" + job.id() + "."
                + request.format().name().toLowerCase(Locale.ROOT);
        // Hidden and suffixed: pickups skip dot files and *.part.
        Path temp = dir.resolve("." + name + ".part");
        MessageDigest sha256 = sha256();
        StockExportService.Result result;
        try {
            try (OutputStream file = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(new DigestOutputStream(file, sha256), 64 * 1024);
                    ExportSession session = exports.open()) {
                result = exports.export(request, session, job.requestedBy(), out);
            }
            // On disk before it becomes visible: a crash after the rename must not leave a torn file.
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | SQLException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return new Written(name, result.rows(), result.bytes(), HexFormat.of().formatHex(sha256.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Blocking work (JDBC, files) on a worker thread, never on the event loop. */
    private static <T> Uni<T> onWorker(Callable<T> work) {
        return Uni.createFrom().item(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
