package jp.systemgear.ec.auth.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Users and passwords: AUTH_DEMO_USERS, AUTH_ADMIN_USERNAME/PASSWORD, AUTH_BCRYPT_COST. */
@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    /** Seeds admin, operator and viewer with the demo password: the local stack only. */
    boolean demoUsers();

    String demoPassword();

    Admin admin();

    int bcryptCost();

    /** The first administrator, from a Secret in production; created once if it does not exist. */
    interface Admin {
        Optional<String> username();

        Optional<String> password();
    }
}
