package jp.systemgear.ec.importer.source;

import java.util.List;
import java.util.UUID;

import io.restassured.response.ValidatableResponse;

import jp.systemgear.ec.importer.pipeline.FakeCatalog;
import jp.systemgear.ec.importer.pipeline.Runs;

/** Suppliers registered in {@link FakeCatalog} for one test, and reading runs. */
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
        FakeCatalog.SUPPLIERS.put(code, SUPPLIER.formatted(code, sourceJson, cron == null ? "null" : "\"" + cron + "\""));
        FakeCatalog.RULES.put(code, RULES.formatted(code));
        return code;
    }

    static void remove(List<String> codes) {
        codes.forEach(code -> {
            FakeCatalog.SUPPLIERS.remove(code);
            FakeCatalog.RULES.remove(code);
        });
    }

    static ValidatableResponse run(long id) {
        return Runs.run(id);
    }

    static List<Integer> runIds(String supplier) {
        return Runs.ids(supplier);
    }

    static String awaitStatus(long id, String... states) {
        return Runs.awaitStatus(id, states);
    }

    static final String CSV = "code,stock,cost\n000101,5,100\n000102,7,200\n";
}
