package jp.systemgear.ec.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric the alerts and the dashboard read exists, with the labels they match on: service
 * metrics on a running service's /q/metrics (import-service, started from its jar on loopback against
 * a scratch PostgreSQL database), kube-state-metrics ones in the table below.
 */
class MetricsExistTest {

    /**
     * kube-state-metrics series the rules and dashboard use, with the labels they carry (from
     * kube-state-metrics' metric documentation for pods, jobs and cronjobs). No cluster runs here, so
     * this table is the reference; a typo in a rule shows up as a name missing from it.
     */
    static final Map<String, Set<String>> KUBE_STATE_METRICS = Map.of(
            "kube_pod_container_status_restarts_total", Set.of("namespace", "pod", "container", "uid"),
            "kube_cronjob_status_last_schedule_time", Set.of("namespace", "cronjob"),
            "kube_cronjob_status_last_successful_time", Set.of("namespace", "cronjob"),
            "kube_cronjob_created", Set.of("namespace", "cronjob"),
            "kube_job_status_failed", Set.of("namespace", "job_name", "reason"));
    /** Labels Prometheus and the ServiceMonitor add to every scraped series. */
    static final Set<String> TARGET_LABELS = Set.of("namespace", "job", "pod", "service", "instance", "container",
            "endpoint", "component");

    static final String SERVICE = "import-service";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static Process process;
    static LocalPostgres database;
    static Path log;
    static Map<String, Set<String>> scraped;

    @BeforeAll
    static void startServiceAndScrape() throws Exception {
        Path jar = Repo.ROOT.resolve("services/" + SERVICE + "/target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), jar + " is missing: build it with ./mvnw -B -ntp -q -DskipTests -pl services/"
                + SERVICE + " -am package (./mvnw verify at the root builds it before this module)");
        database = LocalPostgres.createDatabase("deployment_metrics");
        int httpPort = freePort();
        int managementPort = freePort();
        log = Files.createTempFile("metrics-" + SERVICE, ".log");
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // The environment the chart gives the service (ConfigMaps in templates/), on loopback only.
        env.put("DB_HOST", database.host);
        env.put("DB_PORT", String.valueOf(database.port));
        env.put("DB_NAME", database.database);
        env.put("DB_USER", database.user);
        env.put("DB_PASSWORD", database.password);
        env.put("HTTP_PORT", String.valueOf(httpPort));
        env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        env.put("AUTH_JWKS_URL", "http://127.0.0.1:9/api/auth/jwks");
        Path dirs = Files.createTempDirectory("metrics-import-dirs");
        env.put("UPLOAD_DIR", dirs.resolve("uploads").toString());
        env.put("INPUT_DIR", dirs.resolve("batch_imports").toString());
        env.put("PROCESSED_DIR", dirs.resolve("processed").toString());
        env.put("ERROR_DIR", dirs.resolve("error").toString());
        process = builder.start();

        String management = "http://127.0.0.1:" + managementPort;
        String api = "http://127.0.0.1:" + httpPort + "/api/import";
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (status(management + "/q/health/ready") != 200) {
            assertTrue(process.isAlive(), SERVICE + " exited:\n" + Files.readString(log));
            assertTrue(System.nanoTime() < deadline, SERVICE + " not ready in 90 s:\n" + Files.readString(log));
            Thread.sleep(250);
        }
        // Requests that every real deployment sees: a status probe, an unauthenticated call (401),
        // so that the HTTP and pool series exist before the scrape.
        assertEquals(200, status(api + "/status"));
        assertEquals(401, status(api + "/runs"));
        // The import_* series exist once a supplier has a run in the database (the service reads it
        // every 15 s): record one committed run, as a finished import would, and wait for the refresh.
        try (var c = database.connect(); var st = c.createStatement()) {
            st.executeUpdate("insert into import.import_run (supplier_code, source, status, finished_at) "
                    + "values ('METRICS', 'upload', 'committed', now())");
        }
        long refreshed = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String metrics = "";
        while (!parseExposition(metrics).containsKey("import_last_success_timestamp_seconds")) {
            assertTrue(process.isAlive(), SERVICE + " exited:\n" + Files.readString(log));
            assertTrue(System.nanoTime() < refreshed, "import_last_success_timestamp_seconds not exposed within 60 s "
                    + "of a committed run:\n" + metrics);
            try {
                metrics = get(management + "/q/metrics");
            } catch (IOException e) {
                // a connect timing out on a busy machine: ask again until the deadline
            }
            Thread.sleep(500);
        }
        scraped = parseExposition(metrics);
    }

