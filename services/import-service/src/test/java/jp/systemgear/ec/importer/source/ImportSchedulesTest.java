package jp.systemgear.ec.importer.source;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import jp.systemgear.ec.testing.TestApplicationDatabase;

/**
 * Scheduled imports: STOCK_UPDATE_CRON (here "5 4 29 2 *") queues runs for fetchable suppliers without a
 * cron of their own, DATA_IMPORT_CRON ("7 4 29 2 *") for all fetchable suppliers, a supplier's own
 * scheduleCron for itself; in Asia/Tokyo; each fire claimed once across replicas; a fire that would
 * overlap a supplier's open run is skipped. Each test fires minutes of its own year (29 February).
 */
@QuarkusTest
@TestProfile(SourcesProfile.class)
class ImportSchedulesTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Inject
    ImportSchedules schedules;

    final List<String> suppliers = new ArrayList<>();

    @BeforeAll
    static void catalogSchema() {
        TestApplicationDatabase.migrateOwnedSchema("catalog", "catalog-service");
    }

    @AfterEach
    void forgetSuppliers() {
        Suppliers.remove(suppliers);
    }

    String supplier(String prefix, String source, String cron) {
        String code = Suppliers.code(prefix);
        suppliers.add(code);
        return Suppliers.register(code, source, cron);
    }

    static final String DROP = "{\"type\":\"DROP_FOLDER\"}";
    static final String URL = "{\"type\":\"URL\",\"url\":\"http://127.0.0.1:9/stock.csv\"}";

    static Instant tokyo(int year, int hour, int minute) {
        return ZonedDateTime.of(year, 2, 29, hour, minute, 0, 0, TOKYO).toInstant();
    }

    @Test
    void theStockUpdateQueuesRunsForFetchableSuppliersWithoutACronOfTheirOwnOnceAcrossReplicas() {
        String drop = supplier("A", DROP, null);
        String url = supplier("B", URL, null);
        String ownCron = supplier("C", DROP, "17 3 29 2 *");
        String upload = supplier("D", "{\"type\":\"UPLOAD\"}", null);
        String inactive = supplier("E", DROP, null);
        jp.systemgear.ec.importer.pipeline.FakeCatalog.SUPPLIERS.computeIfPresent(inactive, (k, doc) -> doc.replace("\"active\":true", "\"active\":false"));

        // Two replicas tick the same minute at once (a few seconds into it), a third a little later.
        Instant fire = tokyo(2028, 4, 5);
        CompletableFuture<ImportSchedules.Tick> one = CompletableFuture.supplyAsync(() -> schedules.tick(fire.plusSeconds(1)));
        CompletableFuture<ImportSchedules.Tick> two = CompletableFuture.supplyAsync(() -> schedules.tick(fire.plusMillis(300)));
        ImportSchedules.Tick late = schedules.tick(fire.plusSeconds(40));
        List<Boolean> ran = List.of(one.join().fired().get(ImportSchedules.STOCK_UPDATE),
                two.join().fired().get(ImportSchedules.STOCK_UPDATE), late.fired().get(ImportSchedules.STOCK_UPDATE));
        assertEquals(1, ran.stream().filter(b -> b).count(), "claimed by one replica: " + ran);
        assertEquals(fire, late.minute());

        assertEquals(1, Suppliers.runIds(drop).size());
        assertEquals(1, Suppliers.runIds(url).size());
        assertEquals(List.of(), Suppliers.runIds(ownCron), "a supplier with its own cron is not in the stock update");
        assertEquals(List.of(), Suppliers.runIds(upload), "an upload supplier has nothing to fetch");
        assertEquals(List.of(), Suppliers.runIds(inactive));

        long dropRun = Suppliers.runIds(drop).get(0);
        Suppliers.run(dropRun).body("source", equalTo("schedule")).body("requestedBy", equalTo("scheduler"));
        // Queued runs go on to be fetched: here there is nothing in the folder, and the URL is closed.
        assertEquals("failed", Suppliers.awaitStatus(dropRun, "committed", "failed"));
        Suppliers.run(dropRun).body("errorMessage", containsString("No complete file"));
        long urlRun = Suppliers.runIds(url).get(0);
        assertEquals("failed", Suppliers.awaitStatus(urlRun, "committed", "failed"));
        Suppliers.run(urlRun).body("errorMessage", containsString("could not be reached"));
    }

    @Test
    void cronsAreReadInTheShopsTimeZone() {
        String drop = supplier("Z", DROP, null);
        // 04:05 UTC is 13:05 in Tokyo: no fire.
        ImportSchedules.Tick utc = schedules.tick(ZonedDateTime.of(2040, 2, 29, 4, 5, 0, 0, ZoneId.of("UTC")).toInstant());
        assertFalse(utc.fired().containsKey(ImportSchedules.STOCK_UPDATE));
        assertEquals(List.of(), Suppliers.runIds(drop));
        ImportSchedules.Tick tokyo = schedules.tick(tokyo(2040, 4, 5));
        assertTrue(tokyo.fired().get(ImportSchedules.STOCK_UPDATE));
        assertEquals(1, Suppliers.runIds(drop).size());
    }

    @Test
    void aSuppliersOwnCronFiresForItAndTheDailyImportTakesEveryFetchableSupplier() throws SQLException {
        String plain = supplier("F", DROP, null);
        String ownCron = supplier("G", URL, "17 3 29 2 *");

        ImportSchedules.Tick own = schedules.tick(tokyo(2032, 3, 17));
        assertTrue(own.fired().get("supplier:" + ownCron));
        assertEquals(1, own.fired().size(), "only that supplier's job fires at 03:17: " + own.fired());
        assertFalse(schedules.tick(tokyo(2032, 3, 17).plusSeconds(20)).fired().get("supplier:" + ownCron),
                "the same fire again (another replica) is not run twice");
        List<Integer> first = Suppliers.runIds(ownCron);
        assertEquals(1, first.size());
        assertEquals(List.of(), Suppliers.runIds(plain));
        assertEquals("succeeded", outcome("supplier:" + ownCron, tokyo(2032, 3, 17)));
        Suppliers.awaitStatus(first.get(0), "committed", "failed");

        ImportSchedules.Tick daily = schedules.tick(tokyo(2032, 4, 7));
        assertTrue(daily.fired().get(ImportSchedules.DATA_IMPORT));
        assertEquals(1, Suppliers.runIds(plain).size());
        assertEquals(2, Suppliers.runIds(ownCron).size(), "the daily import includes suppliers with their own cron");
    }

    @Test
    void aFireWhileTheSupplierStillHasARunOpenIsSkippedAndRecorded() throws SQLException {
        String busy = supplier("H", DROP, null);
        long held;
        try (Connection c = TestApplicationDatabase.connect(); PreparedStatement st = c.prepareStatement(
                "insert into import.import_run (supplier_code, source, status) values (?, 'upload', 'held') returning id")) {
            st.setString(1, busy);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                held = rs.getLong(1);
            }
        }
        ImportSchedules.Tick tick = schedules.tick(tokyo(2036, 4, 5));
        assertTrue(tick.fired().get(ImportSchedules.STOCK_UPDATE));
        assertEquals(List.of((int) held), Suppliers.runIds(busy), "no second run beside the open one");
        assertEquals("succeeded", outcome(ImportSchedules.STOCK_UPDATE, tokyo(2036, 4, 5)));
        assertTrue(detail(ImportSchedules.STOCK_UPDATE, tokyo(2036, 4, 5)).contains(busy + " (run " + held + " held)"));
    }

    static String outcome(String job, Instant fire) throws SQLException {
        return column("outcome", job, fire);
    }

    static String detail(String job, Instant fire) throws SQLException {
        return column("detail", job, fire);
    }

    private static String column(String column, String job, Instant fire) throws SQLException {
        try (Connection c = TestApplicationDatabase.connect(); PreparedStatement st = c.prepareStatement(
                "select " + column + " from import.scheduled_job_execution where job_name = ? and fire_time = ?")) {
            st.setString(1, job);
            st.setObject(2, fire.atOffset(java.time.ZoneOffset.UTC));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
