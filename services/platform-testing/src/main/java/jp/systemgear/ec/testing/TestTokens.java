package jp.systemgear.ec.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import jp.systemgear.ec.common.security.Roles;

/**
 * Access tokens for tests, shaped like auth-service's and signed with the test key, and the
 * malformed ones every service must refuse (expired, foreign issuer or audience, unsigned, signed
 * by a stranger's key).
 */
public final class TestTokens {

    private static PrivateKey stranger;

    private TestTokens() {
    }

    public static String forRole(String role) {
        return token("test-" + role, Set.of(role));
    }

    public static String admin() {
        return forRole(Roles.ADMIN);
    }

    public static String operator() {
        return forRole(Roles.OPERATOR);
    }

    public static String viewer() {
        return forRole(Roles.VIEWER);
    }

    /** A well-signed token that carries no role: authenticated, but allowed nothing. */
    public static String withoutRoles() {
        return token("test-nobody", Set.of());
    }

    public static String token(String subject, Set<String> groups) {
        return sign(subject, groups, TestKeys.ISSUER, Roles.AUDIENCE, Instant.now().plusSeconds(600), testKey());
    }

    /** Expired well beyond the verifier's clock-skew allowance. */
    public static String expired(String role) {
        return sign("test-" + role, Set.of(role), TestKeys.ISSUER, Roles.AUDIENCE, Instant.now().minusSeconds(600),
                testKey());
    }

    public static String withIssuer(String issuer, String role) {
        return sign("test-" + role, Set.of(role), issuer, Roles.AUDIENCE, Instant.now().plusSeconds(600), testKey());
    }

    public static String withAudience(String audience, String role) {
        return sign("test-" + role, Set.of(role), TestKeys.ISSUER, audience, Instant.now().plusSeconds(600),
                testKey());
    }

    /** Signed by a key nobody published. */
    public static String signedByStranger(String role) {
        return sign("test-" + role, Set.of(role), TestKeys.ISSUER, Roles.AUDIENCE, Instant.now().plusSeconds(600),
                strangerKey());
    }

    /** {@code alg: none}: the classic forgery, claims intact but no signature. */
    public static String unsigned(String role) {
        String signed = forRole(role);
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + signed.split("\\.")[1] + ".";
    }

    private static String sign(String subject, Set<String> groups, String issuer, String audience, Instant expiresAt,
            PrivateKey key) {
        Instant issuedAt = expiresAt.isBefore(Instant.now()) ? expiresAt.minusSeconds(600) : Instant.now();
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject(subject)
                .upn(subject)
                .groups(groups)
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .jws().keyId(TestKeys.KEY_ID)
                .sign(key);
    }

    private static PrivateKey testKey() {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(TestKeys.privateKeyFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Test key cannot be read", e);
        }
    }

    private static synchronized PrivateKey strangerKey() {
        if (stranger == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                stranger = generator.generateKeyPair().getPrivate();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return stranger;
    }
}
