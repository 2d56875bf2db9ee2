package jp.systemgear.ec.auth.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Token signing: JWT_PRIVATE_KEY_FILE, JWT_ISSUER, JWT_EXPIRES_IN. */
@ConfigMapping(prefix = "platform.jwt")
public interface JwtConfig {

    String privateKeyLocation();

    /**
     * JWT_PREVIOUS_PUBLIC_KEY_FILES: public keys (PEM) of keys retired by a rotation, still published
     * in the JWKS so tokens they signed keep verifying until those tokens expire.
     */
    Optional<List<String>> previousPublicKeyLocations();

    String issuer();

    Duration accessTokenTtl();
}
