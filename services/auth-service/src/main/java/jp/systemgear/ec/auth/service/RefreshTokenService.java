package jp.systemgear.ec.auth.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.auth.config.AuthConfig;
import jp.systemgear.ec.auth.domain.AppUser;
import jp.systemgear.ec.auth.domain.RefreshToken;
import jp.systemgear.ec.auth.repository.AppUserRepository;
import jp.systemgear.ec.auth.repository.RefreshTokenRepository;

/**
 * Refresh-token families: rotation on every use, and revocation of the whole family when a used
 * token comes back. Outcomes are returned, not thrown, so a revocation commits before the caller
 * answers 401.
 */
@ApplicationScoped
public class RefreshTokenService {

    public enum Outcome {
        ROTATED, REUSED, INVALID
    }

    /** {@code token} and {@code user} are set only when ROTATED; {@code familyId} also when REUSED. */
    public record Rotation(Outcome outcome, AppUser user, String token, UUID familyId) {
    }

    private final RefreshTokenRepository tokens;
    private final AppUserRepository users;
    private final AuthConfig config;

    public RefreshTokenService(RefreshTokenRepository tokens, AppUserRepository users, AuthConfig config) {
        this.tokens = tokens;
        this.users = users;
        this.config = config;
    }

    /** Starts a family at login. */
    @WithTransaction
    public Uni<String> issue(AppUser user) {
        return persistNew(user.id, UUID.randomUUID());
    }

    @WithTransaction
    public Uni<Rotation> rotate(String presented) {
        byte[] hash = OpaqueTokens.hash(presented);
        Instant now = Instant.now();
        return tokens.markUsed(hash, now).chain(updated -> updated == 1
                ? continueFamily(hash)
                : tokens.findByHash(hash).chain(found -> {
                    if (found == null || found.usedAt == null && found.revokedAt == null) {
                        // Unknown, or expired while unused: nothing to defend, just refuse.
                        return Uni.createFrom().item(new Rotation(Outcome.INVALID, null, null, null));
                    }
                    return tokens.revokeFamily(found.familyId, now)
                            .replaceWith(new Rotation(Outcome.REUSED, null, null, found.familyId));
                }));
    }

    private Uni<Rotation> continueFamily(byte[] hash) {
        return tokens.findByHash(hash).chain(used -> users.findById(used.userId).chain(user -> {
            if (user == null || !user.enabled) {
                return tokens.revokeFamily(used.familyId, Instant.now())
                        .replaceWith(new Rotation(Outcome.INVALID, null, null, used.familyId));
            }
            return persistNew(user.id, used.familyId)
                    .map(next -> new Rotation(Outcome.ROTATED, user, next, used.familyId));
        }));
    }

    /** Logout: the presented token's whole family stops working. */
    @WithTransaction
    public Uni<Boolean> revokeFamilyOf(String presented) {
        return tokens.findByHash(OpaqueTokens.hash(presented)).chain(found -> found == null
                ? Uni.createFrom().item(false)
                : tokens.revokeFamily(found.familyId, Instant.now()).replaceWith(true));
    }

    @WithTransaction
    public Uni<Integer> revokeAllOfUser(Long userId) {
        return tokens.revokeAllOfUser(userId, Instant.now());
    }

    private Uni<String> persistNew(Long userId, UUID familyId) {
        String raw = OpaqueTokens.generate();
        RefreshToken token = new RefreshToken();
        token.familyId = familyId;
        token.userId = userId;
        token.tokenHash = OpaqueTokens.hash(raw);
        token.issuedAt = Instant.now();
        token.expiresAt = token.issuedAt.plus(config.refreshTokenTtl());
        return tokens.persist(token).replaceWith(raw);
    }
}
