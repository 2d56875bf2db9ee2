package jp.systemgear.ec.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** helm lint and helm template for every ci/ values file; every object valid for its API type. */
class ChartRenderTest {

    static Stream<Path> valuesFiles() {
        return Repo.ciValuesFiles().stream();
    }

    @ParameterizedTest(name = "helm lint --strict -f {0}")
    @MethodSource("valuesFiles")
    void lintsStrictly(Path values) {
        var result = HelmChart.lint(values);
        assertFalse(result.isFailed(), () -> "helm lint failed for " + values + ":\n"
                + String.join("\n", result.getMessages()));
    }

    @ParameterizedTest(name = "helm template -f {0}: every object valid")
    @MethodSource("valuesFiles")
    void rendersOnlyValidObjects(Path values) throws IOException {
        String rendered = HelmChart.template(values);
        // Kept for reading when a check fails: target/rendered/<values file>.
        Path out = Path.of("target/rendered", values.getFileName().toString());
        Files.createDirectories(out.getParent());
        Files.writeString(out, rendered);
        var manifests = KubernetesObjects.split(rendered);
        assertFalse(manifests.isEmpty(), "nothing rendered");
        List<String> problems = new ArrayList<>();
        manifests.forEach(m -> problems.addAll(KubernetesObjects.validate(m)));
        assertEquals(List.of(), problems, "invalid objects rendered from " + values);
        var ids = manifests.stream().map(m -> m.kind() + "/" + m.name()).toList();
        assertEquals(ids.stream().distinct().count(), ids.size(), "duplicate objects: " + ids);
        assertTrue(manifests.stream().allMatch(m -> m.tree().at("/metadata/labels/app.kubernetes.io~1part-of")
                .asText().equals("system-gear-ec")), "every object carries the part-of label");
    }
}
