package jp.systemgear.ec.auth.service;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import jp.systemgear.ec.auth.config.JwtConfig;
import jp.systemgear.ec.auth.domain.AppUser;
import jp.systemgear.ec.auth.domain.ServiceClient;
import jp.systemgear.ec.common.security.Roles;

/** Signs access tokens: short-lived, RS256, with the key id the JWKS publishes. */
@ApplicationScoped
public class TokenIssuer {

    public record AccessToken(String token, Duration expiresIn) {
    }

    private final SigningKeys keys;
    private final JwtConfig config;
    private final Vertx vertx;

    public TokenIssuer(SigningKeys keys, JwtConfig config, Vertx vertx) {
        this.keys = keys;
        this.config = config;
        this.vertx = vertx;
    }

    /**
     * For a user: {@code groups} holds the role. An RSA signature costs a millisecond or two of CPU,
     * so it runs on a worker thread and the result comes back on the caller's context.
     */
    public Uni<AccessToken> issue(AppUser user) {
        return offLoop(() -> sign(claims(user.username, Set.of(user.role))
                .claim("name", user.displayName == null ? user.username : user.displayName)));
    }

    /** For a machine client: {@code groups} holds the granted scopes. */
    public Uni<AccessToken> issue(ServiceClient client, Set<String> scopes) {
        return offLoop(() -> sign(claims(client.clientId, scopes)
                .claim("client_id", client.clientId)
                .claim("scope", String.join(" ", scopes))));
    }

    private Uni<AccessToken> offLoop(java.util.function.Supplier<AccessToken> signing) {
        return vertx.executeBlocking(Uni.createFrom().item(signing));
    }

    private JwtClaimsBuilder claims(String subject, Set<String> groups) {
        return Jwt.issuer(config.issuer())
                .audience(Roles.AUDIENCE)
                .subject(subject)
                .upn(subject)
                .groups(groups)
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(config.accessTokenTtl());
    }

    private AccessToken sign(JwtClaimsBuilder claims) {
        return new AccessToken(claims.jws().keyId(keys.keyId()).sign(keys.privateKey()), config.accessTokenTtl());
    }
}
