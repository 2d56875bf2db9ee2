package jp.systemgear.ec.export.rest;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.ServiceContractTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ExportServiceContractTest extends ServiceContractTest {

    @Override
    protected String schema() {
        return "export";
    }

    @Override
    protected List<String> expectedTables() {
        return List.of("channel_template", "export_job", "scheduled_job_execution");
    }

    @Override
    protected String collectionPath() {
        return "/templates";
    }

    @Override
    protected String validBody(String key) {
        return """
                {"code":"%s","name":"楽天市場 在庫","encoding":"Windows-31J",
                 "columns":[{"header":"コントロールカラム","value":"u"},{"header":"商品管理番号","field":"sku"},
                            {"header":"在庫数","field":"quantity"}]}
                """.formatted(key);
    }

    @Override
    protected String invalidBody() {
        return "{\"code\":\"rakuten\",\"name\":\"楽天\",\"columns\":[]}";
    }

    @Override
    protected String invalidField() {
        return "columns";
    }
}
