package jp.systemgear.ec.deployment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses rendered manifests strictly against the Kubernetes API types.
 *
 * <p>fabric8's model classes keep unknown fields in an {@code additionalProperties} map instead of
 * failing, so after binding this walks the whole object graph and reports every non-empty one: a
 * misspelt or misplaced field (which the API server would drop or reject) fails the test. Scalars are
 * not coerced either: {@code replicas: "2"} is an error, as it is for the API server.
 */
final class KubernetesObjects {

    /** The kinds the chart may render, by apiVersion and kind. Anything else is an error. */
    static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("batch/v1/CronJob", CronJob.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("gateway.envoyproxy.io/v1alpha1/BackendTrafficPolicy", EnvoyBackendTrafficPolicy.class));

    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private KubernetesObjects() {
    }

    /** One rendered document: its source template (Helm's "# Source:" comment) and its JSON tree. */
    record Manifest(String source, ObjectNode tree) {
        String kind() {
            return tree.path("kind").asText();
        }

        String name() {
            return tree.path("metadata").path("name").asText();
        }

        String id() {
            return kind() + "/" + name() + " (" + source + ")";
        }
    }

    /** Splits `helm template` output into documents, skipping empty ones. */
    static List<Manifest> split(String rendered) {
        List<Manifest> out = new ArrayList<>();
        for (String doc : rendered.split("(?m)^---\\s*$")) {
            String source = doc.lines().filter(l -> l.startsWith("# Source: ")).findFirst()
                    .map(l -> l.substring("# Source: ".length())).orElse("?");
            try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(doc)) {
                JsonNode node = YAML.readTree(parser);
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue;
                }
                if (!(node instanceof ObjectNode object)) {
                    throw new IllegalArgumentException("not an object in " + source + ": " + node);
                }
                out.add(new Manifest(source, object));
            } catch (IOException e) {
                throw new UncheckedIOException("invalid YAML from " + source + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Binds a document to its API type; returns the problems found (empty: valid). */
    static List<String> validate(Manifest manifest) {
        String key = manifest.tree().path("apiVersion").asText() + "/" + manifest.kind();
        Class<?> type = TYPES.get(key);
        if (type == null) {
            return List.of(manifest.id() + ": no API type known for " + key);
        }
        Object bound;
        try {
            bound = STRICT.treeToValue(manifest.tree(), type);
        } catch (IOException e) {
            return List.of(manifest.id() + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> problems = new ArrayList<>();
        unknownFields(bound, manifest.kind(), problems, new IdentityHashMap<>());
        return problems.stream().map(p -> manifest.id() + ": unknown field " + p).toList();
    }

    private static void unknownFields(Object value, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems, seen));
            return;
        }
        if (value.getClass().isRecord()) {
            for (var component : value.getClass().getRecordComponents()) {
                try {
                    unknownFields(component.getAccessor().invoke(value), path + "." + component.getName(), problems, seen);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException(e);
                }
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = m.getName();
            try {
                if (name.equals("getAdditionalProperties")) {
                    Map<?, ?> extra = (Map<?, ?>) m.invoke(value);
                    if (extra != null) {
                        extra.keySet().forEach(k -> problems.add(path + "." + k));
                    }
                } else if (name.startsWith("get") && name.length() > 3 && !name.equals("getClass")) {
                    String field = Character.toLowerCase(name.charAt(3)) + name.substring(4);
                    unknownFields(m.invoke(value), path + "." + field, problems, seen);
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                // Accessors that compute rather than return a field (none in the model today).
            }
        }
    }
}
