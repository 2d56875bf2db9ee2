package jp.systemgear.ec.auth.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Users, sessions and throttling; the environment variable behind each is in README's table. */
@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    /** Seeds admin, operator and viewer with the demo password: the local stack only. */
    boolean demoUsers();

    String demoPassword();

    Admin admin();

    int bcryptCost();

    /** AUTH_INTERNAL_CLIENT_ID / AUTH_INTERNAL_CLIENT_SECRET: import-service's client for catalog calls. */
    InternalClient internalClient();

    /** JWT_REFRESH_EXPIRES_IN: how long a refresh token stays usable. */
    Duration refreshTokenTtl();

    Throttle throttle();

    /** The first administrator, from a Secret in production; created once if it does not exist. */
    interface Admin {
        Optional<String> username();

        Optional<String> password();
    }

    interface InternalClient {
        String id();

        Optional<String> secret();
    }

    /** Failed logins counted per account and per client address over a window. */
    interface Throttle {
        Duration window();

        int maxFailuresPerAccount();

        int maxFailuresPerAddress();
    }
}
