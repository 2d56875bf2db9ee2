package jp.systemgear.ec.importer.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;
import jp.systemgear.ec.importer.client.AppliedRun;
import jp.systemgear.ec.importer.client.CatalogClient;
import jp.systemgear.ec.importer.client.CatalogUnavailableException;
import jp.systemgear.ec.importer.client.SupplierDocument;
import jp.systemgear.ec.importer.repository.LostClaimException;
import jp.systemgear.ec.importer.repository.RunStore;
import jp.systemgear.ec.importer.repository.RunStore.Claim;
import jp.systemgear.ec.importer.repository.RunStore.ParseCounts;
import jp.systemgear.ec.importer.repository.StagingCopy;
import jp.systemgear.ec.importer.repository.StockDiffQuery;
import jp.systemgear.ec.importer.reading.ExtractedRow;
import jp.systemgear.ec.importer.reading.SupplierFileReader;
import jp.systemgear.ec.importer.reading.UnreadableFileException;
import jp.systemgear.ec.rules.Jan;
import jp.systemgear.ec.rules.RowResult;
import jp.systemgear.ec.rules.SupplierRow;

/**
 * Takes one claimed run through its phases on a worker thread: parse (read, map with the supplier's
 * compiled rules, stage with COPY, all in one transaction), guard (diff against current stock, hold when
 * the sanity guard says so), apply (catalog's apply step). Each phase ends by moving the run on in
 * PostgreSQL, so a replica killed at any moment leaves a state another replica can resume from.
 */
@ApplicationScoped
public class RunProcessor {

    private static final Logger LOG = Logger.getLogger(RunProcessor.class);
    /** 取込日 is the shop's calendar day. */
    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Tokyo");
    private static final Duration CATALOG_WAIT = Duration.ofSeconds(90);
    private static final Duration APPLY_WAIT = Duration.ofMinutes(16);

    private final RunStore store;
    private final CatalogClient catalog;
    private final SupplierRules rules;
    private final FileStore files;
    private final ImportMetrics metrics;
    private final RunProgress progress;
    private final ObjectMapper json;

    public RunProcessor(RunStore store, CatalogClient catalog, SupplierRules rules, FileStore files,
            ImportMetrics metrics, RunProgress progress, ObjectMapper json) {
        this.store = store;
        this.catalog = catalog;
        this.rules = rules;
        this.files = files;
        this.metrics = metrics;
        this.progress = progress;
        this.json = json;
    }

