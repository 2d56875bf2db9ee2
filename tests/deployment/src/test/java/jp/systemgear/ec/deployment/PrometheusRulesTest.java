package jp.systemgear.ec.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PrometheusRule's groups are a Prometheus rules file: promtool checks it and runs its unit tests. */
class PrometheusRulesTest {

    static final Path WORK = Path.of("target/prometheus").toAbsolutePath();
    static Path promtool;

    /** Renders the rules from ci/production-values.yaml (every alert group on) into target/prometheus. */
    @BeforeAll
    static void renderRules() throws IOException {
        promtool = Processes.which("promtool");
        assertNotNull(promtool, "promtool is not installed; it comes with Debian's prometheus package: "
                + "apt-get install -y --no-install-recommends prometheus (./platform test installs it when run as root)");
        Files.createDirectories(WORK);
        Files.writeString(WORK.resolve("rules.yaml"), rulesFile(Repo.CHART.resolve("ci/production-values.yaml")));
        try (InputStream tests = PrometheusRulesTest.class.getResourceAsStream("/prometheus/alerts-test.yaml")) {
            Files.copy(tests, WORK.resolve("alerts-test.yaml"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String rulesFile(Path values) throws IOException {
        var rules = KubernetesObjects.split(HelmChart.template(values)).stream()
                .filter(m -> m.kind().equals("PrometheusRule")).toList();
        assertEquals(1, rules.size(), "one PrometheusRule");
        return new ObjectMapper(new YAMLFactory()).writeValueAsString(rules.get(0).tree().get("spec"));
    }

    @Test
    void rulesPassPromtoolCheck() {
        var result = Processes.run(WORK, Map.of(), 60, List.of(promtool.toString(), "check", "rules", "rules.yaml"));
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("SUCCESS"), result.output());
    }

    @Test
    void alertsPassTheirUnitTests() {
        var result = Processes.run(WORK, Map.of(), 120, List.of(promtool.toString(), "test", "rules", "alerts-test.yaml"));
        assertEquals(0, result.exitCode(), result.output());
    }

    /** Every alert names a runbook section, and docs/OPERATIONS.md has that section. */
    @Test
    void everyAlertLinksToAnExistingRunbookSection() throws IOException {
        var yaml = new ObjectMapper(new YAMLFactory());
        var rules = yaml.readTree(WORK.resolve("rules.yaml").toFile());
        String operations = Files.readString(Repo.ROOT.resolve("docs/OPERATIONS.md"));
        var anchor = java.util.regex.Pattern.compile("docs/OPERATIONS\\.md#([a-z-]+)");
        rules.get("groups").forEach(group -> group.get("rules").forEach(rule -> {
            var m = anchor.matcher(rule.at("/annotations/description").asText());
            assertTrue(m.find(), rule.path("alert").asText() + " names no runbook section");
            assertTrue(operations.contains("<a id=\"" + m.group(1) + "\"></a>"),
                    rule.path("alert").asText() + ": docs/OPERATIONS.md has no section #" + m.group(1));
        }));
    }

    /** Every alert the chart defines has at least one unit test case. */
    @Test
    void everyAlertIsUnitTested() throws IOException {
        var yaml = new ObjectMapper(new YAMLFactory());
        var rules = yaml.readTree(WORK.resolve("rules.yaml").toFile());
        var tests = Files.readString(WORK.resolve("alerts-test.yaml"));
        rules.get("groups").forEach(group -> group.get("rules").forEach(rule -> {
            String alert = rule.path("alert").asText();
            assertTrue(tests.contains("alertname: " + alert), "no promtool test for " + alert);
        }));
    }
}
