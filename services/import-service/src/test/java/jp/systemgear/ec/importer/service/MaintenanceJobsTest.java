package jp.systemgear.ec.importer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import jp.systemgear.ec.common.scheduling.ClaimedJobRunner;
import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestApplicationDatabase;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class MaintenanceJobsTest {

    @Inject
    MaintenanceJobs jobs;

    @Inject
    ClaimedJobRunner runner;

    private Connection db() throws Exception {
        return TestApplicationDatabase.connect();
    }

    @Test
    void retentionDeletesOnlyRowErrorsOlderThanSixMonths() throws Exception {
        long runId;
        try (Connection c = db(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("insert into import.import_run (supplier_code, source) "
                    + "values ('RET', 'upload') returning id")) {
                rs.next();
                runId = rs.getLong(1);
            }
            s.execute("insert into import.import_row_error (run_id, line_no, raw_text, reason, created_at) values "
                    + "(" + runId + ", 1, '4901234567894,×,1,280', 'bad check digit', now() - interval '181 days'),"
                    + "(" + runId + ", 2, 'ABC,○', 'quantity missing', now() - interval '10 days')");
        }
        Instant fire = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(3650));
        assertTrue(jobs.purgeRowErrors(fire).await().atMost(Duration.ofSeconds(10)));

        try (Connection c = db(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select line_no from import.import_row_error where run_id = " + runId)) {
                rs.next();
                assertEquals(2, rs.getInt(1));
                assertTrue(!rs.next(), "the old row error is gone");
            }
            try (ResultSet rs = s.executeQuery("select outcome, detail from import.scheduled_job_execution "
                    + "where job_name = 'row-error-retention' and fire_time = '" + fire + "'")) {
                rs.next();
                assertEquals("succeeded", rs.getString(1));
                assertTrue(rs.getString(2).startsWith("deleted "));
            }
        }
    }

    @Test
    void stagedRowsOfRunsFinishedLongAgoAreDeletedAndRecentOrOpenOnesKept() throws Exception {
        long old;
        long recent;
        long open;
        try (Connection c = db(); Statement s = c.createStatement()) {
            old = run(s, "'committed', now() - interval '31 days'");
            recent = run(s, "'committed', now() - interval '2 days'");
            open = run(s, "'held', null");
            for (long id : List.of(old, recent, open)) {
                s.execute("insert into import.chukan_file_tanka (run_id, line_no, supplier_code, import_date, "
                        + "supplier_item_code, stock_text) values (" + id + ", 2, 'RET', current_date, '000123', '○')");
            }
        }
        Instant fire = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(3651));
        assertTrue(jobs.purgeStagedRows(fire).await().atMost(Duration.ofSeconds(10)));
        try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select run_id from import.chukan_file_tanka where run_id in (" + old + "," + recent + "," + open
                        + ") order by run_id")) {
            List<Long> left = new java.util.ArrayList<>();
            while (rs.next()) {
                left.add(rs.getLong(1));
            }
            assertEquals(List.of(recent, open), left);
        }
    }

    private static long run(Statement s, String statusAndFinish) throws Exception {
        try (ResultSet rs = s.executeQuery("insert into import.import_run (supplier_code, source, status, finished_at) "
                + "values ('RET', 'upload', " + statusAndFinish + ") returning id")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aFireRunsOnceWhenReplicasRaceForIt() {
        Instant fire = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(7300));
        List<CompletableFuture<Boolean>> replicas = List.of(
                runner.runOnce("race-test", fire, () -> io.smallrye.mutiny.Uni.createFrom().item("a"))
                        .subscribeAsCompletionStage(),
                runner.runOnce("race-test", fire, () -> io.smallrye.mutiny.Uni.createFrom().item("b"))
                        .subscribeAsCompletionStage(),
                runner.runOnce("race-test", fire, () -> io.smallrye.mutiny.Uni.createFrom().item("c"))
                        .subscribeAsCompletionStage());
        long ran = replicas.stream().map(CompletableFuture::join).filter(Boolean::booleanValue).count();
        assertEquals(1, ran);
    }
}
