package jp.systemgear.ec.common.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Readiness summary on the public port. Probes use the management port, which the ingress never
 * routes; the SPA's dashboard and the local edge test need the same answer through the ingress,
 * without the check details (those stay on the management port).
 */
@Path("/status")
@PermitAll
public class ServiceStatusResource {

    public record CheckStatus(String name, String status) {
    }

    public record ServiceStatus(String service, String version, String status, List<CheckStatus> checks) {
    }

    private final SmallRyeHealthReporter health;
    private final String service;
    private final String version;

    public ServiceStatusResource(SmallRyeHealthReporter health,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.health = health;
        this.service = service;
        this.version = version;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Readiness of this service (UP or DOWN) with the names of its checks")
    public Uni<RestResponse<ServiceStatus>> status() {
        return health.getReadinessAsync().map(this::toStatus);
    }

    private RestResponse<ServiceStatus> toStatus(SmallRyeHealth readiness) {
        JsonObject payload = new JsonObject(readiness.getPayload().toString());
        JsonArray checks = payload.getJsonArray("checks", new JsonArray());
        List<CheckStatus> summary = checks.stream()
                .map(JsonObject.class::cast)
                .map(check -> new CheckStatus(check.getString("name"), check.getString("status")))
                .toList();
        ServiceStatus body = new ServiceStatus(service, version, payload.getString("status"), summary);
        return readiness.isDown()
                ? RestResponse.status(RestResponse.Status.SERVICE_UNAVAILABLE, body)
                : RestResponse.ok(body);
    }
}