    @AfterAll
    static void stop() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    /** Metric name -> label names, over every expression in the alert rules and the dashboard. */
    static Map<String, Set<String>> usedMetrics() throws IOException {
        List<String> expressions = new ArrayList<>();
        var yaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        JsonNode rules = yaml.readTree(PrometheusRulesTest.rulesFile(Repo.CHART.resolve("ci/production-values.yaml")));
        rules.get("groups").forEach(g -> g.get("rules").forEach(r -> expressions.add(r.get("expr").asText())));
        JsonNode dashboard = new ObjectMapper().readTree(Repo.CHART.resolve("files/grafana/system-gear-ec.json").toFile());
        dashboard.findValues("expr").forEach(e -> expressions.add(e.asText()));
        Pattern labelValues = Pattern.compile("label_values\\((.*),\\s*\\w+\\)");
        dashboard.path("templating").path("list").forEach(v -> {
            Matcher m = labelValues.matcher(v.path("query").path("query").asText());
            if (m.matches()) {
                expressions.add(m.group(1));
            }
        });
        assertFalse(expressions.isEmpty());
        Map<String, Set<String>> used = new TreeMap<>();
        for (String expr : expressions) {
            // Grafana variables are not PromQL; they stand in label values only.
            PromQl.selectors(expr.replace("$namespace", "x").replace("$job", "x"))
                    .forEach((name, labels) -> used.computeIfAbsent(name, k -> new LinkedHashSet<>()).addAll(labels));
        }
        return used;
    }

    @Test
    void everyMetricInAlertsAndDashboardExists() throws IOException {
        Map<String, Set<String>> used = usedMetrics();
        assertTrue(used.containsKey("http_server_requests_seconds_count"), "parser found the HTTP metrics: " + used);
        List<String> problems = new ArrayList<>();
        used.forEach((name, labels) -> {
            Set<String> available;
            if (name.equals("up")) {
                return; // written by Prometheus itself for every target
            } else if (name.startsWith("kube_")) {
                available = KUBE_STATE_METRICS.get(name);
                if (available == null) {
                    problems.add(name + ": not a kube-state-metrics series this test knows");
                    return;
                }
            } else {
                available = scraped.get(name);
                if (available == null) {
                    problems.add(name + ": not exposed by " + SERVICE + "'s /q/metrics");
                    return;
                }
                available = new LinkedHashSet<>(available);
                available.addAll(TARGET_LABELS);
            }
            for (String label : labels) {
                if (!available.contains(label)) {
                    problems.add(name + ": has no label " + label + " (it has " + available + ")");
                }
            }
        });
        assertEquals(List.of(), problems, "metrics used by alerts/dashboard but not available");
    }

    /** The check itself can fail: a misspelt metric or label is reported. */
    @Test
    void aMisspeltMetricOrLabelIsReported() {
        var selectors = PromQl.selectors(
                "sum by (job) (rate(http_server_request_seconds_count{statuz=~\"5..\"}[5m])) / on (job) up");
        assertEquals(Map.of("http_server_request_seconds_count", Set.of("statuz"), "up", Set.of()), selectors);
        assertFalse(scraped.containsKey("http_server_request_seconds_count"));
        assertFalse(scraped.get("http_server_requests_seconds_count").contains("statuz"));
    }

    static Map<String, Set<String>> parseExposition(String text) {
        Map<String, Set<String>> out = new HashMap<>();
        Pattern line = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+\\S+.*$");
        Pattern label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"(?:[^\"\\\\]|\\\\.)*\"");
        for (String l : text.split("\n")) {
            if (l.startsWith("#") || l.isBlank()) {
                continue;
            }
            Matcher m = line.matcher(l);
            if (!m.matches()) {
                continue;
            }
            Set<String> labels = out.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>());
            if (m.group(3) != null) {
                Matcher lm = label.matcher(m.group(3));
                while (lm.find()) {
                    labels.add(lm.group(1));
                }
            }
        }
        return out;
    }

    static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static String get(String url) throws IOException, InterruptedException {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url);
        return response.body();
    }

    private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();

    /**
     * A free loopback port below the kernel's ephemeral range (32768 and up on Linux). A port the kernel
     * hands out (bind to 0) is from that range, and between choosing it and a service binding it, any
     * outgoing connection (a service's database pool) could be given it: a topology test once failed on
     * exactly that. 11000-17999 also stays clear of the fixed ports of the stack and bench suites.
     */
    static synchronized int freePort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 11000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(7000);
            if (!HANDED_OUT.add(port)) {
                continue; // chosen already in this run, maybe not bound yet
            }
            try (var socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // Try another one.
            }
        }
        throw new IOException("no free loopback port in 11000-17999");
    }
}
