package jp.systemgear.ec.auth.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** Token signing: JWT_PRIVATE_KEY_FILE, JWT_ISSUER, JWT_EXPIRES_IN. */
@ConfigMapping(prefix = "platform.jwt")
public interface JwtConfig {

    String privateKeyLocation();

    String issuer();

    Duration accessTokenTtl();
}
