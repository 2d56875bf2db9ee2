package jp.systemgear.ec.importer.source;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.restassured.response.ValidatableResponse;

import jp.systemgear.ec.testing.TestTokens;

/** Suppliers registered in {@link SourceCatalog} for one test, and reading runs. */
final class Suppliers {

    static final String RULES = """
            {"formatVersion":1,"supplierCode":"%s","ruleVersion":3,
             "valueFormat":{"decimalSeparator":".","thousandsSeparator":",","stockSymbols":{}},
             "rules":[{"name":"数字コード","match":{"type":"REGEX","pattern":"^0*(\\\\d+)$","skuTemplate":"SG-{1}"}}],
             "janIndex":{}}
            """;

    static final String SUPPLIER = """
            {"code":"%s","name":"取込元テスト","active":true,
             "profile":{"format":"CSV","encoding":"UTF-8","headerRows":1,
               "columns":{"code":{"header":"code"},"stock":{"header":"stock"},"cost":{"header":"cost"}}},
             "source":%s,"scheduleCron":%s,
             "guard":{"minRows":1,"maxRowDropPercent":100,"maxZeroStockPercent":100,"maxCostChangePercent":10000},
             "missingItemsPolicy":"KEEP"}
            """;

    private Suppliers() {
    }

    static String code(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** Registers a supplier with the given source JSON and own cron (null: none). */
    static String register(String code, String sourceJson, String cron) {
        SourceCatalog.SUPPLIERS.put(code, SUPPLIER.formatted(code, sourceJson, cron == null ? "null" : "\"" + cron + "\""));
        SourceCatalog.RULES.put(code, RULES.formatted(code));
        return code;
    }

    static void remove(List<String> codes) {
        codes.forEach(code -> {
            SourceCatalog.SUPPLIERS.remove(code);
            SourceCatalog.RULES.remove(code);
        });
    }

    static ValidatableResponse run(long id) {
        return given().auth().oauth2(TestTokens.viewer()).when().get("/runs/" + id).then().statusCode(200);
    }

    static List<Integer> runIds(String supplier) {
        return given().auth().oauth2(TestTokens.viewer()).queryParam("supplier", supplier).when().get("/runs")
                .then().statusCode(200).extract().path("id");
    }

    static String awaitStatus(long id, String... states) {
        List<String> wanted = List.of(states);
        String[] seen = { null };
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            seen[0] = run(id).extract().path("status");
            return wanted.contains(seen[0]);
        });
        return seen[0];
    }

    static final String CSV = "code,stock,cost\n000101,5,100\n000102,7,200\n";
}
