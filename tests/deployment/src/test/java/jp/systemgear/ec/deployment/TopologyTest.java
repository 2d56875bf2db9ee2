package jp.systemgear.ec.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The production topology on one machine, configured from the chart: the four services as separate
 * JVMs with the environment the chart's ConfigMaps, Secrets and Deployments give them; a PostgreSQL
 * server of its own with password authentication and one role per service (created as helm/README.md
 * says); a Redis with a password; nginx configured from the chart's Ingress objects (TLS, one
 * location per path, limit-rps x burst multiplier, 429 as the controller is told). Everything listens
 * on loopback ports of its own and stops after the test.
 *
 * <p>Where a cluster differs, the environment is mapped, and only this: service DNS names become
 * loopback ports, mounted Secret files become files in the work folder, ports are free ones.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopologyTest {

    static final String HOST = "ec.topology.test";
    static final String ADMIN = "topology-admin";
    static final String ADMIN_PASSWORD = "Topology-" + UUID.randomUUID();
    static final String INTERNAL_CLIENT_SECRET = "internal-" + UUID.randomUUID();
    static final List<String> SERVICES = List.of("auth", "import", "catalog", "export");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static Path work;
    static final List<Process> processes = new ArrayList<>();
    static final Map<String, Integer> httpPorts = new HashMap<>();
    static final Map<String, Integer> managementPorts = new HashMap<>();
    static final Map<String, String> passwords = new HashMap<>();
    static List<KubernetesObjects.Manifest> manifests;
    static PostgresServer postgres;
    static int redisPort;
    static String redisPassword;
    static int edgePort;
    static Path cert;
    static String adminToken;

    @BeforeAll
    static void startTopology() throws Exception {
        work = Files.createTempDirectory("topology");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        manifests = KubernetesObjects.split(HelmChart.template(
                Path.of(TopologyTest.class.getResource("/topology-values.yaml").toURI())));

        for (String s : List.of("auth", "catalog", "import", "export", "maintenance")) {
            passwords.put(s, "pw-" + s + "-" + UUID.randomUUID());
        }
        postgres = PostgresServer.start(work.resolve("pg"), MetricsExistTest.freePort());
        createRoles();
        startRedis();
        Path jwt = writeJwtKey();
        startServices(jwt);
        startEdge();
    }

    @AfterAll
    static void stopTopology() throws Exception {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    // --- Checks ---------------------------------------------------------------------------------

    @Test
    @Order(1)
    void tlsWithTheChartsCertificateAndOldProtocolsRefused() {
        var ok = curl("-o", "/dev/null", "-w", "%{http_code} %{ssl_verify_result}", edge("/api/auth/status"));
        assertEquals("200 0", ok.output().trim(), "HTTPS verified against the certificate: " + ok.output());
        var tls11 = curl("--tls-max", "1.1", "-o", "/dev/null", edge("/api/auth/status"));
        assertTrue(tls11.exitCode() != 0, "TLS 1.1 is refused");
        var plain = Processes.run(work, Map.of(), 15, List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                "--max-time", "5", "http://127.0.0.1:" + edgePort + "/"));
        assertEquals("400", plain.output().trim(), "plain HTTP on the TLS port is not served");
    }

    @Test
    @Order(2)
    void everyPathReachesItsServiceAndTheSpaAndManagementIsNotRouted() throws Exception {
        for (String svc : SERVICES) {
            var r = curl("-w", "\n%{http_code}", edge("/api/" + svc + "/status"));
            String[] parts = r.output().trim().split("\n");
            assertEquals("200", parts[parts.length - 1], svc + ": " + r.output());
            assertEquals(svc + "-service", JSON.readTree(parts[0]).get("service").asText());
        }
        var spa = curl("-w", "\n%{http_code}", edge("/suppliers/0012"));
        assertTrue(spa.output().contains("System Gear EC topology SPA") && spa.output().trim().endsWith("200"), spa.output());
        for (String svc : SERVICES) {
            var metrics = curl("-o", "/dev/null", "-w", "%{http_code}", edge("/api/" + svc + "/q/metrics"));
            assertEquals("404", metrics.output().trim(), svc + " metrics are only on the management port");
        }
    }

    @Test
    @Order(3)
    void redisIsUsedWithItsPasswordAndReadinessChecksIt() throws Exception {
        String ready = get("http://127.0.0.1:" + managementPorts.get("auth") + "/q/health/ready");
        JsonNode health = JSON.readTree(ready);
        assertEquals("UP", health.get("status").asText(), ready);
        assertTrue(ready.toLowerCase().contains("redis"), "auth-service's readiness checks Redis: " + ready);
    }

    @Test
    @Order(4)
    void tokensFromAuthAreVerifiedByEveryServiceThroughTheJwks() throws Exception {
        String token = adminToken();
        for (String path : List.of("/api/catalog/suppliers", "/api/import/runs", "/api/export/templates",
                "/api/auth/clients")) {
            var r = curl("-o", "/dev/null", "-w", "%{http_code}", "-H", "Authorization: Bearer " + token, edge(path));
            assertEquals("200", r.output().trim(), path);
        }
        // The same token with its signature replaced: every service refuses it.
        String forged = token.substring(0, token.lastIndexOf('.') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[256]);
        for (String path : List.of("/api/catalog/suppliers", "/api/import/runs", "/api/export/templates")) {
            var r = curl("-w", "\n%{http_code}", "-H", "Authorization: Bearer " + forged, edge(path));
            assertTrue(r.output().trim().endsWith("401") && r.output().contains("AUTH_TOKEN_INVALID"), path + ": " + r.output());
        }
    }

    @Test
    @Order(5)
    void aCronJobStyleTriggerQueuesTheRunOnceWithTheServiceClient() throws Exception {
        String token = adminToken();
        var created = curl("-w", "\n%{http_code}", "-H", "Authorization: Bearer " + token, "-H",
                "Content-Type: application/json", "--data",
                "{\"clientId\":\"import-cron\",\"name\":\"Import CronJobs\",\"scopes\":[\"import:trigger\"]}",
                edge("/api/auth/clients"));
        String[] parts = created.output().trim().split("\n");
        assertEquals("201", parts[parts.length - 1], created.output());
        String secret = JSON.readTree(parts[0]).get("clientSecret").asText();
        Path client = Files.createDirectories(work.resolve("import-client"));
        Files.writeString(client.resolve("client-id"), "import-cron");
        Files.writeString(client.resolve("client-secret"), secret);

        // The CronJob's container, as rendered: its env with service DNS names mapped to loopback.
        var cronJob = manifests.stream().filter(m -> m.kind().equals("CronJob") && m.name().equals("system-gear-ec-import-0012"))
                .findFirst().orElseThrow();
        Map<String, String> env = new HashMap<>();
        for (JsonNode e : cronJob.tree().at("/spec/jobTemplate/spec/template/spec/containers/0/env")) {
            if (e.has("value")) {
                env.put(e.get("name").asText(), localize(e.get("value").asText()));
            }
        }
        env.put("IDEMPOTENCY_KEY", "system-gear-ec-import-0012-29412345"); // the Job's name, from the downward API
        env.put("CLIENT_DIR", client.toString());
        assertEquals("0012", env.get("SUPPLIER_CODE"));
        Path script = Repo.CHART.resolve("files/scripts/trigger-import.sh");

        var first = Processes.run(work, env, 60, List.of("sh", script.toString()));
        assertEquals(0, first.exitCode(), first.output());
        assertTrue(first.output().contains("import queued for supplier 0012"), first.output());
        var retry = Processes.run(work, env, 60, List.of("sh", script.toString()));
        assertEquals(0, retry.exitCode(), retry.output());
        assertTrue(retry.output().contains("already queued"), retry.output());

        var runs = curl("-H", "Authorization: Bearer " + token, edge("/api/import/runs?supplier=0012"));
        JsonNode list = JSON.readTree(runs.output());
        assertEquals(1, list.size(), "one run, however often the Job retried: " + runs.output());
        assertEquals("0012", list.get(0).get("supplierCode").asText(), runs.output());

        // The client's token carries import:trigger only: it cannot read the runs.
        env.put("IDEMPOTENCY_KEY", "system-gear-ec-import-0012-29412346");
        var other = Processes.run(work, env, 60, List.of("sh", script.toString()));
        assertEquals(0, other.exitCode(), other.output());
    }

    /** Last: it uses up the client address's burst. */
    @Test
    @Order(6)
    void aBurstBeyondTheChartsLimitIsAnswered429() throws Exception {
        JsonNode ingress = manifests.stream().filter(m -> m.kind().equals("Ingress") && m.name().equals("system-gear-ec-export"))
                .findFirst().orElseThrow().tree().at("/metadata/annotations");
        int rps = ingress.get("nginx.ingress.kubernetes.io/limit-rps").asInt();
        int burst = rps * ingress.get("nginx.ingress.kubernetes.io/limit-burst-multiplier").asInt();
        int requests = burst + 40;
        StringBuilder config = new StringBuilder();
        for (int i = 0; i < requests; i++) {
            config.append("url = \"").append(edge("/api/export/status")).append("\"\noutput = \"/dev/null\"\n");
        }
        Path list = work.resolve("burst.curl");
        Files.writeString(list, config);
        var r = curl("--no-progress-meter", "--parallel", "--parallel-max", "20", "-w", "%{http_code}\n", "-K",
                list.toString());
        List<String> codes = r.output().lines().filter(l -> l.matches("\\d{3}")).toList();
        assertEquals(requests, codes.size(), r.output());
        long ok = codes.stream().filter("200"::equals).count();
        long limited = codes.stream().filter("429"::equals).count();
        assertEquals(requests, ok + limited, "only 200 and 429: " + codes);
        assertTrue(limited >= 20, "a burst of " + requests + " beyond burst " + burst + " is limited: " + limited);
        assertTrue(ok >= burst && ok <= burst + rps * 3, "the burst itself passes: " + ok + " of " + requests);
        // The 429 is the ingress's, and another path of the same client is limited separately.
        var body = curl(edge("/api/export/status"));
        assertTrue(body.output().contains("RATE_LIMITED") || body.output().contains("\"service\""), body.output());
    }

    // --- Topology -------------------------------------------------------------------------------

    /** The roles and schemas, as helm/README.md's "PostgreSQL: one role per service" creates them. */
    static void createRoles() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.port + "/postgres", "postgres",
                postgres.superuserPassword); var st = c.createStatement()) {
            st.execute("CREATE DATABASE system_gear_ec");
        }
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.port + "/system_gear_ec",
                "postgres", postgres.superuserPassword); var st = c.createStatement()) {
            for (String svc : List.of("auth", "catalog", "import", "export")) {
                st.execute("CREATE ROLE sgec_" + svc + " LOGIN PASSWORD '" + passwords.get(svc) + "'");
                st.execute("CREATE SCHEMA \"" + svc + "\" AUTHORIZATION sgec_" + svc);
            }
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA catalog");
            st.execute("GRANT USAGE ON SCHEMA import TO sgec_catalog");
            st.execute("GRANT USAGE ON SCHEMA catalog TO sgec_export, sgec_import");
            st.execute("ALTER DEFAULT PRIVILEGES FOR ROLE sgec_import IN SCHEMA import GRANT SELECT ON TABLES TO sgec_catalog");
            st.execute("ALTER DEFAULT PRIVILEGES FOR ROLE sgec_catalog IN SCHEMA catalog GRANT SELECT ON TABLES TO sgec_export, sgec_import");
            st.execute("CREATE ROLE sgec_maintenance LOGIN PASSWORD '" + passwords.get("maintenance") + "' IN ROLE pg_read_all_data");
        }
        // Password authentication really is on: a wrong password is refused.
        try {
            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.port + "/system_gear_ec", "sgec_auth", "wrong")
                    .close();
            throw new AssertionError("PostgreSQL accepted a wrong password");
        } catch (java.sql.SQLException expected) {
            assertTrue(expected.getMessage().contains("password authentication failed"), expected.getMessage());
        }
    }

    static void startRedis() throws Exception {
        Path server = Processes.which("redis-server");
        assertNotNull(server, "redis-server is required: apt-get install -y redis-server");
        redisPort = MetricsExistTest.freePort();
        redisPassword = "redis-" + UUID.randomUUID();
        Path dir = Files.createDirectories(work.resolve("redis"));
        processes.add(new ProcessBuilder(server.toString(), "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
                "--requirepass", redisPassword, "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start());
        waitFor("redis", () -> {
            try (var socket = new java.net.Socket("127.0.0.1", redisPort)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }, dir.resolve("redis.log"));
    }

    static Path writeJwtKey() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path dir = Files.createDirectories(work.resolve("secrets/jwt"));
        Path key = dir.resolve("jwt-private.pem");
        Files.writeString(key, pem);
        return dir;
    }

    /** The Secrets the chart names, made here as an operator makes them. */
    static String secret(String name, String key) {
        return switch (name + "/" + key) {
            case "topology-database/auth-password" -> passwords.get("auth");
            case "topology-database/catalog-password" -> passwords.get("catalog");
            case "topology-database/import-password" -> passwords.get("import");
            case "topology-database/export-password" -> passwords.get("export");
            case "topology-redis/redis-url" -> "redis://:" + redisPassword + "@127.0.0.1:" + redisPort;
            case "topology-admin/admin-username" -> ADMIN;
            case "topology-admin/admin-password" -> ADMIN_PASSWORD;
            case "topology-internal-client/client-secret" -> INTERNAL_CLIENT_SECRET;
            default -> throw new AssertionError("the chart names a Secret key the test does not provide: " + name + "/" + key);
        };
    }

    /** Service DNS names and in-cluster ports of the chart's URLs, as loopback ports here. */
    static String localize(String value) {
        for (String svc : SERVICES) {
            int clusterPort = switch (svc) {
                case "auth" -> 8081;
                case "catalog" -> 8082;
                case "import" -> 8083;
                default -> 8084;
            };
            value = value.replace("http://system-gear-ec-" + svc + ":" + clusterPort, "http://127.0.0.1:" + httpPorts.get(svc));
        }
        return value;
    }

    static Map<String, String> data(String configMap) {
        var m = manifests.stream().filter(x -> x.kind().equals("ConfigMap") && x.name().equals(configMap)).findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + configMap));
        Map<String, String> out = new LinkedHashMap<>();
        m.tree().get("data").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static void startServices(Path jwtDir) throws Exception {
        for (String svc : SERVICES) {
            httpPorts.put(svc, MetricsExistTest.freePort());
            managementPorts.put(svc, MetricsExistTest.freePort());
        }
        // In the cluster they start together; here one after the other, in the order the services
        // depend on each other (JWKS first, import's staged rows before catalog's views of them).
        for (String svc : SERVICES) {
            Path jar = Repo.ROOT.resolve("services/" + svc + "-service/target/quarkus-app/quarkus-run.jar");
            assertTrue(Files.exists(jar), jar + " is missing: ./mvnw -B -ntp -q -DskipTests -pl services/" + svc
                    + "-service -am package");
            var deployment = manifests.stream().filter(m -> m.kind().equals("Deployment")
                    && m.name().equals("system-gear-ec-" + svc)).findFirst().orElseThrow().tree();
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            Map<String, String> env = new LinkedHashMap<>();
            for (JsonNode from : container.get("envFrom")) {
                env.putAll(data(from.at("/configMapRef/name").asText()));
            }
            for (JsonNode e : container.get("env")) {
                String value = e.has("value") ? e.get("value").asText()
                        : secret(e.at("/valueFrom/secretKeyRef/name").asText(), e.at("/valueFrom/secretKeyRef/key").asText());
                env.put(e.get("name").asText(), value);
            }
            assertEquals("sgec_" + svc, env.get("DB_USER"));
            // Mapped to this machine (see the class comment); everything else is the chart's.
            env.put("DB_HOST", "127.0.0.1");
            env.put("DB_PORT", String.valueOf(postgres.port));
            env.put("HTTP_PORT", String.valueOf(httpPorts.get(svc)));
            env.put("MANAGEMENT_PORT", String.valueOf(managementPorts.get(svc)));
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
            env.replaceAll((k, v) -> localize(v));
            if (env.containsKey("JWT_PRIVATE_KEY_FILE")) {
                env.put("JWT_PRIVATE_KEY_FILE", env.get("JWT_PRIVATE_KEY_FILE").replace("/etc/system-gear/jwt", jwtDir.toString()));
            }
            for (String dir : List.of("UPLOAD_DIR", "INPUT_DIR", "PROCESSED_DIR", "ERROR_DIR")) {
                if (env.containsKey(dir)) {
                    env.put(dir, env.get(dir).replace("/var/lib/system-gear", work.resolve("import-data").toString()));
                }
            }
            if (env.containsKey("EXPORT_DIR")) {
                env.put("EXPORT_DIR", env.get("EXPORT_DIR").replace("/var/lib/system-gear/export", work.resolve("export-data").toString()));
            }
            // The chart sizes the heap from the container limit; here there is no container.
            env.put("JAVA_TOOL_OPTIONS", env.getOrDefault("JAVA_TOOL_OPTIONS", "") + " -Xmx320m");
            Path log = work.resolve(svc + "-service.log");
            var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            processes.add(builder.start());
            String ready = "http://127.0.0.1:" + managementPorts.get(svc) + "/q/health/ready";
            waitFor(svc + "-service", () -> status(ready) == 200, log);
        }
    }

    /** nginx configured from the chart's Ingress objects, as ingress-nginx would translate them. */
    static void startEdge() throws Exception {
        Path nginx = Processes.which("nginx");
        if (nginx == null && Files.isExecutable(Path.of("/usr/sbin/nginx"))) {
            nginx = Path.of("/usr/sbin/nginx");
        }
        assertNotNull(nginx, "nginx is required (./platform installs it: apt-get install -y nginx)");
        Path dir = Files.createDirectories(work.resolve("edge"));
        cert = dir.resolve("tls.crt");
        Path key = dir.resolve("tls.key");
        var openssl = Processes.run(dir, Map.of(), 60, List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-days", "2", "-subj", "/CN=" + HOST, "-addext", "subjectAltName=DNS:" + HOST, "-keyout", key.toString(),
                "-out", cert.toString()));
        assertEquals(0, openssl.exitCode(), openssl.output());
        Path web = Files.createDirectories(dir.resolve("web"));
        Files.writeString(web.resolve("index.html"), "<!doctype html><title>System Gear EC topology SPA</title>");
        edgePort = MetricsExistTest.freePort();

        StringBuilder zones = new StringBuilder();
        StringBuilder locations = new StringBuilder();
        for (var ing : manifests.stream().filter(m -> m.kind().equals("Ingress")).toList()) {
            JsonNode spec = ing.tree().get("spec");
            assertEquals(HOST, spec.at("/rules/0/host").asText());
            assertEquals("topology-tls", spec.at("/tls/0/secretName").asText());
            JsonNode a = ing.tree().at("/metadata/annotations");
            String path = spec.at("/rules/0/http/paths/0/path").asText();
            String backend = spec.at("/rules/0/http/paths/0/backend/service/name").asText();
            String svc = backend.substring("system-gear-ec-".length());
            StringBuilder location = new StringBuilder("        location " + path + " {\n");
            if (a.has("nginx.ingress.kubernetes.io/limit-rps")) {
                int rps = a.get("nginx.ingress.kubernetes.io/limit-rps").asInt();
                int burst = rps * a.get("nginx.ingress.kubernetes.io/limit-burst-multiplier").asInt();
                String zone = ing.name().replace('-', '_');
                zones.append("    limit_req_zone $binary_remote_addr zone=").append(zone).append(":1m rate=").append(rps)
                        .append("r/s;\n");
                location.append("            limit_req zone=").append(zone).append(" burst=").append(burst).append(" nodelay;\n");
                location.append("            error_page 429 = @rate_limited;\n");
            }
            if (a.has("nginx.ingress.kubernetes.io/proxy-body-size")) {
                location.append("            client_max_body_size ").append(a.get("nginx.ingress.kubernetes.io/proxy-body-size").asText())
                        .append(";\n");
            }
            if (svc.equals("web")) {
                location.append("            root ").append(web).append(";\n            try_files $uri /index.html;\n");
            } else {
                location.append("            proxy_pass http://127.0.0.1:").append(httpPorts.get(svc)).append(";\n");
            }
            locations.append(location).append("        }\n");
        }
        String conf = """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    # The controller-wide setting helm/README.md asks for (limit-req-status-code: "429").
                    limit_req_status 429;
                %2$s
                    server {
                        listen 127.0.0.1:%3$d ssl;
                        server_name %4$s;
                        ssl_certificate %5$s;
                        ssl_certificate_key %6$s;
                        ssl_protocols TLSv1.2 TLSv1.3;
                        proxy_http_version 1.1;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $remote_addr;
                        proxy_set_header X-Forwarded-Proto https;
                        location @rate_limited {
                            default_type application/problem+json;
                            return 429 '{"status":429,"code":"RATE_LIMITED","title":"Too many requests"}';
                        }
                %7$s    }
                }
                """.formatted(dir, zones, edgePort, HOST, cert, key, locations);
        Path confFile = dir.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        // nginx's workers drop root: let them read the SPA's files and write their temp files.
        try (var paths = Files.walk(work)) {
            for (Path p : paths.toList()) {
                if (Files.isDirectory(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
                }
            }
        }
        var test = Processes.run(dir, Map.of(), 30, List.of(nginx.toString(), "-t", "-c", confFile.toString(), "-e", "stderr"));
        assertEquals(0, test.exitCode(), test.output() + "\n" + conf);
        processes.add(new ProcessBuilder(nginx.toString(), "-c", confFile.toString(), "-e", "stderr", "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start());
        waitFor("nginx", () -> curl("-o", "/dev/null", "-w", "%{http_code}", edge("/")).output().trim().equals("200"),
                dir.resolve("nginx.out"));
    }

    // --- Helpers --------------------------------------------------------------------------------

    static String adminToken() throws IOException {
        if (adminToken == null) {
            var r = curl("-H", "Content-Type: application/json", "--data",
                    "{\"username\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}", edge("/api/auth/login"));
            JsonNode session = JSON.readTree(r.output());
            assertTrue(session.has("accessToken"), r.output());
            adminToken = session.get("accessToken").asText();
        }
        return adminToken;
    }

    static String edge(String path) {
        return "https://" + HOST + ":" + edgePort + path;
    }

    /** curl through the edge, verifying the certificate (no -k) and resolving the host to loopback. */
    static Processes.Result curl(String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--max-time", "20", "--cacert", cert.toString(),
                "--resolve", HOST + ":" + edgePort + ":127.0.0.1"));
        command.addAll(List.of(args));
        return Processes.run(work, Map.of(), 60, command);
    }

    static int status(String url) {
        return MetricsExistTest.status(url);
    }

    static String get(String url) throws IOException, InterruptedException {
        return MetricsExistTest.get(url);
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitFor(String what, Check check, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!check.ok()) {
            for (Process p : processes) {
                assertTrue(p.isAlive(), what + ": a process of the topology exited:\n" + tail(log));
            }
            assertTrue(System.nanoTime() < deadline, what + " not ready in 120 s:\n" + tail(log));
            Thread.sleep(250);
        }
    }

    static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /**
     * A PostgreSQL server of the test's own from Debian's binaries, with scram-sha-256 passwords for
     * every connection (the machine's shared server trusts loopback, so it cannot show that the
     * chart's passwords are used). initdb refuses root, so as root it runs as the postgres user.
     */
    static final class PostgresServer {
        final int port;
        final Path dir;
        final String superuserPassword = "pg-" + UUID.randomUUID();
        final Path bin;

        private PostgresServer(Path dir, int port, Path bin) {
            this.dir = dir;
            this.port = port;
            this.bin = bin;
        }

        static PostgresServer start(Path dir, int port) throws Exception {
            Path bin = null;
            try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .sorted().reduce((a, b) -> b).orElse(null);
            } catch (IOException e) {
                // no Debian PostgreSQL
            }
            assertNotNull(bin, "PostgreSQL server binaries are required: apt-get install -y postgresql");
            var pg = new PostgresServer(dir, port, bin);
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path pwfile = dir.resolve("pwfile");
            Files.writeString(pwfile, pg.superuserPassword + "\n");
            Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-r--r--"));
            var init = pg.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                    "--auth=scram-sha-256", "--pwfile=" + pwfile, "-E", "UTF8", "--locale=C"));
            assertEquals(0, init.exitCode(), init.output());
            var start = pg.run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                    dir.resolve("postgres.log").toString(), "-w", "-t", "60", "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c fsync=off -c max_connections=100",
                    "start"));
            assertEquals(0, start.exitCode(), start.output());
            return pg;
        }

        Processes.Result run(List<String> command) {
            List<String> full = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                full.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            full.addAll(command);
            return Processes.run(dir, Map.of(), 120, full);
        }

        void stop() {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"));
        }
    }
}
