package jp.systemgear.ec.catalog.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.QuarkusTestResource;

import jp.systemgear.ec.testing.DatabaseOutageContractTest;
import jp.systemgear.ec.testing.PostgresTestResource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class CatalogDatabaseOutageTest extends DatabaseOutageContractTest {

    @Override
    protected String databaseBackedPath() {
        return "/suppliers";
    }
}
