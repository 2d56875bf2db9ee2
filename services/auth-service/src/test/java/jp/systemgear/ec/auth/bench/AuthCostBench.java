package jp.systemgear.ec.auth.bench;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.build.Jwt;

import jp.systemgear.ec.common.security.Roles;

/**
 * Prints what authentication costs on this machine: bcrypt per cost factor (the login's dominant
 * cost), RS256 signing (per login) and JWT verification (per authenticated request in every service).
 * A benchmark command (bench/auth-bench.sh), not a test.
 */
public final class AuthCostBench {

    private AuthCostBench() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("bcrypt verify of one password (what a login costs), median of 9:");
        byte[] password = "在庫は毎朝六時に更新されます".getBytes(StandardCharsets.UTF_8);
        for (int cost : new int[] { 10, 11, 12 }) {
            byte[] hash = BCrypt.withDefaults().hash(cost, password);
            long[] ms = new long[9];
            for (int i = 0; i < ms.length; i++) {
                long start = System.nanoTime();
                BCrypt.verifyer().verify(password, hash);
                ms[i] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(ms);
            System.out.printf("  cost %d: %d ms%n", cost, ms[ms.length / 2]);
        }

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        String issuer = "https://system-gear-ec.local/auth";

        int warmup = 2_000;
        int measured = 10_000;
        String token = null;
        long signStart = 0;
        for (int i = 0; i < warmup + measured; i++) {
            if (i == warmup) {
                signStart = System.nanoTime();
            }
            token = Jwt.issuer(issuer).audience(Roles.AUDIENCE).subject("operator").groups(Set.of(Roles.OPERATOR))
                    .claim("jti", UUID.randomUUID().toString()).expiresIn(Duration.ofMinutes(15))
                    .jws().keyId("bench").sign(key.getPrivate());
        }
        double signMicros = (System.nanoTime() - signStart) / 1_000.0 / measured;

        JWTAuthContextInfo context = new JWTAuthContextInfo(key.getPublic(), issuer);
        context.setExpectedAudience(Set.of(Roles.AUDIENCE));
        DefaultJWTParser parser = new DefaultJWTParser(context);
        long verifyStart = 0;
        for (int i = 0; i < warmup + measured; i++) {
            if (i == warmup) {
                verifyStart = System.nanoTime();
            }
            parser.parse(token);
        }
        double verifyMicros = (System.nanoTime() - verifyStart) / 1_000.0 / measured;

        System.out.printf("RS256 sign (per login or client token): %.1f us%n", signMicros);
        System.out.printf("JWT verify (signature + claims, per authenticated request): %.1f us (%.0f per second per core)%n",
                verifyMicros, 1_000_000 / verifyMicros);
    }
}
