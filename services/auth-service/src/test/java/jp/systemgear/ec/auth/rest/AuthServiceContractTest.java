package jp.systemgear.ec.auth.rest;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.ServiceContractTest;
import jp.systemgear.ec.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AuthServiceContractTest extends ServiceContractTest {

    @Override
    protected String schema() {
        return "auth";
    }

    @Override
    protected List<String> expectedTables() {
        return List.of("app_user", "audit_event");
    }

    @Override
    protected String collectionPath() {
        return "/users";
    }

    @Override
    protected String readerToken() {
        return TestTokens.admin();
    }

    @Override
    protected String writerToken() {
        return TestTokens.admin();
    }

    @Override
    protected String readOnlyToken() {
        return TestTokens.operator();
    }

    @Override
    protected String validBody(String key) {
        return "{\"username\":\"user-" + key + "\",\"displayName\":\"山田 花子\",\"role\":\"operator\","
                + "\"password\":\"在庫は毎朝六時に更新されます\"}";
    }

    @Override
    protected String invalidBody() {
        return "{\"username\":\"shorty\",\"role\":\"operator\",\"password\":\"short\"}";
    }

    @Override
    protected String invalidField() {
        return "password";
    }
}
