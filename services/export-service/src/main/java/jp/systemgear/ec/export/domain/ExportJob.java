package jp.systemgear.ec.export.domain;

import java.time.Instant;

/** One export file job as recorded in {@code export.export_job}. */
public record ExportJob(long id, String templateCode, String level, String format, String encoding,
        String requestedBy, String trigger, Instant scheduledFor, String status, String fileName, Long rows,
        Long bytes, String sha256, String error, Instant createdAt, Instant finishedAt) {

    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
}
