package jp.systemgear.ec.importer.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestApplicationDatabase;

/**
 * The COPY path with its sender thread against a real PostgreSQL: many batches arrive whole and in order,
 * the characters COPY's text format must escape survive, and a failure on the server or a closed COPY
 * neither hangs the reading thread nor leaves the connection unusable.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class StagingCopyTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    private String table;

    @BeforeEach
    void table() throws Exception {
        table = "import.copy_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        try (Connection c = TestApplicationDatabase.connect(); Statement st = c.createStatement()) {
            st.execute("create table " + table + " (run_id bigint, line_no integer, supplier_code text, import_date date, "
                    + "supplier_item_code text, jan text, item_name text, stock_text text, cost_text text, mapped_sku text, "
                    + "unit_cost numeric(15,4), quantity integer check (quantity >= 0))");
        }
    }

    private String copySql() {
        return StagingCopy.STAGED.replace("import.chukan_file_tanka", table);
    }

    @Test
    void rowsOfManyBatchesArriveWholeInOrderWithTheirAwkwardCharacters() throws Exception {
        int rows = 40_000; // about 25 batches
        String awkward = "髙島屋\t①特選\\ﾀｵﾙ\n～お茶～\r\0end";
        try (Connection c = TestApplicationDatabase.connect()) {
            c.setAutoCommit(false);
            long taken;
            try (StagingCopy copy = StagingCopy.open(c, copySql())) {
                for (int i = 1; i <= rows; i++) {
                    copy.staged(7, i, "SUP", DAY, String.format("%08d", i), i % 3 == 0 ? null : "4901234567894",
                            i == 20_000 ? awkward : "商品 " + i, "○", "1,280", "SG-" + i, new BigDecimal("1280.5"),
                            i % 5 == 0 ? null : i);
                }
                taken = copy.finish();
            }
            c.commit();
            assertEquals(rows, taken);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*), "
                    + "count(*) filter (where mapped_sku = 'SG-' || line_no), sum(line_no), "
                    + "(select item_name from " + table + " where line_no = 20000), count(quantity), count(jan) from " + table)) {
                rs.next();
                assertEquals(rows, rs.getInt(1));
                assertEquals(rows, rs.getInt(2));
                assertEquals((long) rows * (rows + 1) / 2, rs.getLong(3));
                assertEquals(awkward.replace('\0', '\u2400'), rs.getString(4));
                assertEquals(rows - rows / 5, rs.getInt(5));
                assertEquals(rows - rows / 3, rs.getInt(6));
            }
        }
    }

    @Test
    void aRowTheServerRefusesFailsTheCopyWithoutHangingAndTheConnectionGoesOn() throws Exception {
        try (Connection c = TestApplicationDatabase.connect()) {
            c.setAutoCommit(false);
            IOException failure = assertThrows(IOException.class, () -> {
                try (StagingCopy copy = StagingCopy.open(c, copySql())) {
                    for (int i = 1; i <= 40_000; i++) {
                        copy.staged(7, i, "SUP", DAY, "A", null, "名前", "1", "1", "SG-" + i, BigDecimal.ONE,
                                i == 100 ? -1 : 1);
                    }
                    copy.finish();
                }
            });
            assertEquals(true, failure.getMessage().contains("check"), failure.getMessage());
            c.rollback();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
    }

    @Test
    void aCopyClosedBeforeItsEndIsCancelledAndTheConnectionGoesOn() throws Exception {
        try (Connection c = TestApplicationDatabase.connect()) {
            c.setAutoCommit(false);
            try (StagingCopy copy = StagingCopy.open(c, copySql())) {
                for (int i = 1; i <= 10_000; i++) {
                    copy.staged(7, i, "SUP", DAY, "A", null, "名前", "1", "1", "SG-" + i, BigDecimal.ONE, 1);
                }
                // The reading thread failed here (a lost claim, an unreadable file): no finish.
            }
            c.rollback();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
    }
}
