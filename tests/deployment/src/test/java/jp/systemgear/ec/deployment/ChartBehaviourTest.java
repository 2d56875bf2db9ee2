package jp.systemgear.ec.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the rendered objects must say, beyond being valid: security, probes, traffic rules, jobs. */
class ChartBehaviourTest {

    static List<KubernetesObjects.Manifest> production;
    static List<KubernetesObjects.Manifest> gateway;

    @BeforeAll
    static void render() {
        production = KubernetesObjects.split(HelmChart.template(Repo.CHART.resolve("ci/production-values.yaml"),
                // Hooks are not in helm-java's output: render the migration Jobs as plain Jobs to check them.
                Map.of("migrations.preUpgradeJob.helmHook", false)));
        gateway = KubernetesObjects.split(HelmChart.template(Repo.CHART.resolve("ci/gateway-values.yaml")));
    }

    static List<KubernetesObjects.Manifest> kind(List<KubernetesObjects.Manifest> all, String kind) {
        return all.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    static KubernetesObjects.Manifest named(List<KubernetesObjects.Manifest> all, String kind, String name) {
        return all.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    static List<JsonNode> podSpecs(List<KubernetesObjects.Manifest> all) {
        List<JsonNode> specs = new ArrayList<>();
        for (var m : all) {
            switch (m.kind()) {
                case "Deployment", "Job" -> specs.add(m.tree().at("/spec/template/spec"));
                case "CronJob" -> specs.add(m.tree().at("/spec/jobTemplate/spec/template/spec"));
                default -> {
                }
            }
        }
        return specs;
    }

    @Test
    void everyPodRunsNonRootReadOnlyWithoutPrivileges() {
        for (var all : List.of(production, gateway)) {
            List<JsonNode> specs = podSpecs(all);
            assertTrue(specs.size() >= 7, "pods rendered: " + specs.size());
            for (JsonNode spec : specs) {
                assertTrue(spec.at("/securityContext/runAsNonRoot").asBoolean(), spec.toString());
                assertFalse(spec.at("/automountServiceAccountToken").asBoolean(true), "no API token in pods");
                for (JsonNode c : spec.get("containers")) {
                    String id = c.get("name").asText();
                    assertFalse(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true), id);
                    assertTrue(c.at("/securityContext/readOnlyRootFilesystem").asBoolean(), id);
                    assertEquals("[\"ALL\"]", c.at("/securityContext/capabilities/drop").toString(), id);
                    assertTrue(c.at("/resources/limits/memory").isTextual(), id + " has a memory limit");
                    assertTrue(c.at("/resources/requests/cpu").isTextual(), id + " requests CPU");
                }
            }
        }
    }

    @Test
    void servicesProbeTheManagementPortAndWriteOnlyToTmp() {
        for (String svc : List.of("auth", "catalog", "import", "export")) {
            JsonNode c = named(production, "Deployment", "system-gear-ec-" + svc).tree()
                    .at("/spec/template/spec/containers/0");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertEquals("management", c.at("/" + probe + "/httpGet/port").asText(), svc + " " + probe);
                assertTrue(c.at("/" + probe + "/httpGet/path").asText().startsWith("/q/health/"), svc + " " + probe);
            }
            assertTrue(StreamSupport.stream(c.get("volumeMounts").spliterator(), false)
                    .anyMatch(v -> v.get("mountPath").asText().equals("/tmp")), svc + " has a writable /tmp");
            assertEquals(0, named(production, "Deployment", "system-gear-ec-" + svc).tree()
                    .at("/spec/strategy/rollingUpdate/maxUnavailable").asInt(-1), "rolling updates keep capacity");
        }
    }

