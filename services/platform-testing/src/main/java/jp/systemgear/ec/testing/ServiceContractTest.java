package jp.systemgear.ec.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import jp.systemgear.ec.common.error.ErrorCode;

/**
 * The behaviour every service shares, checked the same way in each: migrations, health, metrics,
 * OpenAPI and every error shape. A service's test extends this with its own paths and payloads.
 */
public abstract class ServiceContractTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    /** The schema this service owns. */
    protected abstract String schema();

    /** Tables its migrations must create. */
    protected abstract List<String> expectedTables();

    /** A collection that viewers may read and operators may add to, backed by the database. */
    protected abstract String collectionPath();

    /** Where new elements are POSTed; the collection itself unless a service says otherwise. */
    protected String createPath() {
        return collectionPath();
    }

    /** A token allowed to read the collection. */
    protected String readerToken() {
        return TestTokens.viewer();
    }

    /** A token allowed to create elements. */
    protected String writerToken() {
        return TestTokens.operator();
    }

    /** A valid token whose role may read but not create. */
    protected String readOnlyToken() {
        return TestTokens.viewer();
    }

    /** A valid JSON body for a new element whose unique key is {@code key}. */
    protected abstract String validBody(String key);

    /** A JSON body that fails bean validation on {@link #invalidField()}. */
    protected abstract String invalidBody();

    protected abstract String invalidField();

    private ValidatableResponse expectProblem(ValidatableResponse response, int status, ErrorCode code) {
        return response.statusCode(status)
                .contentType(containsString(PROBLEM_JSON))
                .body("status", equalTo(status))
                .body("code", equalTo(code.name()))
                .body("type", equalTo(code.type()))
                .body("title", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    private String management(String path) {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return "http://localhost:" + port + path;
    }

    @Test
    void livenessAndReadinessAreUpOnTheManagementPort() {
        given().when().get(management("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(management("/q/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void statusSummaryIsPublic() {
        given().when().get("/status").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("service", equalTo(ConfigProvider.getConfig().getValue("quarkus.application.name", String.class)));
    }

    @Test
    void prometheusMetricsAreOnTheManagementPort() {
        given().auth().oauth2(readerToken()).when().get(collectionPath()).then().statusCode(200);
        given().when().get(management("/q/metrics")).then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", notNullValue())
                .body("paths", notNullValue());
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void migrationsCreateOnlyThisServicesSchema() throws SQLException {
        try (Connection connection = TestApplicationDatabase.connect();
                Statement statement = connection.createStatement()) {
            Set<String> tables = new HashSet<>();
            try (ResultSet rs = statement.executeQuery(
                    "select table_name from information_schema.tables where table_schema = '" + schema() + "'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : expectedTables()) {
                assertTrue(tables.contains(table), () -> schema() + "." + table + " missing; found " + tables);
            }
            assertTrue(tables.contains("flyway_schema_history"), "Flyway history belongs in the service's schema");
            try (ResultSet rs = statement.executeQuery("select count(*) from " + schema()
                    + ".flyway_schema_history where not success")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no failed migration");
            }
            List<String> otherSchemas = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("select schema_name from information_schema.schemata "
                    + "where schema_name in ('auth','catalog','import','export') and schema_name <> '" + schema() + "'")) {
                while (rs.next()) {
                    otherSchemas.add(rs.getString(1));
                }
            }
            assertEquals(List.of(), otherSchemas, "a service migrates only its own schema");
        }
    }

    @Test
    void twoReplicasMigratingAtOnceBothSucceed() throws Exception {
        TestDatabase.Coordinates fresh = TestDatabase.createDatabase("replicas");
        List<CompletableFuture<Void>> replicas = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            replicas.add(CompletableFuture.runAsync(() -> Flyway.configure()
                    .dataSource(fresh.jdbcUrl(), fresh.user(), fresh.password())
                    .schemas(schema()).defaultSchema(schema()).createSchemas(true)
                    .locations("classpath:db/migration")
                    .load().migrate()));
        }
        CompletableFuture.allOf(replicas.toArray(CompletableFuture[]::new)).get();
        try (Connection connection = fresh.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select count(*), count(distinct version) from " + schema()
                        + ".flyway_schema_history where success and version is not null")) {
            rs.next();
            assertTrue(rs.getInt(1) > 0, "migrations ran");
            assertEquals(rs.getInt(2), rs.getInt(1), "each version applied exactly once");
        }
    }

    @Test
    void viewersReadTheCollection() {
        given().auth().oauth2(readerToken()).when().get(collectionPath()).then().statusCode(200)
                .contentType(ContentType.JSON);
    }

    @Test
    void createThenDuplicateIsConflict() {
        String key = "k" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(writerToken()).contentType(ContentType.JSON).body(validBody(key))
                .when().post(createPath()).then().statusCode(201);
        expectProblem(given().auth().oauth2(writerToken()).contentType(ContentType.JSON).body(validBody(key))
                .when().post(createPath()).then(), 409, ErrorCode.CONFLICT);
    }

    @Test
    void constraintViolationNamesTheField() {
        expectProblem(given().auth().oauth2(writerToken()).contentType(ContentType.JSON).body(invalidBody())
                .when().post(createPath()).then(), 400, ErrorCode.VALIDATION_ERROR)
                .body("errors.field", hasItem(invalidField()));
    }

    @Test
    void malformedJsonIsAValidationError() {
        expectProblem(given().auth().oauth2(writerToken()).contentType(ContentType.JSON).body("{\"code\": ")
                .when().post(createPath()).then(), 400, ErrorCode.VALIDATION_ERROR);
        expectProblem(given().auth().oauth2(writerToken()).contentType(ContentType.JSON).body("[1, 2]")
                .when().post(createPath()).then(), 400, ErrorCode.VALIDATION_ERROR);
    }

    @Test
    void unknownRouteIsNotFound() {
        expectProblem(given().when().get("/no-such-route/" + UUID.randomUUID()).then(), 404, ErrorCode.NOT_FOUND);
    }

    @Test
    void wrongMethodIsNotAllowed() {
        expectProblem(given().auth().oauth2(writerToken()).when().patch(collectionPath()).then(), 405,
                ErrorCode.METHOD_NOT_ALLOWED);
    }

    @Test
    void missingOrInvalidTokenIsAuthTokenInvalid() {
        expectProblem(given().when().get(collectionPath()).then(), 401, ErrorCode.AUTH_TOKEN_INVALID)
                .header("WWW-Authenticate", containsString("Bearer"));
        expectProblem(given().auth().oauth2("not-a-token").when().get(collectionPath()).then(), 401,
                ErrorCode.AUTH_TOKEN_INVALID);
        String tampered = TestTokens.viewer();
        tampered = tampered.substring(0, tampered.length() - 4) + "AAAA";
        expectProblem(given().auth().oauth2(tampered).when().get(collectionPath()).then(), 401,
                ErrorCode.AUTH_TOKEN_INVALID);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = { "expired", "wrong issuer", "wrong audience",
            "alg none", "unknown key" })
    void everyBadTokenIsAuthTokenInvalid(String kind) {
        String role = jp.systemgear.ec.common.security.Roles.ADMIN;
        String token = switch (kind) {
            case "expired" -> TestTokens.expired(role);
            case "wrong issuer" -> TestTokens.withIssuer("https://attacker.example/auth", role);
            case "wrong audience" -> TestTokens.withAudience("another-platform", role);
            case "alg none" -> TestTokens.unsigned(role);
            case "unknown key" -> TestTokens.signedByStranger(role);
            default -> throw new IllegalArgumentException(kind);
        };
        expectProblem(given().auth().oauth2(token).when().get(collectionPath()).then(), 401,
                ErrorCode.AUTH_TOKEN_INVALID);
    }

    @Test
    void anEndpointWithoutASecurityAnnotationIsDeniedToEverybody() {
        expectProblem(given().when().get("/__probe/unannotated").then(), 401, ErrorCode.AUTH_TOKEN_INVALID);
        expectProblem(given().auth().oauth2(TestTokens.admin()).when().get("/__probe/unannotated").then(), 403,
                ErrorCode.FORBIDDEN);
    }

    @Test
    void roleWithoutPermissionIsForbidden() {
        expectProblem(given().auth().oauth2(TestTokens.withoutRoles()).when().get(collectionPath()).then(), 403,
                ErrorCode.FORBIDDEN);
        expectProblem(given().auth().oauth2(readOnlyToken()).contentType(ContentType.JSON)
                .body(validBody("readonly")).when().post(createPath()).then(), 403, ErrorCode.FORBIDDEN);
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyErrorCodeHasItsShape(ErrorCode code) {
        ValidatableResponse response = expectProblem(given().when().get("/__probe/errors/" + code.name()).then(),
                code.status(), code);
        if (code == ErrorCode.RATE_LIMITED) {
            response.header("Retry-After", equalTo("30"));
        }
    }

    @Test
    void unexpectedFailureHidesItsDetails() {
        expectProblem(given().when().get("/__probe/errors/unexpected").then(), 500, ErrorCode.INTERNAL_ERROR)
                .body(not(containsString("internal details")));
    }
}
