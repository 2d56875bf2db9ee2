package jp.systemgear.ec.importer.rest;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.ServiceContractTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ImportServiceContractTest extends ServiceContractTest {

    @Override
    protected String schema() {
        return "import";
    }

    @Override
    protected List<String> expectedTables() {
        return List.of("import_run", "chukan_file_tanka", "import_row_error", "scheduled_job_execution");
    }

    @Override
    protected String collectionPath() {
        return "/runs";
    }

    @Override
    protected String validBody(String key) {
        return "{\"supplierCode\":\"0012\",\"idempotencyKey\":\"cron-" + key + "\"}";
    }

    @Override
    protected String invalidBody() {
        return "{\"supplierCode\":\"仕入先 A\"}";
    }

    @Override
    protected String invalidField() {
        return "supplierCode";
    }
}
