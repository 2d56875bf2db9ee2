package jp.systemgear.ec.catalog.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

import jp.systemgear.ec.catalog.service.RemovedRowRetention;
import jp.systemgear.ec.testing.PostgresTestResource;

/**
 * Removal tombstones go after CATALOG_REMOVED_ROW_RETENTION (30 days by default), and the horizon export
 * compares cursors with moves to the newest pruned one, never back.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RemovedRowRetentionTest {

    @Inject
    RemovedRowRetention retention;

    @Test
    void tombstonesPastTheRetentionArePrunedAndTheHorizonMovesToTheNewestOfThem() throws Throwable {
        String tag = Long.toHexString(System.nanoTime());
        long oldXid;
        try (Connection c = ImportSchemaFixture.connect(); Statement st = c.createStatement()) {
            oldXid = xid(st, "insert into catalog.removed_row (product_id, supplier_id, sku, supplier_code, removed_at) "
                    + "values (-1, -1, 'OLD-" + tag + "', 'S', now() - interval '40 days'), "
                    + "(-2, null, 'OLDP-" + tag + "', null, now() - interval '31 days') returning change_xid::text");
            st.execute("insert into catalog.removed_row (product_id, supplier_id, sku, supplier_code, removed_at) "
                    + "values (-3, -1, 'NEW-" + tag + "', 'S', now() - interval '29 days')");
        }
        long pruned = VertxContextSupport.subscribeAndAwait(() -> retention.prune());
        assertTrue(pruned >= 2, "the two old tombstones went: " + pruned);
        try (Connection c = ImportSchemaFixture.connect(); Statement st = c.createStatement()) {
            assertEquals(0, count(st, "select count(*) from catalog.removed_row where sku like 'OLD%-" + tag + "'"));
            assertEquals(1, count(st, "select count(*) from catalog.removed_row where sku = 'NEW-" + tag + "'"));
            assertTrue(count(st, "select pruned_through::text::bigint from catalog.removed_export_horizon_v1") >= oldXid);
            long horizon = count(st, "select pruned_through::text::bigint from catalog.removed_export_horizon_v1");
            // Nothing more to prune: the horizon stays where it is.
            assertEquals(0L, (long) VertxContextSupport.subscribeAndAwait(() -> retention.prune()));
            assertEquals(horizon, count(st, "select pruned_through::text::bigint from catalog.removed_export_horizon_v1"));
            st.execute("delete from catalog.removed_row where sku = 'NEW-" + tag + "'");
        }
    }

    private static long xid(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return Long.parseLong(rs.getString(1));
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
