package jp.systemgear.ec.importer.client;

/**
 * catalog-service (or auth-service for the token) could not answer now: connection refused, timeout, 5xx,
 * 401. Worth retrying, unlike an answer that says no (which becomes an {@code ApiException}).
 */
public class CatalogUnavailableException extends RuntimeException {

    public CatalogUnavailableException(String message) {
        super(message);
    }

    public CatalogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
