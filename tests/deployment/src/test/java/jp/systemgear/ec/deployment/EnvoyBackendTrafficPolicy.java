package jp.systemgear.ec.deployment;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/**
 * Envoy Gateway's BackendTrafficPolicy (gateway.envoyproxy.io/v1alpha1), reduced to the fields the
 * chart may use: fabric8 has no model for it, and a record with FAIL_ON_UNKNOWN_PROPERTIES is as strict
 * as one. Field names and enums follow Envoy Gateway's API reference; anything else fails the test.
 */
record EnvoyBackendTrafficPolicy(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(List<TargetRef> targetRefs, RateLimit rateLimit) {
    }

    record TargetRef(String group, String kind, String name) {
    }

    record RateLimit(Type type, Global global) {
    }

    enum Type { Global, Local }

    record Global(List<Rule> rules) {
    }

    record Rule(List<ClientSelector> clientSelectors, Limit limit) {
    }

    record ClientSelector(SourceCidr sourceCIDR) {
    }

    record SourceCidr(SourceType type, String value) {
    }

    enum SourceType { Exact, Distinct }

    record Limit(int requests, Unit unit) {
    }

    enum Unit { Second, Minute, Hour, Day }
}