    /** Runs the claimed run from the phase it is in to the next state that waits (held, staged dry run) or ends. */
    public void process(Claim claim) {
        RunProgress.Live live = progress.start(claim);
        try {
            switch (claim.status()) {
                case "parsing" -> {
                    SupplierDocument supplier = supplier(claim);
                    if (parse(claim, supplier, live)) {
                        guard(claim, supplier);
                    }
                }
                case "staged" -> guard(claim, supplier(claim));
                case "applying" -> apply(claim);
                default -> LOG.warnf("Run %d claimed in state %s: nothing to do", claim.runId(), claim.status());
            }
        } catch (LostClaimException e) {
            LOG.warnf("Run %d: %s", claim.runId(), e.getMessage());
        } catch (CatalogUnavailableException e) {
            if ("applying".equals(claim.status()) || live.applying) {
                // Applying is safe to repeat: the run stays 'applying' and is taken up again after IMPORT_STALE_AFTER.
                LOG.warnf("Run %d: apply deferred, %s", claim.runId(), e.getMessage());
            } else {
                end(claim, ErrorCode.BATCH_PROCESS_ERROR, e.getMessage());
            }
        } catch (ApiException e) {
            end(claim, e.code(), e.getMessage());
        } catch (Exception e) {
            LOG.errorf(e, "Run %d failed", claim.runId());
            end(claim, ErrorCode.BATCH_PROCESS_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            progress.finish(claim.runId());
        }
    }

    private SupplierDocument supplier(Claim claim) {
        SupplierDocument supplier = catalog.supplier(claim.supplierCode()).await().atMost(CATALOG_WAIT);
        if (!supplier.active()) {
            throw new ApiException(ErrorCode.BATCH_PROCESS_ERROR, "Supplier " + claim.supplierCode()
                    + " is inactive; its files are not imported");
        }
        return supplier;
    }

    /** Reads, maps and stages the whole file in one transaction; true when there is something to apply. */
    boolean parse(Claim claim, SupplierDocument supplier, RunProgress.Live live) throws SQLException, IOException {
        long started = System.nanoTime();
        SupplierRules.Current current = rules.current(claim.supplierCode());
        Path file = files.runFile(claim.runId());
        if (!Files.exists(file)) {
            throw new ApiException(ErrorCode.BATCH_PROCESS_ERROR, "The run's file is gone from UPLOAD_DIR");
        }
        LocalDate importDate = LocalDate.now(SHOP_ZONE);
        Path spill = Files.createTempFile("run-" + claim.runId() + "-errors", ".copy");
        ParseCounts counts;
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement("delete from import.import_row_error where run_id = ?")) {
                // An earlier attempt's errors, if any were left by a crash between commits.
                st.setLong(1, claim.runId());
                st.executeUpdate();
            }
            long staged = 0;
            long unmatched = 0;
            long excluded = 0;
            SkuUniqueness skus = new SkuUniqueness();
            try (SupplierFileReader reader = SupplierFileReader.open(file, supplier.profile());
                    StagingCopy rows = StagingCopy.open(c, StagingCopy.STAGED);
                    StagingCopy errors = StagingCopy.spill(spill)) {
                ExtractedRow row;
                while ((row = reader.next()) != null) {
                    live.rowsRead++;
                    if (live.lost) {
                        throw new LostClaimException(claim.runId());
                    }
                    if (!row.isOk()) {
                        live.rowsError++;
                        errors.error(claim.runId(), row.line(), row.rawText(), row.error());
                        continue;
                    }
                    String jan = blankToNull(row.jan());
                    if (jan != null && !Jan.isValid(jan)) {
                        live.rowsError++;
                        errors.error(claim.runId(), row.line(), row.rawText(), "JAN " + jan + " " + Jan.problem(jan));
                        continue;
                    }
                    RowResult result = current.rules().apply(new SupplierRow(row.code(), jan, row.name(), row.stock(),
                            row.cost()));
                    switch (result.outcome()) {
                        case MAPPED -> {
                            rows.staged(claim.runId(), row.line(), claim.supplierCode(), importDate, row.code(), jan,
                                    row.name(), row.stock(), row.cost(), result.sku(), result.unitCost(), result.quantity());
                            skus.add(result.sku());
                            staged++;
                        }
                        case UNMATCHED -> {
                            rows.staged(claim.runId(), row.line(), claim.supplierCode(), importDate, row.code(), jan,
                                    row.name(), row.stock(), row.cost(), null, null, null);
                            staged++;
                            unmatched++;
                        }
                        case EXCLUDED -> excluded++;
                        case INVALID -> {
                            live.rowsError++;
                            errors.error(claim.runId(), row.line(), row.rawText(), result.reason());
                        }
                    }
                }
                rows.finish();
                errors.finish();
                counts = new ParseCounts(live.rowsRead, staged, live.rowsError, unmatched, excluded, current.version(),
                        reader.detectedEncoding() == null ? null : reader.detectedEncoding().label(),
                        reader.headers() == null ? List.of() : reader.headers(), skus.unique());
            } catch (UnreadableFileException | NoSuchFileException e) {
                c.rollback();
                throw new ApiException(ErrorCode.BATCH_PROCESS_ERROR, "The file cannot be read: " + e.getMessage());
            }
            Duration took;
            try {
                StagingCopy.copyFile(c, StagingCopy.ERRORS, spill);
                store.recordParse(c, claim, counts);
                took = Duration.ofNanos(System.nanoTime() - started);
                if (!store.advance(c, claim, "staged", "parse", took.toMillis())) {
                    throw new LostClaimException(claim.runId());
                }
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            metrics.phase("parse", took);
        } finally {
            Files.deleteIfExists(spill);
        }
        metrics.rows(claim.supplierCode(), "staged", counts.rowsStaged() - counts.rowsUnmatched());
        metrics.rows(claim.supplierCode(), "unmatched", counts.rowsUnmatched());
        metrics.rows(claim.supplierCode(), "excluded", counts.rowsExcluded());
        metrics.rows(claim.supplierCode(), "error", counts.rowsError());
        LOG.infof("Run %d of %s staged: %d rows read, %d staged (%d unmatched), %d excluded, %d errors, rules v%d",
                claim.runId(), claim.supplierCode(), counts.rowsRead(), counts.rowsStaged(), counts.rowsUnmatched(),
                counts.rowsExcluded(), counts.rowsError(), counts.ruleVersion());
        // Empty and header-only files, or files of which no row could be used, never reach stock.
        if (counts.rowsRead() == 0) {
            end(claim, ErrorCode.BATCH_PROCESS_ERROR, "The file has no data rows; nothing was applied");
            return false;
        }
        if (counts.rowsStaged() == 0) {
            end(claim, ErrorCode.BATCH_PROCESS_ERROR, counts.rowsExcluded() > 0 && counts.rowsError() == 0
                    ? "Every row was excluded by the rules; nothing was applied"
                    : "No row could be used (" + counts.rowsError() + " row errors); nothing was applied");
            return false;
        }
        return true;
    }

