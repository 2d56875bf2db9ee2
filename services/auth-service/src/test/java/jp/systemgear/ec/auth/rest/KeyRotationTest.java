package jp.systemgear.ec.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;

import jp.systemgear.ec.auth.service.SigningKeys;
import jp.systemgear.ec.common.security.Roles;
import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestKeys;

/**
 * The rotation procedure (docs/SECURITY.md): the retired key's public half stays in the JWKS, so a
 * token it signed verifies until it expires; a token whose kid nobody published is refused. Here
 * auth-service verifies through its own published JWKS, as every other service does.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(KeyRotationTest.RotatedKeys.class)
class KeyRotationTest {

    static final KeyPair PREVIOUS = generate();
    static final KeyPair STRANGER = generate();

    public static class RotatedKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            int port = freePort();
            return Map.of(
                    "quarkus.http.test-port", Integer.toString(port),
                    "mp.jwt.verify.publickey.location", "http://localhost:" + port + "/api/auth/jwks",
                    "platform.jwt.previous-public-key-locations", write(PREVIOUS));
        }
    }

    private static String signed(KeyPair key) {
        return Jwt.issuer(TestKeys.ISSUER).audience(Roles.AUDIENCE).subject("bootstrap-admin")
                .groups(Set.of(Roles.ADMIN)).claim("jti", UUID.randomUUID().toString())
                .expiresIn(Duration.ofMinutes(5))
                .jws().keyId(SigningKeys.keyIdOf((RSAPublicKey) key.getPublic()))
                .sign(key.getPrivate());
    }

    @Test
    void jwksPublishesTheCurrentKeyThenThePreviousOne() {
        String current = given().contentType("application/json")
                .body(Map.of("username", "bootstrap-admin", "password", "Fuji-san is 3776 m"))
                .when().post("/login").then().statusCode(200).extract().path("accessToken");
        String currentKid = new io.restassured.path.json.JsonPath(new String(
                Base64.getUrlDecoder().decode(current.split("\\.")[0]))).getString("kid");
        given().when().get("/jwks").then().statusCode(200)
                .body("keys", hasSize(2))
                .body("keys.kid", contains(currentKid, SigningKeys.keyIdOf((RSAPublicKey) PREVIOUS.getPublic())));
        given().auth().oauth2(current).when().get("/users").then().statusCode(200);
    }

    @Test
    void aTokenSignedWithThePreviousKeyStillVerifies() {
        given().auth().oauth2(signed(PREVIOUS)).when().get("/users").then().statusCode(200);
    }

    @Test
    void aTokenWithAnUnknownKidIsRefused() {
        given().auth().oauth2(signed(STRANGER)).when().get("/users").then().statusCode(401)
                .body("code", equalTo("AUTH_TOKEN_INVALID"));
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(KeyPair key) {
        try {
            Path file = Files.createTempFile("previous-jwt", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
