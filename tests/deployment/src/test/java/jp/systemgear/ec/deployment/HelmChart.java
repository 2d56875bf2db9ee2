package jp.systemgear.ec.deployment;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The chart, driven through helm-java (Helm's own Go code, as a native library). */
final class HelmChart {

    /** The release name and namespace the plain manifests in k8s/ are rendered with. */
    static final String RELEASE = "system-gear-ec";
    static final String NAMESPACE = "system-gear-ec";

    private HelmChart() {
    }

    static String template(Path valuesFile) {
        return template(valuesFile, Map.of());
    }

    static String template(Path valuesFile, Map<String, Object> sets) {
        var command = new Helm(Repo.CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
        if (valuesFile != null) {
            command = command.withValuesFile(valuesFile);
        }
        for (var e : sets.entrySet()) {
            command = command.set(e.getKey(), e.getValue());
        }
        return command.call();
    }

    /**
     * {@code helm lint --strict -f valuesFile}: helm-java's lint takes no values file, so the chart is
     * copied with the values file merged into its values.yaml (Helm's own coalescing: maps merge, the
     * file wins) and the copy is linted.
     */
    static LintResult lint(Path valuesFile) {
        try {
            Path copy = Files.createTempDirectory("chart-lint").resolve(Repo.CHART.getFileName());
            try (var files = Files.walk(Repo.CHART)) {
                for (Path from : files.toList()) {
                    Path to = copy.resolve(Repo.CHART.relativize(from).toString());
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(from, to);
                    }
                }
            }
            var yaml = new ObjectMapper(new YAMLFactory());
            @SuppressWarnings("unchecked")
            Map<String, Object> values = yaml.readValue(Repo.CHART.resolve("values.yaml").toFile(), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> overrides = yaml.readValue(valuesFile.toFile(), Map.class);
            Files.writeString(copy.resolve("values.yaml"), yaml.writeValueAsString(merge(values, overrides)));
            return new Helm(copy).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        if (over == null) {
            return out;
        }
        over.forEach((k, v) -> {
            if (v instanceof Map && out.get(k) instanceof Map) {
                out.put(k, merge((Map<String, Object>) out.get(k), (Map<String, Object>) v));
            } else {
                out.put(k, v);
            }
        });
        return out;
    }
}
