package jp.systemgear.ec.auth.service;

import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.auth.config.AuthConfig;
import jp.systemgear.ec.auth.domain.AppUser;
import jp.systemgear.ec.auth.domain.AuditEvent;
import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;

/**
 * Password login, refresh and logout. Unknown user, wrong password and disabled account fail alike,
 * in the same time (the decoy hash) and with the same answer. Repeated failures per account or per
 * client address are throttled before any password is checked.
 */
@ApplicationScoped
public class LoginService {

    private static final Logger LOG = Logger.getLogger(LoginService.class);

    /** What a successful login or refresh hands out. */
    public record Session(TokenIssuer.AccessToken access, String refreshToken) {
    }

    private final UserService users;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final RefreshTokenService refreshTokens;
    private final LoginThrottle throttle;
    private final AuditService audit;
    private final AuthConfig config;

    public LoginService(UserService users, PasswordHasher hasher, TokenIssuer tokens,
            RefreshTokenService refreshTokens, LoginThrottle throttle, AuditService audit, AuthConfig config) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.audit = audit;
        this.config = config;
    }

    public Uni<Session> login(String username, String password, String clientAddress) {
        String accountKey = "account:" + username.toLowerCase(Locale.ROOT);
        String addressKey = "address:" + clientAddress;
        return throttle.current(accountKey).chain(account -> throttle.current(addressKey).chain(address -> {
            long retryAfter = 0;
            if (account.failures() >= config.throttle().maxFailuresPerAccount()) {
                retryAfter = account.secondsLeft();
            }
            if (address.failures() >= config.throttle().maxFailuresPerAddress()) {
                retryAfter = Math.max(retryAfter, address.secondsLeft());
            }
            return retryAfter > 0
                    ? throttled(username, clientAddress, retryAfter)
                    : attempt(username, password, clientAddress, accountKey, addressKey);
        }));
    }

    private Uni<Session> attempt(String username, String password, String clientAddress, String accountKey,
            String addressKey) {
        return users.findByUsername(username).chain(user -> hasher
                .matches(password, user == null ? null : user.passwordHash)
                .chain(matches -> matches && user.enabled
                        ? throttle.reset(accountKey).chain(() -> succeed(user, clientAddress))
                        : throttle.recordFailure(accountKey, config.throttle().window())
                                .chain(() -> throttle.recordFailure(addressKey, config.throttle().window()))
                                .chain(() -> fail(username, user, clientAddress))));
    }

    private Uni<Session> throttled(String username, String clientAddress, long retryAfter) {
        // The runbook greps for these words; the password is never logged.
        LOG.warnf("Auth rate limit exceeded for account '%s' from %s (retry after %d s)", username, clientAddress,
                retryAfter);
        return audit.record(AuditEvent.LOGIN_THROTTLED, null, username, clientAddress, Map.of())
                .chain(() -> Uni.createFrom().failure(ApiException.rateLimited(
                        "Too many failed logins; try again later", (int) Math.min(Integer.MAX_VALUE, retryAfter))));
    }

    private Uni<Session> succeed(AppUser user, String clientAddress) {
        return audit.record(AuditEvent.LOGIN_SUCCEEDED, user.username, user.username, clientAddress, Map.of())
                .chain(() -> refreshTokens.issue(user))
                .chain(refresh -> tokens.issue(user).map(access -> new Session(access, refresh)));
    }

    private Uni<Session> fail(String username, AppUser user, String clientAddress) {
        String reason = user == null ? "unknown user" : user.enabled ? "wrong password" : "account disabled";
        LOG.warnf("Login failed for account '%s' from %s", username, clientAddress);
        return audit.record(AuditEvent.LOGIN_FAILED, null, username, clientAddress, Map.of("reason", reason))
                .chain(() -> Uni.createFrom().failure(
                        new ApiException(ErrorCode.INVALID_CREDENTIALS, "The user name or password is wrong")));
    }

    /** Exchanges a refresh token for a new access token and a new refresh token. */
    public Uni<Session> refresh(String refreshToken, String clientAddress) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Uni.createFrom().failure(invalidRefresh());
        }
        return refreshTokens.rotate(refreshToken).chain(rotation -> switch (rotation.outcome()) {
            case ROTATED -> tokens.issue(rotation.user()).map(access -> new Session(access, rotation.token()));
            case REUSED -> {
                LOG.warnf("Refresh token reused from %s: token family %s revoked", clientAddress, rotation.familyId());
                yield audit.record(AuditEvent.REFRESH_REUSED, null, null, clientAddress,
                        Map.of("family", rotation.familyId().toString()))
                        .chain(() -> Uni.createFrom().failure(invalidRefresh()));
            }
            case INVALID -> Uni.createFrom().failure(invalidRefresh());
        });
    }

    public Uni<Void> logout(String refreshToken, String actor, String clientAddress) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        return refreshTokens.revokeFamilyOf(refreshToken).chain(revoked -> revoked
                ? audit.record(AuditEvent.LOGOUT, actor, actor, clientAddress, Map.of())
                : Uni.createFrom().voidItem());
    }

    private static ApiException invalidRefresh() {
        return new ApiException(ErrorCode.AUTH_TOKEN_INVALID, "The refresh token is invalid, expired or revoked");
    }
}