    @Test
    void managementPortsOpenOnlyToPrometheusAndPublicPortsToTheIngress() {
        var policies = kind(production, "NetworkPolicy");
        var deny = named(production, "NetworkPolicy", "system-gear-ec-default-deny").tree();
        assertEquals("[\"Ingress\",\"Egress\"]", deny.at("/spec/policyTypes").toString());
        assertTrue(deny.at("/spec/ingress").isMissingNode() && deny.at("/spec/egress").isMissingNode());
        for (String svc : List.of("auth", "catalog", "import", "export")) {
            JsonNode spec = named(policies, "NetworkPolicy", "system-gear-ec-" + svc).tree().get("spec");
            for (JsonNode rule : spec.get("ingress")) {
                String port = rule.at("/ports/0/port").asText();
                String from = rule.get("from").toString();
                if (port.equals("management")) {
                    assertEquals(1, rule.get("from").size(), svc + ": one peer on the management port");
                    assertTrue(from.contains("prometheus") && from.contains("monitoring"), svc + ": " + from);
                } else {
                    assertEquals("http", port, svc);
                    assertTrue(from.contains("ingress-nginx"), svc + ": " + from);
                    assertFalse(from.contains("prometheus"), svc + ": " + from);
                }
            }
            String egress = spec.get("egress").toString();
            assertTrue(egress.contains("\"port\":5432") && egress.contains("pg-primary"), svc + " reaches PostgreSQL");
            assertTrue(egress.contains("\"port\":8081"), svc + " reaches auth-service's JWKS");
        }
        String importEgress = named(policies, "NetworkPolicy", "system-gear-ec-import").tree().at("/spec/egress").toString();
        assertTrue(importEgress.contains("\"port\":8082"), "import-service calls catalog-service");
        assertTrue(importEgress.contains("203.0.113.0/24"), "extra egress for supplier URLs");
        String exportEgress = named(policies, "NetworkPolicy", "system-gear-ec-export").tree().at("/spec/egress").toString();
        assertFalse(exportEgress.contains("6379"), "export-service has no Redis client");
        assertTrue(named(policies, "NetworkPolicy", "system-gear-ec-catalog").tree().at("/spec/egress").toString()
                .contains("\"port\":6379"), "catalog-service reaches Redis");
    }

    @Test
    void ingressRoutesEachApiWithPerClientRateLimitsAndTls() {
        var ingresses = kind(production, "Ingress");
        assertEquals(5, ingresses.size());
        for (String svc : List.of("auth", "catalog", "import", "export")) {
            JsonNode ing = named(ingresses, "Ingress", "system-gear-ec-" + svc).tree();
            assertEquals("/api/" + svc + "/", ing.at("/spec/rules/0/http/paths/0/path").asText());
            assertEquals("ec-example-jp-tls", ing.at("/spec/tls/0/secretName").asText());
            JsonNode a = ing.at("/metadata/annotations");
            assertEquals(svc.equals("export") ? "100" : "20", a.path("nginx.ingress.kubernetes.io/limit-rps").asText(), svc);
            assertEquals("2", a.path("nginx.ingress.kubernetes.io/limit-burst-multiplier").asText());
            assertEquals("50", a.path("nginx.ingress.kubernetes.io/limit-connections").asText());
            assertEquals("10.20.0.0/16", a.path("nginx.ingress.kubernetes.io/limit-whitelist").asText());
            assertEquals("limit_req_status 429;\n", a.path("nginx.ingress.kubernetes.io/configuration-snippet").asText());
        }
        JsonNode web = named(ingresses, "Ingress", "system-gear-ec-web").tree();
        assertEquals("/", web.at("/spec/rules/0/http/paths/0/path").asText());
        assertTrue(web.at("/metadata/annotations/nginx.ingress.kubernetes.io~1limit-rps").isMissingNode(),
                "the SPA's static files are not rate limited");
        assertEquals("512m", named(ingresses, "Ingress", "system-gear-ec-import").tree()
                .at("/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-body-size").asText());
    }

    @Test
    void gatewayVariantRoutesThroughHttpRoutesWithARateLimitPolicyPerApi() {
        assertEquals(List.of(), kind(gateway, "Ingress"));
        assertEquals(5, kind(gateway, "HTTPRoute").size());
        var policies = kind(gateway, "BackendTrafficPolicy");
        assertEquals(4, policies.size());
        for (var p : policies) {
            JsonNode rule = p.tree().at("/spec/rateLimit/global/rules/0");
            assertEquals("Distinct", rule.at("/clientSelectors/0/sourceCIDR/type").asText(), "per client address");
            assertEquals(600, rule.at("/limit/requests").asInt());
            assertEquals("Minute", rule.at("/limit/unit").asText());
            assertEquals(p.name().replace("-rate-limit", ""), p.tree().at("/spec/targetRefs/0/name").asText());
        }
        assertTrue(named(gateway, "Deployment", "system-gear-ec-auth").tree().at("/spec/template/spec/containers/0/image")
                .asText().endsWith(":0.1.0-SNAPSHOT-native"));
        assertEquals(List.of(), kind(gateway, "NetworkPolicy"));
        assertEquals(List.of(), kind(gateway, "HorizontalPodAutoscaler"));
    }

