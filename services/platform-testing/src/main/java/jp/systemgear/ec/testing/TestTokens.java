package jp.systemgear.ec.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import jp.systemgear.ec.common.security.Roles;

/** Access tokens for tests, shaped like auth-service's and signed with the test key. */
public final class TestTokens {

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
        try {
            String pem = Files.readString(TestKeys.privateKeyFile());
            return Jwt.issuer(TestKeys.ISSUER)
                    .audience(Roles.AUDIENCE)
                    .subject(subject)
                    .upn(subject)
                    .groups(groups)
                    .claim("jti", UUID.randomUUID().toString())
                    .expiresIn(Duration.ofMinutes(10))
                    .jws().keyId(TestKeys.KEY_ID)
                    .sign(KeyUtils.decodePrivateKey(pem));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Test token cannot be signed", e);
        }
    }
}
