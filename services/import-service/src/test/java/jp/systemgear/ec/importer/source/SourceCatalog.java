package jp.systemgear.ec.importer.source;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import jp.systemgear.ec.common.security.Roles;
import jp.systemgear.ec.testing.TestTokens;

/**
 * catalog-service and auth-service's token endpoint at their HTTP boundary for the ways-in tests, like
 * the pipeline's FakeCatalog plus the list of suppliers ({@code GET /suppliers?active=true}) that the drop
 * folder scan and the schedules read. Suppliers and rules are registered by the tests.
 */
public class SourceCatalog implements QuarkusTestResourceLifecycleManager {

    public static final Map<String, String> SUPPLIERS = new ConcurrentHashMap<>();
    public static final Map<String, String> RULES = new ConcurrentHashMap<>();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.post("/api/auth/token").handler(ctx -> ctx.request().body().onSuccess(body -> {
            if (!body.toString().contains("client_secret=test-internal-secret")) {
                ctx.response().setStatusCode(401).end();
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("access_token", TestTokens.token("import-service", Set.of(Roles.SCOPE_CATALOG_IMPORT)))
                    .put("token_type", "Bearer").put("expires_in", 900).put("scope", Roles.SCOPE_CATALOG_IMPORT)
                    .encode());
        }));
        router.get("/api/catalog/suppliers/:code/rules/compiled").handler(ctx -> {
            String doc = RULES.get(ctx.pathParam("code"));
            if (doc == null) {
                ctx.response().setStatusCode(404).end();
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json").end(doc);
        });
        router.get("/api/catalog/suppliers/:code").handler(ctx -> {
            String doc = SUPPLIERS.get(ctx.pathParam("code"));
            if (doc == null) {
                ctx.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                        .end("{\"code\":\"NOT_FOUND\"}");
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json").end(doc);
        });
        router.get("/api/catalog/suppliers").handler(ctx -> {
            boolean activeOnly = "true".equals(ctx.request().getParam("active"));
            JsonArray list = new JsonArray();
            SUPPLIERS.values().stream().map(JsonObject::new)
                    .filter(s -> !activeOnly || s.getBoolean("active", true)).forEach(list::add);
            ctx.response().putHeader("Content-Type", "application/json").end(list.encode());
        });
        router.post("/api/catalog/runs/:id/apply").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("runId", Long.parseLong(ctx.pathParam("id"))).put("supplierCode", "X")
                        .put("status", "applied").put("rowsStaged", 2).put("rowsMatched", 2).put("rowsChanged", 2)
                        .put("rowsUnchanged", 0).put("missingPolicy", "KEEP")
                        .put("appliedBy", ctx.request().getParam("onBehalfOf"))
                        .put("appliedAt", Instant.now().toString()).put("alreadyApplied", false).encode()));
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").toCompletionStage()
                .toCompletableFuture().join();
        String base = "http://127.0.0.1:" + server.actualPort();
        return Map.of("quarkus.rest-client.catalog.url", base + "/api/catalog",
                "quarkus.rest-client.auth.url", base + "/api/auth",
                "import.service-client.secret", "test-internal-secret");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}
