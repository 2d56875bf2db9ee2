package jp.systemgear.ec.importer.client;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;

/**
 * catalog-service as import-service needs it, behind retries, timeouts and a circuit breaker. A refusal
 * (404, 409, 422) becomes an {@link ApiException} with catalog's meaning and is not retried; everything
 * that may pass (no connection, timeout, 5xx, an expired token) becomes {@link CatalogUnavailableException}.
 */
@ApplicationScoped
public class CatalogClient {

    private final CatalogApi catalog;
    private final ServiceTokenSource tokens;

    public CatalogClient(@RestClient CatalogApi catalog, ServiceTokenSource tokens) {
        this.catalog = catalog;
        this.tokens = tokens;
    }

    @Retry(maxRetries = 3, delay = 300, jitter = 200, retryOn = CatalogUnavailableException.class)
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    public Uni<SupplierDocument> supplier(String code) {
        return call(auth -> catalog.supplier(auth, code), "Supplier " + code);
    }

    @Retry(maxRetries = 3, delay = 300, jitter = 200, retryOn = CatalogUnavailableException.class)
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    public Uni<List<SupplierDocument>> activeSuppliers() {
        return call(auth -> catalog.suppliers(auth, true), "Suppliers");
    }

    /** The compiled rules document, or a 304 answer (null body) when {@code etag} is still current. */
    @Retry(maxRetries = 3, delay = 300, jitter = 200, retryOn = CatalogUnavailableException.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    public Uni<RestResponse<String>> compiledRules(String code, String etag) {
        return call(auth -> catalog.compiledRules(auth, code, etag), "Rules of " + code);
    }

    /**
     * Applies a staged run. Not retried here: the pipeline retries it, which is safe because catalog
     * applies a run once (a second call answers {@code alreadyApplied}). {@code createProducts}: catalog
     * first creates the products the run names that it does not have yet, in the same transaction.
     */
    public Uni<AppliedRun> apply(long runId, boolean partial, boolean createProducts, String onBehalfOf) {
        return call(auth -> catalog.apply(auth, runId, partial, createProducts, onBehalfOf), "Import run " + runId);
    }

    public Uni<AppliedRun> undo(long runId, String onBehalfOf) {
        return call(auth -> catalog.undo(auth, runId, onBehalfOf), "Import run " + runId);
    }

    private <T> Uni<T> call(Function<String, Uni<T>> request, String what) {
        return tokens.authorization().chain(auth -> request.apply(auth)).onFailure()
                .transform(failure -> translate(failure, what));
    }

    private Throwable translate(Throwable failure, String what) {
        if (failure instanceof CatalogUnavailableException || failure instanceof ApiException) {
            return failure;
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 401) {
                tokens.forget();
                return new CatalogUnavailableException("catalog-service refused import-service's token", failure);
            }
            if (status >= 500 || status == 429) {
                return new CatalogUnavailableException("catalog-service answered " + status, failure);
            }
            ErrorCode code = status == 404 ? ErrorCode.NOT_FOUND
                    : status == 403 ? ErrorCode.FORBIDDEN
                            : status == 409 ? ErrorCode.CONFLICT
                                    : status == 422 ? ErrorCode.MAPPING_RULE_ERROR : ErrorCode.BATCH_PROCESS_ERROR;
            return new ApiException(code, what + ": catalog-service answered " + status + " " + detail(web));
        }
        if (failure instanceof ProcessingException || failure instanceof java.net.ConnectException
                || failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
                || failure instanceof io.vertx.core.VertxException) {
            return new CatalogUnavailableException("catalog-service is unreachable: " + failure.getMessage(), failure);
        }
        return failure;
    }

    private static String detail(WebApplicationException web) {
        try {
            String body = web.getResponse().readEntity(String.class);
            return body == null ? "" : body.length() > 500 ? body.substring(0, 500) : body;
        } catch (RuntimeException e) {
            return "";
        }
    }
}
