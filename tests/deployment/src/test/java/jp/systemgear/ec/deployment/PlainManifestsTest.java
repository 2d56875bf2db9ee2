package jp.systemgear.ec.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * k8s/system-gear-ec.yaml must be exactly what the chart renders from k8s/values.yaml: a chart change
 * without a regenerated k8s/ fails here. Regenerate with
 * {@code ./mvnw -B -ntp -pl tests/deployment verify -Dk8s.update=true}.
 */
class PlainManifestsTest {

    static final Path VALUES = Repo.K8S.resolve("values.yaml");
    static final Path OUTPUT = Repo.K8S.resolve("system-gear-ec.yaml");
    static final String HEADER = """
            # GENERATED from helm/system-gear-ec with k8s/values.yaml (release and namespace "system-gear-ec").
            # Do not edit: change the chart or k8s/values.yaml, then regenerate (k8s/README.md):
            #   ./mvnw -B -ntp -pl tests/deployment verify -Dk8s.update=true
            """;

    @Test
    void plainManifestsMatchTheChart() throws IOException {
        String expected = HEADER + HelmChart.template(VALUES);
        if (Boolean.getBoolean("k8s.update")) {
            Files.writeString(OUTPUT, expected);
        }
        assertTrue(Files.exists(OUTPUT), OUTPUT + " is missing; generate it with -Dk8s.update=true");
        assertEquals(expected, Files.readString(OUTPUT),
                "k8s/system-gear-ec.yaml is out of date with the chart; regenerate it: "
                        + "./mvnw -B -ntp -pl tests/deployment verify -Dk8s.update=true");
    }

    @Test
    void plainManifestsAreValidAndCarryNoSecrets() throws IOException {
        var manifests = KubernetesObjects.split(Files.readString(OUTPUT));
        List<String> problems = new ArrayList<>();
        manifests.forEach(m -> problems.addAll(KubernetesObjects.validate(m)));
        assertEquals(List.of(), problems);
        // Secrets are created by the operator (k8s/README.md), never shipped in the repository.
        assertEquals(List.of(), manifests.stream().filter(m -> m.kind().equals("Secret")).map(m -> m.name()).toList());
    }
}
