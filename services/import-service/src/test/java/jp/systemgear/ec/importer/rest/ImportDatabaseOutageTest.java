package jp.systemgear.ec.importer.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import jp.systemgear.ec.testing.DatabaseOutageContractTest;
import jp.systemgear.ec.testing.PostgresTestResource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ImportDatabaseOutageTest extends DatabaseOutageContractTest {

    @Override
    protected String databaseBackedPath() {
        return "/runs";
    }
}
