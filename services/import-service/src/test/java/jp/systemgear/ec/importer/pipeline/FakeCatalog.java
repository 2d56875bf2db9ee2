package jp.systemgear.ec.importer.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import jp.systemgear.ec.common.security.Roles;
import jp.systemgear.ec.testing.TestTokens;

/**
 * catalog-service and auth-service's token endpoint at their HTTP boundary, on loopback, for
 * import-service's own tests: suppliers (one by one and the active list the drop-folder scan and the
 * schedules read) and compiled rules that tests register, and a record of every apply and undo call. The real services are exercised together in tests/stack (and the kill test).
 * An apply asked with createProducts answers {@link #PRODUCTS_CREATED} products created.
 */
public class FakeCatalog implements QuarkusTestResourceLifecycleManager {

    public record Call(String what, long runId, boolean partial, String onBehalfOf, String authorization,
            boolean createProducts) {
    }

    public static final int PRODUCTS_CREATED = 2;

    public static final Map<String, String> SUPPLIERS = new ConcurrentHashMap<>();
    public static final Map<String, String> RULES = new ConcurrentHashMap<>();
    public static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    /** Status the next apply calls answer (200 by default); 503 simulates catalog being down. */
    public static final AtomicInteger APPLY_STATUS = new AtomicInteger(200);
    public static final AtomicInteger RULE_FETCHES = new AtomicInteger();

    private Vertx vertx;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.post("/api/auth/token").handler(ctx -> ctx.request().body().onSuccess(body -> {
            boolean ok = body.toString().contains("client_secret=test-internal-secret");
            if (!ok) {
                ctx.response().setStatusCode(401).end();
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("access_token", TestTokens.token("import-service", Set.of(Roles.SCOPE_CATALOG_IMPORT)))
                    .put("token_type", "Bearer").put("expires_in", 900).put("scope", Roles.SCOPE_CATALOG_IMPORT)
                    .encode());
        }));
        router.get("/api/catalog/suppliers/:code/rules/compiled").handler(ctx -> {
            RULE_FETCHES.incrementAndGet();
            String doc = RULES.get(ctx.pathParam("code"));
            if (doc == null) {
                ctx.response().setStatusCode(404).end();
                return;
            }
            String etag = "\"" + Integer.toHexString(doc.hashCode()) + "\"";
            if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
                ctx.response().setStatusCode(304).putHeader("ETag", etag).end();
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json").putHeader("ETag", etag).end(doc);
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
            io.vertx.core.json.JsonArray list = new io.vertx.core.json.JsonArray();
            SUPPLIERS.values().stream().map(JsonObject::new)
                    .filter(s -> !activeOnly || s.getBoolean("active", true)).forEach(list::add);
            ctx.response().putHeader("Content-Type", "application/json").end(list.encode());
        });
        router.post("/api/catalog/runs/:id/apply").handler(ctx -> answer(ctx, "apply"));
        router.post("/api/catalog/runs/:id/undo").handler(ctx -> answer(ctx, "undo"));
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").toCompletionStage()
                .toCompletableFuture().join();
        String base = "http://127.0.0.1:" + server.actualPort();
        return Map.of("quarkus.rest-client.catalog.url", base + "/api/catalog",
                "quarkus.rest-client.auth.url", base + "/api/auth",
                "import.service-client.secret", "test-internal-secret");
    }

    private static void answer(io.vertx.ext.web.RoutingContext ctx, String what) {
        long runId = Long.parseLong(ctx.pathParam("id"));
        String partial = ctx.request().getParam("partial");
        boolean createProducts = "true".equals(ctx.request().getParam("createProducts"));
        CALLS.add(new Call(what, runId, "true".equals(partial), ctx.request().getParam("onBehalfOf"),
                ctx.request().getHeader("Authorization"), createProducts));
        int status = "apply".equals(what) ? APPLY_STATUS.get() : 200;
        if (status != 200) {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                    .end("{\"code\":\"SERVICE_UNAVAILABLE\"}");
            return;
        }
        ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("runId", runId)
                .put("supplierCode", "X").put("status", "undo".equals(what) ? "undone" : "applied")
                .put("rowsStaged", 3).put("rowsMatched", 3).put("rowsChanged", 2).put("rowsUnchanged", 1)
                .put("productsCreated", createProducts ? PRODUCTS_CREATED : 0)
                .put("missingPolicy", Boolean.parseBoolean(partial) ? "KEEP" : "ZERO")
                .put("appliedBy", ctx.request().getParam("onBehalfOf")).put("appliedAt", Instant.now().toString())
                .put("alreadyApplied", false).encode());
    }

    public static List<Call> calls(long runId) {
        return CALLS.stream().filter(c -> c.runId() == runId).toList();
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}
