package jp.systemgear.ec.auth.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.auth.domain.RefreshToken;

@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepository<RefreshToken> {

    public Uni<RefreshToken> findByHash(byte[] hash) {
        return find("tokenHash", hash).firstResult();
    }

    /** Marks the token used if it is still live; 1 when this caller won, 0 otherwise (row lock decides). */
    public Uni<Integer> markUsed(byte[] hash, Instant now) {
        return update("usedAt = ?1 where tokenHash = ?2 and usedAt is null and revokedAt is null and expiresAt > ?1",
                now, hash);
    }

    public Uni<Integer> revokeFamily(UUID familyId, Instant now) {
        return update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    public Uni<Integer> revokeAllOfUser(Long userId, Instant now) {
        return update("revokedAt = ?1 where userId = ?2 and revokedAt is null", now, userId);
    }
}
