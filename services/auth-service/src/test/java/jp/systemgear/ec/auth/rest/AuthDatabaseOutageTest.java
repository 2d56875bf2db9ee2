package jp.systemgear.ec.auth.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import jp.systemgear.ec.testing.DatabaseOutageContractTest;
import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AuthDatabaseOutageTest extends DatabaseOutageContractTest {

    @Override
    protected String databaseBackedPath() {
        return "/users";
    }

    @Override
    protected String readerToken() {
        return TestTokens.admin();
    }
}
