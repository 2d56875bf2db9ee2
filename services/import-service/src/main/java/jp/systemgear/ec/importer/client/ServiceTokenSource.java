package jp.systemgear.ec.importer.client;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.importer.config.ImportConfig;

/**
 * import-service's own access token (client credentials, scope {@code catalog:import}), kept until shortly
 * before it expires. Runs started by a schedule or a drop folder have no person's token to pass on.
 */
@ApplicationScoped
public class ServiceTokenSource {

    private record Cached(String header, Instant refreshAt) {
    }

    private final AuthTokenApi auth;
    private final ImportConfig config;
    private volatile Cached cached;

    public ServiceTokenSource(@RestClient AuthTokenApi auth, ImportConfig config) {
        this.auth = auth;
        this.config = config;
    }

    /** The value of an {@code Authorization} header. */
    public Uni<String> authorization() {
        Cached current = cached;
        if (current != null && Instant.now().isBefore(current.refreshAt())) {
            return Uni.createFrom().item(current.header());
        }
        String secret = config.serviceClient().secret().filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            return Uni.createFrom().failure(new CatalogUnavailableException(
                    "IMPORT_CLIENT_SECRET is not set: import-service cannot call catalog-service"));
        }
        return auth.token("client_credentials", config.serviceClient().id(), secret)
                .onFailure().transform(f -> new CatalogUnavailableException("No service token from auth-service: "
                        + f.getMessage(), f))
                .map(token -> {
                    // Renewed at 80 % of its life, so a token never expires in the middle of a call.
                    long life = Math.max(10, token.expires_in());
                    Cached fresh = new Cached("Bearer " + token.access_token(),
                            Instant.now().plus(Duration.ofSeconds(life * 8 / 10)));
                    cached = fresh;
                    return fresh.header();
                });
    }

    /** After a 401: the next call fetches a new token (keys rotated, client secret changed). */
    public void forget() {
        cached = null;
    }
}
