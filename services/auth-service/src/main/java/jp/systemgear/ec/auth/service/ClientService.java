package jp.systemgear.ec.auth.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.auth.domain.AuditEvent;
import jp.systemgear.ec.auth.domain.ServiceClient;
import jp.systemgear.ec.auth.repository.ServiceClientRepository;
import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;
import jp.systemgear.ec.common.security.Roles;

/** Machine clients: created and rotated by admins, authenticated by the client-credentials grant. */
@ApplicationScoped
public class ClientService {

    public static final Set<String> KNOWN_SCOPES = Set.of(Roles.SCOPE_IMPORT_TRIGGER, Roles.SCOPE_EXPORT_READ,
            Roles.SCOPE_CATALOG_IMPORT);

    /** What the client-credentials grant hands out: the token and the scopes it carries. */
    public record Grant(TokenIssuer.AccessToken token, Set<String> scopes) {
    }

    /** A client together with the secret, which exists in clear only in this answer. */
    public record ClientWithSecret(ServiceClient client, String secret) {
    }

    private final ServiceClientRepository clients;
    private final TokenIssuer tokens;
    private final AuditService audit;

    public ClientService(ServiceClientRepository clients, TokenIssuer tokens, AuditService audit) {
        this.clients = clients;
        this.tokens = tokens;
        this.audit = audit;
    }

    @WithSession
    public Uni<List<ServiceClient>> list() {
        return clients.listOrdered();
    }

    @WithSession
    public Uni<ServiceClient> get(String clientId) {
        return clients.findByClientId(clientId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Client", clientId));
    }

    public Uni<ClientWithSecret> create(String clientId, String name, Set<String> scopes, String actor) {
        String secret = OpaqueTokens.generate();
        return insert(clientId, name, scopes, secret)
                .call(client -> audit.record(AuditEvent.CLIENT_CREATED, actor, clientId, null,
                        Map.of("scopes", List.of(client.scopes))))
                .map(client -> new ClientWithSecret(client, secret));
    }

    @WithTransaction
    Uni<ServiceClient> insert(String clientId, String name, Set<String> scopes, String secret) {
        ServiceClient client = new ServiceClient();
        client.clientId = clientId;
        client.name = name;
        client.scopes = scopes.stream().sorted().toArray(String[]::new);
        client.secretHash = OpaqueTokens.hash(secret);
        client.secretRotatedAt = Instant.now();
        return clients.persistAndFlush(client);
    }

    /**
     * The platform's own machine client (import-service calling catalog-service): its secret comes from a
     * Secret both deployments mount, so it is created or brought in line with it at start-up. True when
     * anything changed.
     */
    @WithTransaction
    public Uni<Boolean> ensureInternal(String clientId, String secret, Set<String> scopes) {
        return clients.findByClientId(clientId).chain(found -> {
            if (found == null) {
                return insert(clientId, "Internal: " + clientId, scopes, secret).replaceWith(true);
            }
            String[] wanted = scopes.stream().sorted().toArray(String[]::new);
            boolean same = found.enabled && java.util.Arrays.equals(found.scopes, wanted)
                    && java.security.MessageDigest.isEqual(found.secretHash, OpaqueTokens.hash(secret));
            if (!same) {
                found.scopes = wanted;
                found.enabled = true;
                found.secretHash = OpaqueTokens.hash(secret);
                found.secretRotatedAt = Instant.now();
            }
            return Uni.createFrom().item(!same);
        });
    }

    /** A new secret replaces the old one at once; the old one stops working. */
    public Uni<ClientWithSecret> rotateSecret(String clientId, String actor) {
        String secret = OpaqueTokens.generate();
        return replaceSecret(clientId, secret)
                .call(client -> audit.record(AuditEvent.CLIENT_SECRET_ROTATED, actor, clientId, null, Map.of()))
                .map(client -> new ClientWithSecret(client, secret));
    }

    @WithTransaction
    Uni<ServiceClient> replaceSecret(String clientId, String secret) {
        return get(clientId).invoke(client -> {
            client.secretHash = OpaqueTokens.hash(secret);
            client.secretRotatedAt = Instant.now();
        });
    }

    public Uni<Void> revoke(String clientId, String actor) {
        return disable(clientId)
                .call(() -> audit.record(AuditEvent.CLIENT_REVOKED, actor, clientId, null, Map.of()))
                .replaceWithVoid();
    }

    @WithTransaction
    Uni<ServiceClient> disable(String clientId) {
        return get(clientId).invoke(client -> client.enabled = false);
    }

    /**
     * The client-credentials grant. A wrong secret, an unknown or revoked client all answer the same
     * 401; requested scopes must be a subset of the granted ones (none requested means all granted).
     */
    public Uni<Grant> authenticate(String clientId, String secret, Set<String> requestedScopes,
            String clientAddress) {
        return verifyAndTouch(clientId, secret).chain(client -> {
            if (client == null) {
                return audit.record(AuditEvent.CLIENT_AUTH_FAILED, null, clientId, clientAddress, Map.of())
                        .chain(() -> Uni.createFrom().failure(new ApiException(ErrorCode.INVALID_CREDENTIALS,
                                "The client credentials are wrong")));
            }
            Set<String> granted = new LinkedHashSet<>(Arrays.asList(client.scopes));
            if (!granted.containsAll(requestedScopes)) {
                return Uni.createFrom().failure(new ApiException(ErrorCode.FORBIDDEN,
                        "The client is not granted the scopes " + requestedScopes));
            }
            Set<String> scopes = requestedScopes.isEmpty() ? granted : requestedScopes;
            return tokens.issue(client, scopes).map(token -> new Grant(token, scopes));
        });
    }

    @WithTransaction
    Uni<ServiceClient> verifyAndTouch(String clientId, String secret) {
        return clients.findByClientId(clientId).map(client -> {
            boolean valid = client != null && client.enabled && OpaqueTokens.matches(secret, client.secretHash);
            if (!valid) {
                return null;
            }
            client.lastUsedAt = Instant.now();
            return client;
        });
    }
}
