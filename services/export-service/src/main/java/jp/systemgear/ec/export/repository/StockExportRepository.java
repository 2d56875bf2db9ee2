package jp.systemgear.ec.export.repository;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;

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

    private final AgroalDataSource dataSource;
    private final int fetchSize;

    public StockExportRepository(AgroalDataSource dataSource,
            @ConfigProperty(name = "export.fetch-size", defaultValue = "1000") int fetchSize) {
        this.dataSource = dataSource;
        this.fetchSize = fetchSize;
    }

    /**
     * Streams every row of the request into {@code sink} inside ONE read-only REPEATABLE READ
     * transaction, so the export is one consistent snapshot even while imports apply runs. The
     * cursor, transaction and connection are released however the loop ends, including an
     * IOException from a client that disconnected.
     */
    public long stream(ExportRequest request, RowSink sink) throws SQLException, IOException {
        List<Object> params = new ArrayList<>();
        String sql = sql(request, params);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(fetchSize);
                for (int i = 0; i < params.size(); i++) {
                    Object p = params.get(i);
                    if (p instanceof String[] array) {
                        ps.setArray(i + 1, c.createArrayOf("text", array));
                    } else {
                        ps.setObject(i + 1, p);
                    }
                }
                long rows = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs);
                        rows++;
                    }
                }
                return rows;
            } finally {
                // Nothing was written; ending the transaction explicitly returns a clean connection.
                rollbackQuietly(c);
            }
        }
    }

    static String sql(ExportRequest request, List<Object> params) {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < request.level().columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(request.level().columns.get(i).sqlName());
        }
        sql.append(" from ").append(request.level().view).append(" where true");
        if (!request.suppliers().isEmpty()) {
            sql.append(" and supplier_code = any(?)");
            params.add(request.suppliers().toArray(String[]::new));
        }
        if (!request.skus().isEmpty()) {
            sql.append(" and sku = any(?)");
            params.add(request.skus().toArray(String[]::new));
        }
        if (request.inStockOnly()) {
            sql.append(" and ").append(request.level().quantityColumn).append(" > 0");
            if (request.level() == jp.systemgear.ec.export.domain.ExportLevel.SUPPLIER) {
                // A switched-off supplier's or a discontinued item's stock cannot be sold.
                sql.append(" and supplier_active and not discontinued");
            }
        }
        if (request.changedSince() != null) {
            sql.append(" and updated_at > ?");
            params.add(request.changedSince());
        }
        // Byte order, so the output order does not depend on the database's collation.
        sql.append(" order by sku collate \"C\"");
        if (request.level() == jp.systemgear.ec.export.domain.ExportLevel.SUPPLIER) {
            sql.append(", supplier_code collate \"C\"");
        }
        return sql.toString();
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool discards it on close.
        }
    }
}
