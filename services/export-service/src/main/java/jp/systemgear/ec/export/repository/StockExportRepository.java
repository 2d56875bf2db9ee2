package jp.systemgear.ec.export.repository;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

import jp.systemgear.ec.export.domain.ChannelTemplate;
import jp.systemgear.ec.export.domain.ExportLevel;
import jp.systemgear.ec.export.domain.ExportRequest;

/**
 * Reads catalog's export views (never its tables) through a server-side cursor.
 *
 * <p>Why JDBC and not the reactive client: the export is written to a blocking output stream on a
 * worker thread, and PgJDBC with auto-commit off and a fetch size reads a PostgreSQL portal
 * {@code fetchSize} rows at a time, so the HTTP stream's back-pressure (a slow client blocks the
 * write) throttles the database read with nothing buffered but one batch: constant memory without
 * bridging a reactive stream into a blocking one.
 */
@ApplicationScoped
public class StockExportRepository {

    /** Receives the rows of an export in order; may throw to stop (e.g. the client went away). */
    @FunctionalInterface
    public interface RowSink {
        void accept(ResultSet row) throws IOException, SQLException;
    }

    /** "This view row changed after snapshot ?": any writer of any value it shows is not visible in it. */
    static final String CHANGED = "exists (select 1 from unnest(change_xids) x "
            + "where not pg_visible_in_snapshot(x, cast(? as pg_snapshot)))";

    /** "Snapshot ? is older than the newest removal catalog has pruned" (catalog V8). */
    static final String PREDATES_PRUNED_REMOVALS = "select pg_snapshot_xmin(cast(? as pg_snapshot)) <= pruned_through "
            + "from catalog.removed_export_horizon_v1";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final int fetchSize;

    public StockExportRepository(AgroalDataSource dataSource, ObjectMapper json,
            @ConfigProperty(name = "export.fetch-size", defaultValue = "1000") int fetchSize) {
        this.dataSource = dataSource;
        this.json = json;
        this.fetchSize = fetchSize;
    }

