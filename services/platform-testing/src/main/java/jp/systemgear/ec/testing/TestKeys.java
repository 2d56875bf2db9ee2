package jp.systemgear.ec.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * One RSA key pair per test JVM, written to PEM files. Files and system properties (not static
 * fields) carry it, because Quarkus loads test resources and tests in different class loaders.
 */
public final class TestKeys {

    public static final String PRIVATE_KEY_PROPERTY = "platform.test.jwt.private-key-file";
    public static final String PUBLIC_KEY_PROPERTY = "platform.test.jwt.public-key-file";
    public static final String ISSUER = "https://system-gear-ec.test/auth";
    public static final String KEY_ID = "test-key-1";

    private TestKeys() {
    }

    public static synchronized Path privateKeyFile() {
        ensure();
        return Path.of(System.getProperty(PRIVATE_KEY_PROPERTY));
    }

    public static synchronized Path publicKeyFile() {
        ensure();
        return Path.of(System.getProperty(PUBLIC_KEY_PROPERTY));
    }

    private static void ensure() {
        if (System.getProperty(PRIVATE_KEY_PROPERTY) != null) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path dir = Files.createTempDirectory("platform-test-jwt");
            Path privateKey = dir.resolve("private.pem");
            Path publicKey = dir.resolve("public.pem");
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            privateKey.toFile().deleteOnExit();
            publicKey.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            System.setProperty(PRIVATE_KEY_PROPERTY, privateKey.toString());
            System.setProperty(PUBLIC_KEY_PROPERTY, publicKey.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
