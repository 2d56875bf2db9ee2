package jp.systemgear.ec.export.rest;

import java.time.Instant;

import jp.systemgear.ec.export.domain.ExportJob;

/** A job in the history; {@code file} is the download path once it succeeded. */
public record ExportJobView(long id, String template, String level, String format, String encoding,
        String requestedBy, String trigger, Instant scheduledFor, String status, String fileName, Long rows, Long bytes,
        String sha256, String error, Instant createdAt, Instant finishedAt, String file) {

    public static ExportJobView of(ExportJob j) {
        return new ExportJobView(j.id(), j.templateCode(), j.level(), j.format(), j.encoding(), j.requestedBy(),
                j.trigger(), j.scheduledFor(), j.status(), j.fileName(), j.rows(), j.bytes(), j.sha256(), j.error(),
                j.createdAt(), j.finishedAt(), ExportJob.SUCCEEDED.equals(j.status()) ? "jobs/" + j.id() + "/file" : null);
    }
}
