package jp.systemgear.ec.auth.service;

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

@ApplicationScoped
public class UserService {

    /** A new user: what an admin (or the bootstrap) gives. */
    public record NewUser(String username, String displayName, String role, String password) {
    }

    private final AppUserRepository users;
    private final PasswordHasher hasher;
    private final AuditService audit;

    public UserService(AppUserRepository users, PasswordHasher hasher, AuditService audit) {
        this.users = users;
        this.hasher = hasher;
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
}
