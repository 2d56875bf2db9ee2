package jp.systemgear.ec.auth.service;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.auth.domain.AppUser;
import jp.systemgear.ec.auth.domain.AuditEvent;
import jp.systemgear.ec.auth.repository.AppUserRepository;
import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.security.Roles;

@ApplicationScoped
public class UserService {

    /** A new user: what an admin (or the bootstrap) gives. */
    public record NewUser(String username, String displayName, String role, String password) {
    }

    /** An admin's change to a user; null fields stay as they are. */
    public record UserChange(String displayName, String role, Boolean enabled) {
    }

    private final AppUserRepository users;
    private final PasswordHasher hasher;
    private final RefreshTokenService refreshTokens;
    private final AuditService audit;

    public UserService(AppUserRepository users, PasswordHasher hasher, RefreshTokenService refreshTokens,
            AuditService audit) {
        this.users = users;
        this.hasher = hasher;
        this.refreshTokens = refreshTokens;
        this.audit = audit;
    }

    @WithSession
    public Uni<List<AppUser>> list() {
        return users.listOrdered();
    }

    @WithSession
    public Uni<AppUser> findByUsername(String username) {
        return users.findByUsername(username);
    }

    @WithSession
    public Uni<AppUser> get(String username) {
        return users.findByUsername(username)
                .onItem().ifNull().failWith(() -> ApiException.notFound("User", username));
    }

    /** Hashes first (worker thread), then inserts; the case-insensitive unique index decides duplicates. */
    public Uni<AppUser> create(NewUser request, String actor) {
        PasswordPolicy.check(request.username(), request.password());
        return hasher.hash(request.password())
                .chain(hash -> insert(request, hash))
                .call(user -> audit.record(AuditEvent.USER_CREATED, actor, user.username, null,
                        Map.of("role", user.role)));
    }

    /** Creates the user unless one with that name exists; for the configured admin and demo users. */
    public Uni<Boolean> createIfAbsent(NewUser request) {
        return findByUsername(request.username()).chain(existing -> existing != null
                ? Uni.createFrom().item(false)
                : create(request, "bootstrap").replaceWith(true));
    }

    @WithTransaction
    Uni<AppUser> insert(NewUser request, String hash) {
        AppUser user = new AppUser();
        user.username = request.username();
        user.displayName = request.displayName();
        user.role = request.role().toLowerCase(Locale.ROOT);
        user.passwordHash = hash;
        return users.persistAndFlush(user);
    }

    /** Role, display name, enabled. A disabled user's refresh tokens stop working at once. */
    public Uni<AppUser> update(String username, UserChange change, String actor) {
        return applyChange(username, change, actor)
                .call(user -> user.enabled ? Uni.createFrom().voidItem() : refreshTokens.revokeAllOfUser(user.id).replaceWithVoid())
                .call(user -> audit.record(AuditEvent.USER_UPDATED, actor, user.username, null, describe(change)));
    }

    @WithTransaction
    Uni<AppUser> applyChange(String username, UserChange change, String actor) {
        return get(username).chain(user -> {
            boolean losesAdmin = Roles.ADMIN.equals(user.role)
                    && (change.role() != null && !Roles.ADMIN.equals(change.role())
                            || Boolean.FALSE.equals(change.enabled()));
            Uni<Void> guard = losesAdmin ? ensureAnotherAdmin(user, actor) : Uni.createFrom().voidItem();
            return guard.invoke(() -> {
                if (change.displayName() != null) {
                    user.displayName = change.displayName();
                }
                if (change.role() != null) {
                    user.role = change.role();
                }
                if (change.enabled() != null) {
                    user.enabled = change.enabled();
                }
            }).replaceWith(user);
        });
    }

    /** The platform must keep one enabled admin, and an admin cannot lock themselves out. */
    private Uni<Void> ensureAnotherAdmin(AppUser user, String actor) {
        if (user.username.equalsIgnoreCase(actor)) {
            return Uni.createFrom().failure(ApiException.conflict("You cannot remove your own admin access"));
        }
        return users.count("role = ?1 and enabled = true and id <> ?2", Roles.ADMIN, user.id)
                .chain(others -> others > 0 ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(ApiException.conflict("The last enabled admin must stay")));
    }

    /** An admin sets a new password; the user's sessions end. */
    public Uni<AppUser> resetPassword(String username, String newPassword, String actor) {
        PasswordPolicy.check(username, newPassword);
        return hasher.hash(newPassword)
                .chain(hash -> storePassword(username, hash))
                .call(user -> refreshTokens.revokeAllOfUser(user.id))
                .call(user -> audit.record(AuditEvent.PASSWORD_RESET, actor, user.username, null, Map.of()));
    }

    /** A user changes their own password, proving the current one. */
    public Uni<AppUser> changeOwnPassword(String username, String currentPassword, String newPassword) {
        PasswordPolicy.check(username, newPassword);
        return get(username)
                .chain(user -> hasher.matches(currentPassword, user.passwordHash))
                .chain(matches -> matches
                        ? hasher.hash(newPassword)
                        : Uni.createFrom().failure(ApiException.validation("currentPassword", "is wrong")))
                .chain(hash -> storePassword(username, hash))
                .call(user -> refreshTokens.revokeAllOfUser(user.id))
                .call(user -> audit.record(AuditEvent.PASSWORD_CHANGED, username, username, null, Map.of()));
    }

    @WithTransaction
    Uni<AppUser> storePassword(String username, String hash) {
        return get(username).invoke(user -> {
            user.passwordHash = hash;
            user.passwordChangedAt = java.time.Instant.now();
        });
    }

    private static Map<String, Object> describe(UserChange change) {
        Map<String, Object> details = new HashMap<>();
        if (change.role() != null) {
            details.put("role", change.role());
        }
        if (change.enabled() != null) {
            details.put("enabled", change.enabled());
        }
        if (change.displayName() != null) {
            details.put("displayName", change.displayName());
        }
        return details;
    }
}
