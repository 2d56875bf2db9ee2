package jp.systemgear.ec.importer.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

import jp.systemgear.ec.importer.domain.ImportRun;

/**
 * The pipeline's view of {@code import_run}, in plain JDBC on the worker threads that run it. Every
 * change after a claim names the claim token, so a replica that lost its claim (it stalled past
 * IMPORT_STALE_AFTER and another took the run over) changes nothing.
 */
@ApplicationScoped
public class RunStore {

    /**
     * A run held by this replica: the token proves it. {@code actor}: the person catalog records as
     * applying it (whoever approved it, otherwise whoever sent it). {@code createProducts}: catalog's apply
     * creates the products the run names that it does not have yet.
     */
    public record Claim(long runId, UUID token, String supplierCode, String status, boolean dryRun, boolean partial,
            int attempts, String actor, boolean createProducts) {

        static Claim of(ResultSet rs) throws SQLException {
            return new Claim(rs.getLong(1), (UUID) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                    rs.getBoolean(6), rs.getInt(7), rs.getString(8), rs.getBoolean(9));
        }
    }

    private static final String ACTIVE = "('parsing', 'staged', 'held', 'applying')";
    private static final String CLAIM_COLUMNS = "id, claim_token, supplier_code, status, dry_run, partial, attempts, "
            + "coalesce(decided_by, requested_by), create_products";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public RunStore(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Takes the oldest received run whose supplier has no run in progress and no older run waiting. Two
     * replicas racing for runs of one supplier meet the one-active-run index: the loser gets nothing now.
     */
    public Optional<Claim> claimNextReceived(String node) throws SQLException {
        String sql = "update import.import_run r set status = 'parsing', attempts = attempts + 1, claim_token = ?, "
                + "claimed_by = ?, heartbeat_at = now(), started_at = coalesce(started_at, now()) "
                + "where r.id = (select c.id from import.import_run c where c.status = 'received' "
                + "and not exists (select 1 from import.import_run o where o.supplier_code = c.supplier_code "
                + "and o.status in " + ACTIVE + ") "
                + "and not exists (select 1 from import.import_run e where e.supplier_code = c.supplier_code "
                + "and e.status = 'received' and e.id < c.id) "
                + "order by c.id limit 1 for update skip locked) returning " + CLAIM_COLUMNS;
        try {
            return claim(sql, node);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Takes over a run whose holder went silent (killed, partitioned) in a phase that can go on: staged
     * (and not a dry run waiting for a person) continues with the guard, applying asks catalog again
     * (catalog applies a run once). Interrupted parsing is handled by {@link #requeueStaleParsing}.
     */
    public Optional<Claim> claimStale(String node, Duration staleAfter) throws SQLException {
        String sql = "update import.import_run r set claim_token = ?, claimed_by = ?, heartbeat_at = now() "
                + "where r.id = (select c.id from import.import_run c where "
                + "((c.status = 'staged' and not c.dry_run) or c.status = 'applying') "
                + "and c.heartbeat_at < now() - make_interval(secs => " + staleAfter.toSeconds() + ") "
                + "order by c.id limit 1 for update skip locked) returning " + CLAIM_COLUMNS;
        return claim(sql, node);
    }

    private Optional<Claim> claim(String sql, String node) throws SQLException {
        UUID token = UUID.randomUUID();
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, token);
            st.setString(2, node);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(Claim.of(rs));
            }
        }
    }

    /**
     * Parsing that stopped (the replica died) left nothing staged: staging commits with the status
     * change. Such runs are parsed again, up to {@code maxAttempts}, then failed. Returns the runs failed.
     */
    public List<Long> requeueStaleParsing(Duration staleAfter, int maxAttempts) throws SQLException {
        String stale = "status = 'parsing' and heartbeat_at < now() - make_interval(secs => " + staleAfter.toSeconds()
                + ")";
        List<Long> failed = new ArrayList<>();
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement("update import.import_run set status = 'failed', "
                    + "error_code = 'BATCH_PROCESS_ERROR', error_message = 'Parsing was interrupted ' || attempts "
                    + "|| ' times (the service stopped); nothing was applied', finished_at = now(), claim_token = null "
                    + "where " + stale + " and attempts >= ? returning id")) {
                st.setInt(1, maxAttempts);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        failed.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("update import.import_run set status = 'received', "
                    + "claim_token = null, claimed_by = null where " + stale)) {
                st.executeUpdate();
            }
            c.commit();
        }
        return failed;
    }

    /**
     * Runs left 'receiving' longer than {@code staleAfter} (the replica died while putting the file in
     * place): received when the file made it, otherwise failed.
     */
    public List<Long> settleStaleReceiving(Duration staleAfter, java.util.function.LongPredicate fileExists)
            throws SQLException {
        List<Long> failed = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement("select id from import.import_run "
                + "where status = 'receiving' and created_at < now() - make_interval(secs => " + staleAfter.toSeconds()
                + ")")) {
            List<Long> stale = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    stale.add(rs.getLong(1));
                }
            }
            for (long id : stale) {
                boolean there = fileExists.test(id);
                try (PreparedStatement up = c.prepareStatement(there
                        ? "update import.import_run set status = 'received' where id = ? and status = 'receiving'"
                        : "update import.import_run set status = 'failed', error_code = 'FILE_UPLOAD_ERROR', "
                                + "error_message = 'The file never arrived completely; send it again', "
                                + "finished_at = now() where id = ? and status = 'receiving'")) {
                    up.setLong(1, id);
                    if (up.executeUpdate() == 1 && !there) {
                        failed.add(id);
                    }
                }
            }
        }
        return failed;
    }

    /** The heartbeat and live counts; false when the claim is no longer this replica's. */
    public boolean beat(Claim claim, long rowsRead, long rowsError) throws SQLException {
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement("update import.import_run set "
                + "heartbeat_at = now(), rows_total = ?, rows_error = ? where id = ? and claim_token = ?")) {
            st.setLong(1, rowsRead);
            st.setLong(2, rowsError);
            st.setLong(3, claim.runId());
            st.setObject(4, claim.token());
            return st.executeUpdate() == 1;
        }
    }

    /** Moves a claimed run on, recording the phase's duration; false when the claim was lost. */
    public boolean advance(Connection c, Claim claim, String status, String phase, long millis) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update import.import_run set status = ?, heartbeat_at = now(), "
                + "phase_millis = phase_millis || jsonb_build_object(?::text, ?::bigint) "
                + "where id = ? and claim_token = ?")) {
            st.setString(1, status);
            st.setString(2, phase);
            st.setLong(3, millis);
            st.setLong(4, claim.runId());
            st.setObject(5, claim.token());
            return st.executeUpdate() == 1;
        }
    }

    public boolean advance(Claim claim, String status, String phase, long millis) throws SQLException {
        try (Connection c = connection()) {
            return advance(c, claim, status, phase, millis);
        }
    }

    /** The counts of a parse, in the staging transaction. */
    public void recordParse(Connection c, Claim claim, ParseCounts counts) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update import.import_run set rows_total = ?, rows_staged = ?, "
                + "rows_error = ?, rows_unmatched = ?, rows_excluded = ?, rule_version = ?, detected_encoding = ?, "
                + "headers = ?, skus_unique = ? where id = ? and claim_token = ?")) {
            st.setLong(1, counts.rowsRead());
            st.setLong(2, counts.rowsStaged());
            st.setLong(3, counts.rowsError());
            st.setLong(4, counts.rowsUnmatched());
            st.setLong(5, counts.rowsExcluded());
            st.setInt(6, counts.ruleVersion());
            st.setString(7, counts.detectedEncoding());
            st.setArray(8, c.createArrayOf("text", counts.headers().toArray()));
            st.setBoolean(9, counts.skusUnique());
            st.setLong(10, claim.runId());
            st.setObject(11, claim.token());
            if (st.executeUpdate() != 1) {
                throw new LostClaimException(claim.runId());
            }
        }
    }

    /** {@code skusUnique}: every mapped SKU was on one row only (see import_run.skus_unique). */
    public record ParseCounts(long rowsRead, long rowsStaged, long rowsError, long rowsUnmatched, long rowsExcluded,
            int ruleVersion, String detectedEncoding, List<String> headers, boolean skusUnique) {
    }

    /** Held for a person (guard) or waiting as a dry run: no heartbeat, nobody holds it. */
    public boolean park(Claim claim, String status, List<String> guardReasons, Map<String, Long> diff, long guardMillis)
            throws SQLException {
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement("update import.import_run set "
                + "status = ?, guard_reasons = ?, diff = ?::jsonb, claim_token = null, heartbeat_at = null, "
                + "phase_millis = phase_millis || jsonb_build_object('guard', ?::bigint) "
                + "where id = ? and claim_token = ?")) {
            st.setString(1, status);
            st.setArray(2, c.createArrayOf("text", guardReasons.toArray()));
            st.setString(3, toJson(diff));
            st.setLong(4, guardMillis);
            st.setLong(5, claim.runId());
            st.setObject(6, claim.token());
            return st.executeUpdate() == 1;
        }
    }

    /** The guard let the run through: the diff is kept and it goes on to apply. */
    public boolean passGuard(Claim claim, Map<String, Long> diff, long guardMillis) throws SQLException {
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement("update import.import_run set "
                + "status = 'applying', diff = ?::jsonb, heartbeat_at = now(), "
                + "phase_millis = phase_millis || jsonb_build_object('guard', ?::bigint) "
                + "where id = ? and claim_token = ?")) {
            st.setString(1, toJson(diff));
            st.setLong(2, guardMillis);
            st.setLong(3, claim.runId());
            st.setObject(4, claim.token());
            return st.executeUpdate() == 1;
        }
    }

    /**
     * A person approved a held run or applied a dry run: it becomes this replica's to apply. Empty when
     * the run is not waiting for a decision (someone else decided first).
     */
    public Optional<Claim> decideApply(long runId, String user, String node) throws SQLException {
        String sql = "update import.import_run set status = 'applying', decided_by = ?, decided_at = now(), "
                + "claim_token = ?, claimed_by = ?, heartbeat_at = now() where id = ? and status in ('held', 'staged') "
                + "and (status = 'held' or dry_run) returning " + CLAIM_COLUMNS;
        UUID token = UUID.randomUUID();
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, user);
            st.setObject(2, token);
            st.setString(3, node);
            st.setLong(4, runId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(Claim.of(rs)) : Optional.empty();
            }
        }
    }

    public boolean commit(Claim claim, Map<String, Object> applied, long applyMillis) throws SQLException {
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement("update import.import_run set "
                + "status = 'committed', applied = ?::jsonb, finished_at = now(), claim_token = null, "
                + "heartbeat_at = now(), phase_millis = phase_millis || jsonb_build_object('apply', ?::bigint) "
                + "where id = ? and claim_token = ?")) {
            st.setString(1, toJson(applied));
            st.setLong(2, applyMillis);
            st.setLong(3, claim.runId());
            st.setObject(4, claim.token());
            return st.executeUpdate() == 1;
        }
    }

    /**
     * Ends a run as failed: its staged rows go (they will never be applied), its row errors stay for the
     * report. Null token: whoever holds it (a start-up check, an operator).
     */
    public boolean fail(long runId, UUID token, String errorCode, String message) throws SQLException {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            int n;
            try (PreparedStatement st = c.prepareStatement("update import.import_run set status = 'failed', "
                    + "error_code = ?, error_message = left(?, 2000), finished_at = now(), claim_token = null "
                    + "where id = ? and (?::uuid is null or claim_token = ?::uuid) "
                    + "and status not in " + ImportRun.Status.ENDED_SQL)) {
                st.setString(1, errorCode);
                st.setString(2, message);
                st.setLong(3, runId);
                st.setObject(4, token);
                st.setObject(5, token);
                n = st.executeUpdate();
            }
            if (n == 1) {
                deleteStaged(c, runId);
            }
            c.commit();
            return n == 1;
        }
    }

    public static void deleteStaged(Connection c, long runId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("delete from import.chukan_file_tanka where run_id = ?")) {
            st.setLong(1, runId);
            st.executeUpdate();
        }
    }

    /** The staged rows of the supplier's last committed full run (the guard's baseline), or -1. */
    public long lastCommittedRows(String supplierCode) throws SQLException {
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement("select rows_staged from "
                + "import.import_run where supplier_code = ? and status = 'committed' and not partial "
                + "order by finished_at desc limit 1")) {
            st.setString(1, supplierCode);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
