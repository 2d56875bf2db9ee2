package jp.systemgear.ec.importer.source;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import jp.systemgear.ec.importer.config.ImportConfig;
import jp.systemgear.ec.testing.TestApplicationDatabase;

/**
 * The drop folder: a file is taken only once complete, by one replica, becomes a run through the upload
 * path, and is moved to PROCESSED_DIR or ERROR_DIR under its run's id once the run ends.
 */
@QuarkusTest
@TestProfile(SourcesProfile.class)
class DropFolderTest {

    @Inject
    DropFolderScanner scanner;

    @Inject
    ImportConfig config;

    final List<String> suppliers = new ArrayList<>();

    @BeforeAll
    static void catalogSchema() {
        TestApplicationDatabase.migrateOwnedSchema("catalog", "catalog-service");
    }

    @AfterEach
    void forgetSuppliers() {
        Suppliers.remove(suppliers);
    }

    /** A DROP_FOLDER supplier with a folder of its own (a fresh directory per test). */
    Path dropSupplier(String code, String pattern) throws IOException {
        suppliers.add(code);
        String folder = "in-" + code.toLowerCase();
        Suppliers.register(code, "{\"type\":\"DROP_FOLDER\",\"folder\":\"" + folder + "\""
                + (pattern == null ? "" : ",\"filePattern\":\"" + pattern + "\"") + "}", null);
        return Files.createDirectories(Path.of(config.dirs().input(), folder));
    }

    Path processed(long runId, String name) {
        return Path.of(config.dirs().processed(), runId + "_" + name);
    }

    Path error(long runId, String name) {
        return Path.of(config.dirs().error(), runId + "_" + name);
    }