    /**
     * Opens ONE read-only REPEATABLE READ transaction and takes its snapshot: every read through the
     * session (the 304 check, the rows) sees the same data, even while imports apply runs, and the
     * snapshot's text is the cursor for the next incremental call. The caller must close it.
     */
    public ExportSession open() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            String snapshot;
            try (PreparedStatement ps = c.prepareStatement("select pg_current_snapshot()::text");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                snapshot = rs.getString(1);
            }
            return new ExportSession(c, snapshot, fetchSize);
        } catch (SQLException | RuntimeException e) {
            ExportSession.release(c);
            throw e;
        }
    }

    /** A channel template read by JDBC, for exports that run on worker threads (no reactive session there). */
    public Optional<ChannelTemplate> template(String code) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select id, code, name, format, encoding, include_header, "
                        + "layout::text, schedule_cron, created_at, updated_at from export.channel_template where code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ChannelTemplate t = new ChannelTemplate();
                t.id = rs.getLong(1);
                t.code = rs.getString(2);
                t.name = rs.getString(3);
                t.format = rs.getString(4);
                t.encoding = rs.getString(5);
                t.includeHeader = rs.getBoolean(6);
                t.layout = json.readValue(rs.getString(7), ChannelTemplate.Layout.class);
                t.scheduleCron = rs.getString(8);
                t.createdAt = rs.getTimestamp(9).toInstant();
                t.updatedAt = rs.getTimestamp(10).toInstant();
                return Optional.of(t);
            } catch (JsonProcessingException e) {
                throw new SQLException("channel template " + code + " has an unreadable layout", e);
            }
        }
    }

    /** The export's transaction: one connection, one snapshot. */
    public static final class ExportSession implements AutoCloseable {
        private final Connection c;
        private final String snapshot;
        private final int fetchSize;

        ExportSession(Connection c, String snapshot, int fetchSize) {
            this.c = c;
            this.snapshot = snapshot;
            this.fetchSize = fetchSize;
        }

        /** {@code pg_current_snapshot()} of this transaction, as text. */
        public String snapshot() {
            return snapshot;
        }

        /**
         * Whether an incremental export from {@code since} could miss removals: catalog has pruned removal
         * tombstones that the snapshot does not see.
         */
        public boolean predatesPrunedRemovals(String since) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(PREDATES_PRUNED_REMOVALS)) {
                ps.setString(1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        }

        /**
         * Whether any row in the request's scope (level, supplier and SKU filters; other filters are
         * ignored, which can only say "changed" more often) was written or removed after {@code since}.
         */
        public boolean changedSince(ExportRequest scope, String since) throws SQLException {
            List<Object> params = new ArrayList<>();
            StringBuilder sql = new StringBuilder("select exists (select 1 from ").append(scope.level().view)
                    .append(" where true");
            scopeFilters(scope, params, sql);
            sql.append(" and ").append(CHANGED).append(")");
            params.add(since);
            sql.append(" or exists (select 1 from catalog.removed_export_v1 where ");
            removedRows(scope, since, params, sql);
            // Removals older than catalog keeps may have happened since: count that as changed.
            sql.append(") or (").append(PREDATES_PRUNED_REMOVALS).append(")");
            params.add(since);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        }

        /**
         * Streams every row of the request into {@code sink}. The cursor is closed however the loop
         * ends, including an IOException from a client that disconnected.
         */
        public long stream(ExportRequest request, RowSink sink) throws SQLException, IOException {
            return stream(request, sink, 0);
        }

        /** As {@link #stream(ExportRequest, RowSink)}, the first {@code limit} rows only (0: all). */
        public long stream(ExportRequest request, RowSink sink, int limit) throws SQLException, IOException {
            List<Object> params = new ArrayList<>();
            String sql = sql(request, params) + (limit > 0 ? " limit " + limit : "");
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(fetchSize);
                bind(ps, params);
                long rows = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs);
                        rows++;
                    }
                }
                return rows;
            }
        }

        private void bind(PreparedStatement ps, List<Object> params) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof String[] array) {
                    ps.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
        }

        @Override
        public void close() {
            release(c);
        }

        /** Nothing was written; ending the transaction explicitly returns a clean connection to the pool. */
        static void release(Connection c) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // The connection is broken; the pool discards it on close.
            }
            try {
                c.close();
            } catch (SQLException ignored) {
                // Already gone.
            }
        }
    }

    static String sql(ExportRequest request, List<Object> params) {
        ExportLevel level = request.level();
        StringBuilder sql = new StringBuilder("select ");
        selectList(level, sql);
        if (request.incremental()) {
            // Changed rows, then rows removed since the cursor that are still absent (a re-created row
            // is reported by the first branch, as a row).
            sql.insert(0, "select * from (").append(", false as removed from ").append(level.view).append(" where true");
            scopeFilters(request, params, sql);
            sql.append(" and ").append(CHANGED);
            params.add(request.since().snapshot());
            sql.append(" union all select distinct on (sku");
            sql.append(level == ExportLevel.SUPPLIER ? ", supplier_code) " : ") ");
            for (int i = 0; i < level.columns.size(); i++) {
                String name = level.columns.get(i).sqlName();
                sql.append(i == 0 ? "" : ", ")
                        .append(name.equals("sku") || name.equals("supplier_code") ? name : "null");
            }
            sql.append(", true from catalog.removed_export_v1 where ");
            removedRows(request, request.since().snapshot(), params, sql);
            sql.append(") u");
        } else {
            sql.append(" from ").append(level.view).append(" where true");
            scopeFilters(request, params, sql);
            if (request.inStockOnly()) {
                sql.append(" and ").append(level.quantityColumn).append(" > 0");
                if (level == ExportLevel.SUPPLIER) {
                    // A switched-off supplier's or a discontinued item's stock cannot be sold.
                    sql.append(" and supplier_active and not discontinued");
                }
            }
            if (request.changedSince() != null) {
                sql.append(" and updated_at > ?");
                params.add(request.changedSince());
            }
        }
        // Byte order, so the output order does not depend on the database's collation.
        sql.append(" order by sku collate \"C\"");
        if (level == ExportLevel.SUPPLIER) {
            sql.append(", supplier_code collate \"C\"");
        }
        return sql.toString();
    }

    private static void selectList(ExportLevel level, StringBuilder sql) {
        for (int i = 0; i < level.columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(level.columns.get(i).sqlName());
        }
    }

    private static void scopeFilters(ExportRequest request, List<Object> params, StringBuilder sql) {
        if (!request.suppliers().isEmpty()) {
            sql.append(" and supplier_code = any(?)");
            params.add(request.suppliers().toArray(String[]::new));
        }
        if (!request.skus().isEmpty()) {
            sql.append(" and sku = any(?)");
            params.add(request.skus().toArray(String[]::new));
        }
    }

    /** Removals of the level's rows (products, or stock rows) in scope, made after {@code since}. */
    private static void removedRows(ExportRequest request, String since, List<Object> params, StringBuilder sql) {
        sql.append(request.level() == ExportLevel.SUPPLIER ? "supplier_code is not null" : "supplier_code is null");
        scopeFilters(request, params, sql);
        sql.append(" and not pg_visible_in_snapshot(change_xid, cast(? as pg_snapshot))");
        params.add(since);
    }
}
