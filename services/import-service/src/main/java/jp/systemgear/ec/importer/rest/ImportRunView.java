package jp.systemgear.ec.importer.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.systemgear.ec.importer.domain.ImportRun;

/**
 * A run as the API shows it. {@code rowsPerSecond}: rows read per second of parsing so far (live while
 * parsing). {@code phaseMillis}: parse, guard, apply. {@code guardReasons}: why it is held. {@code diff}:
 * against current stock (new, changed, unchanged, missing, zeroed, costJumps; productsToCreate with
 * {@code createProducts}). {@code applied}: catalog's record of the apply (and undo; productsCreated).
 * {@code createProducts}: catalog creates the products the file names that it does not have yet.
 */
public record ImportRunView(long id, String supplierCode, String source, String status, String idempotencyKey,
        String requestedBy, String fileName, Long fileSize, Integer ruleVersion, int rowsTotal, int rowsStaged,
        int rowsUnmatched, int rowsExcluded, int rowsError, Long rowsPerSecond, boolean dryRun, boolean partial,
        boolean createProducts, int attempts, String detectedEncoding, List<String> headers, Map<String, Long> phaseMillis,
        List<String> guardReasons, Map<String, Long> diff, Map<String, Object> applied, String decidedBy,
        Instant decidedAt, String sourceRef, String errorCode, String errorMessage, Instant createdAt,
        Instant startedAt, Instant heartbeatAt, Instant finishedAt) {

    public static ImportRunView of(ImportRun r) {
        return new ImportRunView(r.id, r.supplierCode, r.source.name(), r.status.name(), r.idempotencyKey,
                r.requestedBy, r.fileName, r.fileSize, r.ruleVersion, r.rowsTotal, r.rowsStaged, r.rowsUnmatched,
                r.rowsExcluded, r.rowsError, rowsPerSecond(r), r.dryRun, r.partial, r.createProducts, r.attempts, r.detectedEncoding,
                r.headers == null ? null : List.of(r.headers), r.phaseMillis, r.guardReasons == null ? null : List.of(r.guardReasons), r.diff, r.applied,
                r.decidedBy, r.decidedAt, r.sourceRef, r.errorCode, r.errorMessage, r.createdAt, r.startedAt,
                r.heartbeatAt, r.finishedAt);
    }

    static Long rowsPerSecond(ImportRun r) {
        return ImportRun.rowsPerSecond(r.rowsTotal, r.phaseMillis == null ? null : r.phaseMillis.get("parse"),
                r.status == ImportRun.Status.parsing, r.startedAt, r.heartbeatAt);
    }
}
