package jp.systemgear.ec.auth.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.util.KeyUtils;

import jp.systemgear.ec.auth.config.JwtConfig;

/**
 * The RSA key that signs access tokens, and its public half as a JWK. The key id is derived from
 * the public key, so every replica given the same Secret publishes the same {@code kid}.
 */
@Startup
@Singleton
public class SigningKeys {

    private final PrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;
    private final List<RSAPublicKey> previousKeys;

    public SigningKeys(JwtConfig config) {
        try {
            String pem = Files.readString(Path.of(config.privateKeyLocation()));
            PrivateKey key = KeyUtils.decodePrivateKey(pem);
            if (!(key instanceof RSAPrivateCrtKey rsa)) {
                throw new IllegalStateException("JWT_PRIVATE_KEY_FILE must hold an RSA private key (PKCS#8 PEM)");
            }
            this.privateKey = key;
            this.publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            this.keyId = keyIdOf(publicKey);
            List<RSAPublicKey> previous = new ArrayList<>();
            for (String location : config.previousPublicKeyLocations().orElse(List.of())) {
                previous.add((RSAPublicKey) KeyUtils.decodePublicKey(Files.readString(Path.of(location.trim()))));
            }
            this.previousKeys = List.copyOf(previous);
        } catch (IOException e) {
            throw new UncheckedIOException("JWT signing key cannot be read from " + config.privateKeyLocation(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JWT signing key is not a usable RSA key", e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public String keyId() {
        return keyId;
    }

    /** The JWK Set other services verify against (RFC 7517): the current key first, then retired ones. */
    public Map<String, Object> jwks() {
        List<Map<String, Object>> keys = new ArrayList<>();
        keys.add(jwk(publicKey));
        previousKeys.forEach(key -> keys.add(jwk(key)));
        return Map.of("keys", keys);
    }

    /** The key id: a digest of the public key, the same on every replica and stable across restarts. */
    public static String keyIdOf(RSAPublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> jwk(RSAPublicKey key) {
        return Map.of(
                "kty", "RSA",
                "use", "sig",
                "alg", "RS256",
                "kid", keyIdOf(key),
                "n", base64Url(key.getModulus()),
                "e", base64Url(key.getPublicExponent()));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