    @Test
    void importCronJobsAreBoundedAndIdempotent() {
        var cronJobs = kind(production, "CronJob").stream().filter(m -> m.name().contains("-import-")).toList();
        assertEquals(Set.of("system-gear-ec-import-0012", "system-gear-ec-import-tokyo-wholesale",
                "system-gear-ec-import-osaka-maker"), Set.copyOf(cronJobs.stream().map(m -> m.name()).toList()));
        for (var cj : cronJobs) {
            JsonNode spec = cj.tree().get("spec");
            assertEquals("Forbid", spec.get("concurrencyPolicy").asText());
            assertEquals("Asia/Tokyo", spec.get("timeZone").asText());
            assertTrue(spec.get("startingDeadlineSeconds").asInt() > 0);
            assertTrue(spec.get("successfulJobsHistoryLimit").asInt() > 0 && spec.get("failedJobsHistoryLimit").asInt() > 0);
            assertTrue(spec.at("/jobTemplate/spec/activeDeadlineSeconds").asInt() > 0);
            JsonNode env = spec.at("/jobTemplate/spec/template/spec/containers/0/env");
            assertEquals("metadata.labels['batch.kubernetes.io/job-name']",
                    StreamSupport.stream(env.spliterator(), false).filter(e -> e.get("name").asText().equals("IDEMPOTENCY_KEY"))
                            .findFirst().orElseThrow().at("/valueFrom/fieldRef/fieldPath").asText());
        }
        assertEquals("\"00451\"", named(production, "CronJob", "system-gear-ec-import-osaka-maker").tree()
                .at("/spec/jobTemplate/spec/template/spec/containers/0/env/2/value").toString(), "codes keep leading zeros");
        JsonNode backup = named(production, "CronJob", "system-gear-ec-backup").tree();
        assertEquals("30", StreamSupport.stream(backup.at("/spec/jobTemplate/spec/template/spec/containers/0/env")
                .spliterator(), false).filter(e -> e.get("name").asText().equals("RETENTION_DAYS")).findFirst()
                .orElseThrow().get("value").asText());
    }