    /** Diff against current stock, then hold, park (dry run) or go on to apply. */
    void guard(Claim claim, SupplierDocument supplier) throws SQLException {
        long started = System.nanoTime();
        SupplierDocument.Guard thresholds = supplier.guardOrDefaults();
        Map<String, Long> diff;
        long staged;
        try (Connection c = store.connection()) {
            Long uniqueSkus;
            try (PreparedStatement st = c.prepareStatement("select rows_staged, rows_staged - rows_unmatched, skus_unique "
                    + "from import.import_run where id = ?")) {
                st.setLong(1, claim.runId());
                try (var rs = st.executeQuery()) {
                    rs.next();
                    staged = rs.getLong(1);
                    uniqueSkus = rs.getBoolean(3) ? rs.getLong(2) : null;
                }
            }
            diff = StockDiffQuery.counts(c, claim.runId(), claim.supplierCode(), thresholds.maxCostChangePercent(),
                    uniqueSkus, claim.createProducts());
        }
        long last = store.lastCommittedRows(claim.supplierCode());
        List<String> reasons = SanityGuardCheck.reasons(thresholds, claim.partial(), staged, last, diff,
                supplier.missingItemsPolicy() == null ? "KEEP" : supplier.missingItemsPolicy());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        metrics.phase("guard", took);
        if (claim.dryRun()) {
            requireClaim(claim, store.park(claim, "staged", reasons, diff, took.toMillis()));
            LOG.infof("Run %d of %s is a dry run: staged with its diff %s, waiting to be applied or discarded",
                    claim.runId(), claim.supplierCode(), diff);
            return;
        }
        if (!reasons.isEmpty()) {
            requireClaim(claim, store.park(claim, "held", reasons, diff, took.toMillis()));
            metrics.runEnded(claim.supplierCode(), "held");
            LOG.warnf("Run %d of %s held for approval: %s", claim.runId(), claim.supplierCode(),
                    String.join("; ", reasons));
            return;
        }
        requireClaim(claim, store.passGuard(claim, diff, took.toMillis()));
        apply(claim);
    }

    /** catalog's apply step; safe to repeat (catalog applies a run once). */
    void apply(Claim claim) throws SQLException {
        progress.applying(claim.runId());
        long started = System.nanoTime();
        String actor = claim.actor();
        AppliedRun applied = catalog.apply(claim.runId(), claim.partial(), claim.createProducts(), actor)
                .await().atMost(APPLY_WAIT);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        @SuppressWarnings("unchecked")
        Map<String, Object> record = json.convertValue(applied, LinkedHashMap.class);
        requireClaim(claim, store.commit(claim, record, took.toMillis()));
        metrics.phase("apply", took);
        metrics.runEnded(claim.supplierCode(), "committed");
        LOG.infof("Run %d of %s committed: %d changed, %d unchanged, %d missing (%s), %d unknown SKU, %d products "
                + "created%s", claim.runId(), claim.supplierCode(), applied.rowsChanged(), applied.rowsUnchanged(),
                applied.rowsMissing(), applied.missingPolicy(), applied.rowsUnknownSku(), applied.productsCreated(),
                applied.alreadyApplied() ? " (already applied)" : "");
    }

    private void end(Claim claim, ErrorCode code, String message) {
        try {
            if (store.fail(claim.runId(), claim.token(), code.name(), message)) {
                metrics.runEnded(claim.supplierCode(), "failed");
                LOG.errorf("%s: run %d of %s failed: %s", code.name(), claim.runId(), claim.supplierCode(), message);
            }
        } catch (SQLException e) {
            // The claim goes stale and the run is taken up again: it is never left stuck.
            LOG.errorf(e, "Run %d could not be marked failed", claim.runId());
        }
    }

    private static void requireClaim(Claim claim, boolean stillHeld) {
        if (!stillHeld) {
            throw new LostClaimException(claim.runId());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
