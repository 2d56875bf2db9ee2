package jp.systemgear.ec.auth.service;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import jp.systemgear.ec.auth.domain.AppUser;
import jp.systemgear.ec.auth.domain.AuditEvent;
import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;

/**
 * Password login. Unknown user, wrong password and disabled account fail alike, in the same time
 * (the decoy hash) and with the same answer, so the response never tells which it was.
 */
@ApplicationScoped
public class LoginService {

    private static final Logger LOG = Logger.getLogger(LoginService.class);

    private final UserService users;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final AuditService audit;

    public LoginService(UserService users, PasswordHasher hasher, TokenIssuer tokens, AuditService audit) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.audit = audit;
    }

    public Uni<TokenIssuer.AccessToken> login(String username, String password, String clientAddress) {
        return users.findByUsername(username).chain(user -> hasher
                .matches(password, user == null ? null : user.passwordHash)
                .chain(matches -> matches && user.enabled
                        ? succeed(user, clientAddress)
                        : fail(username, user, clientAddress)));
    }

    private Uni<TokenIssuer.AccessToken> succeed(AppUser user, String clientAddress) {
        return audit.record(AuditEvent.LOGIN_SUCCEEDED, user.username, user.username, clientAddress, Map.of())
                .replaceWith(() -> tokens.issue(user));
    }

    private Uni<TokenIssuer.AccessToken> fail(String username, AppUser user, String clientAddress) {
        String reason = user == null ? "unknown user" : user.enabled ? "wrong password" : "account disabled";
        LOG.warnf("Login failed for account '%s' from %s", username, clientAddress);
        return audit.record(AuditEvent.LOGIN_FAILED, null, username, clientAddress, Map.of("reason", reason))
                .chain(() -> Uni.createFrom().failure(
                        new ApiException(ErrorCode.INVALID_CREDENTIALS, "The user name or password is wrong")));
    }
}
