package jp.systemgear.ec.importer.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import jp.systemgear.ec.importer.domain.ImportRun;

/**
 * The ways in's own SQL on {@code import_run}, in plain JDBC on the worker threads that fetch and scan:
 * queueing a scheduled run unless the supplier already has one going, claiming queued runs for fetching,
 * failing them, and reading the state of runs whose drop-folder files wait to be moved.
 */
@ApplicationScoped
public class SourceRunStore {


    /** A queued run this replica fetches; {@code token} is written in claimed_by while it does. */
    public record QueuedClaim(long runId, String supplierCode, String source, String token) {
    }

    /** What queueing did: the new run, or the open run it would have overlapped. */
    public record Queued(Long runId, Long overlapping, String overlappingStatus) {
        public boolean queued() {
            return runId != null;
        }
    }

    private final AgroalDataSource dataSource;

    public SourceRunStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Queues a run for the supplier unless it has one that is not over (queued, receiving, received, in
     * progress or waiting for a person): the check and the insert hold the supplier's advisory lock, so two
     * replicas firing different jobs at once (stock update and daily import at midnight) queue one run.
     * {@code key} (the job and fire) is the idempotency key: the same fire never queues twice.
     */
    public Queued queueUnlessOpen(String supplierCode, String source, String requestedBy, String key)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement st = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                    st.setString(1, "import-queue:" + supplierCode);
                    st.execute();
                }
                try (PreparedStatement st = c.prepareStatement("select id, status from import.import_run "
                        + "where supplier_code = ? and status in " + ImportRun.Status.OPEN_SQL + " order by id limit 1")) {
                    st.setString(1, supplierCode);
                    try (ResultSet rs = st.executeQuery()) {
                        if (rs.next()) {
                            Queued open = new Queued(null, rs.getLong(1), rs.getString(2));
                            c.commit();
                            return open;
                        }
                    }
                }
                Long id = null;
                try (PreparedStatement st = c.prepareStatement("insert into import.import_run (supplier_code, source, "
                        + "status, requested_by, idempotency_key) values (?, ?, 'queued', ?, ?) "
                        + "on conflict (idempotency_key) do nothing returning id")) {
                    st.setString(1, supplierCode);
                    st.setString(2, source);
                    st.setString(3, requestedBy);
                    st.setString(4, key);
                    try (ResultSet rs = st.executeQuery()) {
                        if (rs.next()) {
                            id = rs.getLong(1);
                        }
                    }
                }
                c.commit();
                return new Queued(id, null, id == null ? "queued (same fire)" : null);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Takes the oldest queued run nobody fetches (or whose fetcher went silent for {@code staleAfter}):
     * claimed_by gets a token of this replica's, heartbeat_at the time.
     */
    public Optional<QueuedClaim> claimQueued(String node, Duration staleAfter) throws SQLException {
        String token = node + "/fetch/" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "update import.import_run r set claimed_by = ?, heartbeat_at = now() where r.id = (select q.id "
                        + "from import.import_run q where q.status = 'queued' and (q.claimed_by is null or "
                        + "q.heartbeat_at is null or q.heartbeat_at < now() - make_interval(secs => ?)) "
                        + "order by q.id limit 1 for update skip locked) returning id, supplier_code, source")) {
            st.setString(1, token);
            st.setDouble(2, staleAfter.toMillis() / 1000.0);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new QueuedClaim(rs.getLong(1), rs.getString(2), rs.getString(3), token))
                        : Optional.empty();
            }
        }
    }

    /** Keeps a long download's claim; false when another replica took the run over. */
    public boolean beat(QueuedClaim claim) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "update import.import_run set heartbeat_at = now() where id = ? and status = 'queued' "
                        + "and claimed_by = ?")) {
            st.setLong(1, claim.runId());
            st.setString(2, claim.token());
            return st.executeUpdate() == 1;
        }
    }

    /** Ends a queued run that could not get its file; false when it was no longer queued under this claim. */
    public boolean failQueued(QueuedClaim claim, String errorCode, String message, String sourceRef)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "update import.import_run set status = 'failed', error_code = ?, error_message = left(?, 2000), "
                        + "source_ref = coalesce(?, source_ref), finished_at = now(), claimed_by = null, "
                        + "heartbeat_at = null where id = ? and status = 'queued' and claimed_by = ?")) {
            st.setString(1, errorCode);
            st.setString(2, message);
            st.setString(3, sourceRef);
            st.setLong(4, claim.runId());
            st.setString(5, claim.token());
            return st.executeUpdate() == 1;
        }
    }

    /** Records a file that never became a run (refused content) as a failed run, so it has an id and a trace. */
    public long recordRefused(String supplierCode, String source, String requestedBy, String fileName,
            String sourceRef, String errorCode, String message) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "insert into import.import_run (supplier_code, source, status, requested_by, file_name, source_ref, "
                        + "error_code, error_message, finished_at) values (?, ?, 'failed', ?, ?, ?, ?, left(?, 2000), "
                        + "now()) returning id")) {
            st.setString(1, supplierCode);
            st.setString(2, source);
            st.setString(3, requestedBy);
            st.setString(4, fileName);
            st.setString(5, sourceRef);
            st.setString(6, errorCode);
            st.setString(7, message);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The status of each run named (absent: no such run). */
    public Map<Long, String> statuses(Collection<Long> runIds) throws SQLException {
        Map<Long, String> result = new HashMap<>();
        if (runIds.isEmpty()) {
            return result;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select id, status from import.import_run where id = any(?)")) {
            st.setArray(1, c.createArrayOf("bigint", runIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return result;
    }

    static boolean ended(String status) {
        return status != null && ImportRun.Status.valueOf(status).ended();
    }
}
