package jp.systemgear.ec.importer.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import jp.systemgear.ec.importer.pipeline.FakeCatalog;
import jp.systemgear.ec.testing.PostgresTestResource;

/**
 * The ways in running on their own (auto-start) in a test application of their own: directories in a
 * temporary folder of this application, a short settle time, a small upload limit (64 KiB, for the URL
 * size test), crons that fire only on 29 February (tests fire chosen minutes themselves, so the real
 * minute tick never interferes), and the drop-folder scan's own schedule out of the way (tests scan).
 */
public class SourcesProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Path root;
        try {
            root = Files.createTempDirectory("import-sources-test");
            Files.createDirectories(root.resolve("secrets"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("import.processing.auto-start", "true");
        config.put("import.processing.poll-interval", "0.3s");
        config.put("import.processing.stale-after", "10s");
        config.put("import.dirs.upload", root.resolve("uploads").toString());
        config.put("import.dirs.input", root.resolve("input").toString());
        config.put("import.dirs.processed", root.resolve("processed").toString());
        config.put("import.dirs.error", root.resolve("error").toString());
        config.put("import.sources.drop-settle", "1s");
        config.put("import.sources.drop-scan", "1h");
        config.put("import.sources.secrets-dir", root.resolve("secrets").toString());
        config.put("import.sources.url-timeout", "5s");
        config.put("quarkus.http.limits.max-body-size", "64K");
        config.put("import.schedule.stock-update-cron", "5 4 29 2 *");
        config.put("import.schedule.data-import-cron", "7 4 29 2 *");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class), new TestResourceEntry(FakeCatalog.class));
    }
}
