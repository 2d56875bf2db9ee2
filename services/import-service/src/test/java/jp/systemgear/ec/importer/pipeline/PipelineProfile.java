package jp.systemgear.ec.importer.pipeline;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import jp.systemgear.ec.testing.PostgresTestResource;

/** The pipeline running on its own, against a fake catalog, in a test application of its own. */
public class PipelineProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("import.processing.auto-start", "true", "import.processing.poll-interval", "0.3s",
                "import.processing.stale-after", "3s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class), new TestResourceEntry(FakeCatalog.class));
    }
}
