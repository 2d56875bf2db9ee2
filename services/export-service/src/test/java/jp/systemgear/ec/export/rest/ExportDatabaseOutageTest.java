package jp.systemgear.ec.export.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.QuarkusTestResource;

import jp.systemgear.ec.testing.DatabaseOutageContractTest;
import jp.systemgear.ec.testing.PostgresTestResource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ExportDatabaseOutageTest extends DatabaseOutageContractTest {

    @Override
    protected String databaseBackedPath() {
        return "/templates";
    }
}
