package jp.systemgear.ec.importer.rest;

import java.time.Instant;

import jp.systemgear.ec.importer.domain.ImportRun;

public record ImportRunView(long id, String supplierCode, String source, String status, String idempotencyKey,
        String requestedBy, String fileName, Long fileSize, Integer ruleVersion, int rowsTotal, int rowsStaged,
        int rowsError, String errorCode, String errorMessage, Instant createdAt, Instant startedAt,
        Instant finishedAt) {

    public static ImportRunView of(ImportRun r) {
        return new ImportRunView(r.id, r.supplierCode, r.source.name(), r.status.name(), r.idempotencyKey,
                r.requestedBy, r.fileName, r.fileSize, r.ruleVersion, r.rowsTotal, r.rowsStaged, r.rowsError,
                r.errorCode, r.errorMessage, r.createdAt, r.startedAt, r.finishedAt);
    }
}
