package jp.systemgear.ec.catalog.rest;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.ServiceContractTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class CatalogServiceContractTest extends ServiceContractTest {

    @Override
    protected String schema() {
        return "catalog";
    }

    @Override
    protected List<String> expectedTables() {
        return List.of("supplier", "product", "mapping_rule_set", "stock", "stock_history", "applied_run");
    }

    @Override
    protected String collectionPath() {
        return "/suppliers";
    }

    @Override
    protected String validBody(String key) {
        return "{\"code\":\"" + key + "\",\"name\":\"株式会社テスト卸 " + key + "\",\"priority\":10}";
    }

    @Override
    protected String invalidBody() {
        return "{\"code\":\"has space\",\"name\":\"ミドリ商事\"}";
    }

    @Override
    protected String invalidField() {
        return "code";
    }
}