    /** Scans (with the given view) until the file's run has ended and the file is in its final folder. */
    void awaitMoved(DropFolder view, Path target) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            scanner.finishEnded(view);
            return Files.exists(target);
        });
    }

    static long onlyRun(String supplier) {
        List<Integer> ids = Suppliers.runIds(supplier);
        assertEquals(1, ids.size(), "runs of " + supplier + ": " + ids);
        return ids.get(0);
    }

    @Test
    void aFileIsTakenOnlyOnceCompleteThenMovedToProcessedUnderItsRunId() throws Exception {
        String code = Suppliers.code("D");
        Path folder = dropSupplier(code, "*.csv");
        Path file = folder.resolve("zaiko.csv");
        DropFolder view = scanner.newView();
        AtomicBoolean writing = new AtomicBoolean(true);
        int rows = 40;
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write("code,stock,cost\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                for (int i = 1; i <= rows; i++) {
                    out.write(("%06d,%d,%d%n".formatted(i, i, 100 + i)).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(100); // slower than no write for the whole settle time (1 s)
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                writing.set(false);
            }
        });
        while (writing.get()) {
            DropFolderScanner.ScanReport report = scanner.scan(view);
            if (writing.get()) {
                assertTrue(report.runs().isEmpty(), "taken while still being written: " + report);
                assertTrue(Files.exists(file));
            }
        }
        writer.join();
        assertTrue(Suppliers.runIds(code).size() <= 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            scanner.scan(view);
            return !Suppliers.runIds(code).isEmpty();
        });
        assertFalse(Files.exists(file), "the file left the supplier's folder when it was claimed");
        long id = onlyRun(code);
        assertEquals("committed", Suppliers.awaitStatus(id, "committed", "failed"));
        Suppliers.run(id).body("source", equalTo("drop_folder")).body("sourceRef", equalTo("zaiko.csv"))
                .body("fileName", equalTo("zaiko.csv")).body("rowsTotal", equalTo(rows))
                .body("requestedBy", equalTo("drop-folder"));
        awaitMoved(view, processed(id, "zaiko.csv"));
        assertEquals(rows + 1, Files.readAllLines(processed(id, "zaiko.csv")).size());

        // Never twice: scanning again finds nothing, and the run is still the only one.
        scanner.scan(view);
        scanner.scan(scanner.newView());
        assertEquals(1, Suppliers.runIds(code).size());
        assertEquals(List.of(), claimedFiles(code));
    }

    @Test
    void hiddenTemporaryAndUnmatchedFilesAreLeftAlone() throws Exception {
        String code = Suppliers.code("D");
        Path folder = dropSupplier(code, "*.csv");
        for (String name : List.of(".zaiko.csv", "zaiko.csv.part", "zaiko.csv.tmp", "notes.txt")) {
            Files.writeString(folder.resolve(name), Suppliers.CSV);
            Files.setLastModifiedTime(folder.resolve(name), FileTime.from(Instant.now().minusSeconds(600)));
        }
        Files.createDirectories(folder.resolve("sub.csv"));
        DropFolder view = scanner.newView();
        scanner.scan(view);
        scanner.scan(view);
        assertEquals(List.of(), Suppliers.runIds(code));
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(5, left.count());
        }
    }

    @Test
    void twoReplicasScanningAtOnceTakeEveryFileExactlyOnce() throws Exception {
        String code = Suppliers.code("D");
        Path folder = dropSupplier(code, null);
        int files = 8;
        for (int i = 0; i < files; i++) {
            // Different contents: otherwise the SHA-256 dedupe would hide a double take.
            Files.writeString(folder.resolve("f" + i + ".csv"), "code,stock,cost\n%06d,%d,100\n".formatted(500 + i, i));
        }
        DropFolder a = scanner.newView();
        DropFolder b = scanner.newView();
        for (int round = 0; round < 2; round++) {
            CompletableFuture<DropFolderScanner.ScanReport> first = CompletableFuture.supplyAsync(() -> scanner.scan(a));
            CompletableFuture<DropFolderScanner.ScanReport> second = CompletableFuture.supplyAsync(() -> scanner.scan(b));
            first.join();
            second.join();
        }
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(0, left.count(), "every file was claimed");
        }
        List<Integer> ids = Suppliers.runIds(code);
        assertEquals(files, ids.size(), "one run per file: " + ids);
        Set<String> refs = new HashSet<>();
        for (int id : ids) {
            assertEquals("committed", Suppliers.awaitStatus(id, "committed", "failed"));
            refs.add(Suppliers.run(id).extract().path("sourceRef"));
        }
        assertEquals(files, refs.size(), "each file's name on exactly one run: " + refs);
        for (int id : ids) {
            String name = Suppliers.run(id).extract().path("sourceRef");
            awaitMoved(a, processed(id, name));
        }
        assertEquals(List.of(), claimedFiles(code));
    }

    @Test
    void aRefusedFileAndAFailedRunGoToErrorUnderTheirRunIds() throws Exception {
        String code = Suppliers.code("D");
        Path folder = dropSupplier(code, null);
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        Files.write(folder.resolve("image.csv"), binary);
        Files.writeString(folder.resolve("wrong-header.csv"), "品番,数量\n1,2\n");
        DropFolder view = scanner.newView();
        scanner.scan(view);
        List<Integer> ids = Suppliers.runIds(code);
        assertEquals(2, ids.size());
        for (int id : ids) {
            assertEquals("failed", Suppliers.awaitStatus(id, "committed", "failed"));
            String name = Suppliers.run(id).extract().path("sourceRef");
            awaitMoved(view, error(id, name));
            if (name.equals("image.csv")) {
                Suppliers.run(id).body("errorCode", equalTo("FILE_UPLOAD_ERROR"))
                        .body("errorMessage", containsString("Invalid file type"))
                        .body("source", equalTo("drop_folder"));
            } else {
                Suppliers.run(id).body("errorCode", equalTo("BATCH_PROCESS_ERROR"));
            }
        }
        assertFalse(Files.exists(Path.of(config.dirs().processed(), ids.get(0) + "_image.csv")));
    }

    @Test
    void aFileWithContentAlreadyImportedGoesToProcessedUnderTheExistingRunsId() throws Exception {
        String code = Suppliers.code("D");
        Path folder = dropSupplier(code, null);
        Files.writeString(folder.resolve("monday.csv"), Suppliers.CSV);
        DropFolder view = scanner.newView();
        scanner.scan(view);
        long id = onlyRun(code);
        assertEquals("committed", Suppliers.awaitStatus(id, "committed", "failed"));
        awaitMoved(view, processed(id, "monday.csv"));

        Files.writeString(folder.resolve("tuesday.csv"), Suppliers.CSV);
        scanner.scan(view);
        awaitMoved(view, processed(id, "tuesday.csv"));
        assertEquals(1, Suppliers.runIds(code).size(), "the same content makes no second run");
    }

    @Test
    void aClaimLeftByADeadReplicaIsTakenOverAfterStaleAfter() throws Exception {
        String code = Suppliers.code("D");
        dropSupplier(code, null);
        Path claimed = Files.createDirectories(Path.of(config.dirs().input(), ".claimed", code));
        long longAgo = System.currentTimeMillis() - Duration.ofMinutes(5).toMillis();
        Files.writeString(claimed.resolve("c-" + longAgo + "-deadbeef_left.csv"), Suppliers.CSV);
        Files.writeString(claimed.resolve("c-" + System.currentTimeMillis() + "-cafebabe_fresh.csv"), "code\n1\n",
                StandardOpenOption.CREATE);
        DropFolder view = scanner.newView();
        scanner.scan(view);
        long id = onlyRun(code);
        Suppliers.run(id).body("sourceRef", equalTo("left.csv"));
        assertEquals("committed", Suppliers.awaitStatus(id, "committed", "failed"));
        awaitMoved(view, processed(id, "left.csv"));
        assertEquals(1, claimedFiles(code).size(), "a fresh claim (its replica is alive) is left alone");
    }

    List<String> claimedFiles(String code) throws IOException {
        Path dir = Path.of(config.dirs().input(), ".claimed", code);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