    static JsonNode byName(JsonNode array, String name) {
        return StreamSupport.stream(array.spliterator(), false).filter(n -> n.path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + array));
    }

    /** import's folders and export's files are on volumes every replica shares; URL credentials are files. */
    @Test
    void sharedVolumesForImportAndExportAndSourceSecretsForImport() {
        JsonNode importSpec = named(production, "Deployment", "system-gear-ec-import").tree().at("/spec/template/spec");
        JsonNode exportSpec = named(production, "Deployment", "system-gear-ec-export").tree().at("/spec/template/spec");
        JsonNode importConfig = named(production, "ConfigMap", "system-gear-ec-import").tree().get("data");
        JsonNode exportConfig = named(production, "ConfigMap", "system-gear-ec-export").tree().get("data");

        assertEquals("/var/lib/system-gear/export", exportConfig.get("EXPORT_DIR").asText());
        assertEquals("sftp-exports", byName(exportSpec.get("volumes"), "export-data").at("/persistentVolumeClaim/claimName").asText());
        assertEquals("/var/lib/system-gear/export", byName(exportSpec.at("/containers/0/volumeMounts"), "export-data")
                .get("mountPath").asText());
        // production names an existing claim for exports: the chart makes import's PVC only (and the backups').
        assertEquals(List.of("system-gear-ec-import-data"), kind(production, "PersistentVolumeClaim").stream()
                .map(KubernetesObjects.Manifest::name).filter(n -> !n.contains("backup")).toList());
        assertEquals("5Gi", named(gateway, "PersistentVolumeClaim", "system-gear-ec-export-data").tree()
                .at("/spec/resources/requests/storage").asText());
        assertEquals("system-gear-ec-export-data", byName(named(gateway, "Deployment", "system-gear-ec-export").tree()
                .at("/spec/template/spec/volumes"), "export-data").at("/persistentVolumeClaim/claimName").asText());

        assertEquals("/etc/system-gear/import-secrets", importConfig.get("IMPORT_SECRETS_DIR").asText());
        assertEquals("512M", importConfig.get("IMPORT_MAX_UPLOAD_SIZE").asText());
        assertEquals("http://system-gear-ec-catalog:8082/api/catalog", importConfig.get("CATALOG_URL").asText());
        assertEquals("http://system-gear-ec-auth:8081/api/auth", importConfig.get("AUTH_URL").asText());
        JsonNode secretVolume = byName(importSpec.get("volumes"), "import-source-secrets");
        assertEquals("sgec-import-sources", secretVolume.at("/secret/secretName").asText());
        assertEquals(0440, secretVolume.at("/secret/defaultMode").asInt());
        JsonNode secretMount = byName(importSpec.at("/containers/0/volumeMounts"), "import-source-secrets");
        assertEquals("/etc/system-gear/import-secrets", secretMount.get("mountPath").asText());
        assertTrue(secretMount.get("readOnly").asBoolean());
        assertTrue(secretMount.path("subPath").isMissingNode(), "a subPath mount would never see an updated Secret");
        // Without the Secret configured: no mount and no IMPORT_SECRETS_DIR.
        assertTrue(named(gateway, "ConfigMap", "system-gear-ec-import").tree().at("/data/IMPORT_SECRETS_DIR").isMissingNode());
        assertFalse(named(gateway, "Deployment", "system-gear-ec-import").tree().toString().contains("import-source-secrets"));
    }

    @Test
    void authServiceGetsItsSigningKeyAndThePreviousPublicKeysAsFiles() {
        JsonNode auth = named(production, "Deployment", "system-gear-ec-auth").tree().at("/spec/template/spec");
        assertEquals("[{\"key\":\"jwt-private.pem\",\"path\":\"jwt-private.pem\"},"
                + "{\"key\":\"previous-1.pub.pem\",\"path\":\"previous-1.pub.pem\"}]",
                auth.at("/volumes/1/secret/items").toString());
        JsonNode config = named(production, "ConfigMap", "system-gear-ec-auth").tree().get("data");
        assertEquals("/etc/system-gear/jwt/jwt-private.pem", config.get("JWT_PRIVATE_KEY_FILE").asText());
        assertEquals("/etc/system-gear/jwt/previous-1.pub.pem", config.get("JWT_PREVIOUS_PUBLIC_KEY_FILES").asText());
        assertTrue(named(production, "ConfigMap", "system-gear-ec-catalog").tree().at("/data/JWT_PRIVATE_KEY_FILE")
                .isMissingNode(), "only auth-service has the signing key");
        JsonNode shared = named(production, "ConfigMap", "system-gear-ec-config").tree().get("data");
        assertEquals("http://system-gear-ec-auth:8081/api/auth/jwks", shared.get("AUTH_JWKS_URL").asText());
    }

    @Test
    void migrationJobsRunEachServiceImageInInitAndExitMode() {
        var jobs = kind(production, "Job");
        assertEquals(4, jobs.size());
        for (var job : jobs) {
            String env = job.tree().at("/spec/template/spec/containers/0/env").toString();
            assertTrue(env.contains("{\"name\":\"QUARKUS_INIT_AND_EXIT\",\"value\":\"true\"}"), job.id());
        }
    }

    @Test
    void secretsComeFromExistingSecretsOrAreRequired() {
        assertEquals(List.of(), kind(production, "Secret"), "production names existing Secrets only");
        var error = assertThrows(IllegalStateException.class, () -> HelmChart.template(Repo.CHART.resolve("ci/minimal-values.yaml"),
                Map.of("database.passwords.catalog", "")));
        assertTrue(error.getMessage().contains("database.passwords.catalog is required"), error.getMessage());
    }

    @Test
    void theSchemaRejectsUnknownAndMistypedValues() {
        var unknown = assertThrows(IllegalStateException.class, () -> HelmChart.template(
                Repo.CHART.resolve("ci/minimal-values.yaml"), Map.of("ingress.rateLimt.rps", 5)));
        assertTrue(unknown.getMessage().contains("rateLimt"), unknown.getMessage());
        var wrongEnum = assertThrows(IllegalStateException.class, () -> HelmChart.template(
                Repo.CHART.resolve("ci/minimal-values.yaml"), Map.of("image.variant", "jit")));
        assertTrue(wrongEnum.getMessage().contains("variant"), wrongEnum.getMessage());
    }

    /** The strict binding fails on a misspelt field and on a string where the API wants a number. */
    @Test
    void strictValidationRejectsUnknownFieldsAndCoercion() {
        var deployment = named(production, "Deployment", "system-gear-ec-auth");
        ObjectNode misspelt = deployment.tree().deepCopy();
        ((ObjectNode) misspelt.at("/spec/template/spec/containers/0")).put("imagePullPolicyy", "Always");
        var problems = KubernetesObjects.validate(new KubernetesObjects.Manifest("test", misspelt));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("imagePullPolicyy"), problems.toString());

        ObjectNode coerced = deployment.tree().deepCopy();
        ((ObjectNode) coerced.get("spec")).put("revisionHistoryLimit", "5");
        assertEquals(1, KubernetesObjects.validate(new KubernetesObjects.Manifest("test", coerced)).size());

        ObjectNode unknownKind = deployment.tree().deepCopy();
        unknownKind.put("apiVersion", "apps/v1beta1");
        assertEquals(1, KubernetesObjects.validate(new KubernetesObjects.Manifest("test", unknownKind)).size());

        var policy = kind(gateway, "BackendTrafficPolicy").get(0);
        ObjectNode badPolicy = policy.tree().deepCopy();
        ((ObjectNode) badPolicy.at("/spec/rateLimit")).put("burst", 5);
        assertEquals(1, KubernetesObjects.validate(new KubernetesObjects.Manifest("test", badPolicy)).size());
    }
}
