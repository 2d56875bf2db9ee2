package jp.systemgear.ec.auth.service;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import jp.systemgear.ec.auth.config.AuthConfig;

/**
 * bcrypt hashing, deliberately slow, so always on a worker thread; the result comes back on the
 * caller's Vert.x context, where the reactive session continues.
 */
@ApplicationScoped
public class PasswordHasher {

    private final Vertx vertx;
    private final int cost;
    /** Compared against when the user does not exist, so both failures take the same time. */
    private final String decoyHash;

    public PasswordHasher(Vertx vertx, AuthConfig config) {
        this.vertx = vertx;
        this.cost = config.bcryptCost();
        this.decoyHash = BCrypt.withDefaults().hashToString(cost, "decoy-password-never-valid".toCharArray());
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> hashNow(password)));
    }

    /** Verifies against {@code hash}, or against a decoy when there is none, and answers false then. */
    public Uni<Boolean> matches(String password, String hash) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            boolean verified = BCrypt.verifyer()
                    .verify(password.getBytes(StandardCharsets.UTF_8),
                            (hash == null ? decoyHash : hash).getBytes(StandardCharsets.UTF_8))
                    .verified;
            return verified && hash != null;
        }));
    }

    String hashNow(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }
}
