package jp.systemgear.ec.auth.service;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.jwt.build.Jwt;

import jp.systemgear.ec.auth.config.JwtConfig;
import jp.systemgear.ec.auth.domain.AppUser;
import jp.systemgear.ec.common.security.Roles;

/** Signs access tokens: short-lived, RS256, with the key id the JWKS publishes. */
@ApplicationScoped
public class TokenIssuer {

    public record AccessToken(String token, Duration expiresIn) {
    }

    private final SigningKeys keys;
    private final JwtConfig config;

    public TokenIssuer(SigningKeys keys, JwtConfig config) {
        this.keys = keys;
        this.config = config;
    }

    /** CPU work (an RSA signature): callers run it off the event loop. */
    public AccessToken issue(AppUser user) {
        String token = Jwt.issuer(config.issuer())
                .audience(Roles.AUDIENCE)
                .subject(user.username)
                .upn(user.username)
                .groups(Set.of(user.role))
                .claim("name", user.displayName == null ? user.username : user.displayName)
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(config.accessTokenTtl())
                .jws().keyId(keys.keyId())
                .sign(keys.privateKey());
        return new AccessToken(token, config.accessTokenTtl());
    }
}
