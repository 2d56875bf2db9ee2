package jp.systemgear.ec.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The rule engine on Japanese supplier rows: one rule set, every match type, first match wins. */
public class RuleEngineTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Ordered as an operator would write them; comments give why a row lands where it does. */
    public static final String RULES = """
            [
              {"name": "除外-見本品", "match": {"type": "REGEX", "pattern": "SAMPLE-.*"}, "exclude": true},
              {"name": "完全一致-ｻﾝﾌﾟﾙ", "match": {"type": "EXACT", "code": "0012-345", "sku": "SG-0012345"},
               "transforms": [{"type": "TAX_INCLUDE", "rate": 10}, {"type": "ROUND", "mode": "FLOOR", "unit": 1}]},
              {"name": "JAN一致", "match": {"type": "JAN"}},
              {"name": "接頭辞-加藤ケース", "match": {"type": "PREFIX", "prefix": "KT-", "skuTemplate": "KATO-{rest}"},
               "transforms": [{"type": "PACK", "unitsPerCase": 12}, {"type": "CAP", "value": 100}]},
              {"name": "正規表現-色", "match": {"type": "REGEX",
                 "pattern": "(?<series>[A-Z]{2})(\\\\d{4})-(?<color>RED|BLU)", "skuTemplate": "{series}{2}-{color}"},
               "transforms": [{"type": "STOCK_SYMBOLS", "symbols": {"◎": 50}}, {"type": "MARKUP_PERCENT", "percent": 20},
                              {"type": "ROUND", "mode": "CEILING", "unit": 10}, {"type": "THRESHOLD", "value": 2}]},
              {"name": "食品-税込→税抜", "match": {"type": "PREFIX", "prefix": "FD-"},
               "transforms": [{"type": "TAX_EXCLUDE", "rate": 8}, {"type": "ROUND", "mode": "HALF_UP", "unit": 1},
                              {"type": "SAFETY_BUFFER", "value": 3}]},
              {"name": "軽減税率-税抜→税込", "match": {"type": "EXACT", "code": "FOOD-01", "sku": "F-01"},
               "transforms": [{"type": "TAX_INCLUDE", "rate": 8}, {"type": "ROUND", "mode": "HALF_UP", "unit": 1}]},
              {"name": "固定額加算", "match": {"type": "EXACT", "code": "MK-01", "sku": "MK-01"},
               "transforms": [{"type": "MARKUP_FIXED", "amount": 50}, {"type": "ROUND", "mode": "FLOOR", "unit": 100}]},
              {"name": "値引き", "match": {"type": "EXACT", "code": "MK-02", "sku": "MK-02"},
               "transforms": [{"type": "MARKUP_FIXED", "amount": -100}]},
              {"name": "到達しない", "match": {"type": "EXACT", "code": "KT-00123", "sku": "NEVER"}}
            ]
            """;

    static final Map<String, String> JAN_TO_SKU = Map.of("4901234567894", "JAN-0001", "49123456", "JAN-0008");

    static CompiledRuleSet ruleSet() {
        return RuleCompiler.compile(rules(RULES), ValueFormat.japaneseDefault(), JAN_TO_SKU);
    }

    static List<RuleDefinition> rules(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<RuleDefinition>>() {
            });
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** "code,name,stock,cost": the cost keeps its thousands separator, as in the files. */
    static SupplierRow row(String line) {
        String[] f = line.split(",", 4);
        return new SupplierRow(f[0], null, f[1], f[2], f.length > 3 ? f[3] : null);
    }

    @ParameterizedTest(name = "{0} → {1} {2} {3} {4} {5}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # row                                  | outcome   | rule             | sku         | cost  | quantity
            0012-345,ｻﾝﾌﾟﾙ商品①,○,1,280            | MAPPED    | 完全一致-ｻﾝﾌﾟﾙ   | SG-0012345  | 1408  | 10
            0012-345,ｻﾝﾌﾟﾙ商品①,10+,1,000円        | MAPPED    | 完全一致-ｻﾝﾌﾟﾙ   | SG-0012345  | 1100  | 10
            0012-345,ｻﾝﾌﾟﾙ商品①,,500               | MAPPED    | 完全一致-ｻﾝﾌﾟﾙ   | SG-0012345  | 550   | 0
            '  0012-345　,パディング,×,101'           | MAPPED    | 完全一致-ｻﾝﾌﾟﾙ   | SG-0012345  | 111   | 0
            4901234567894,JAN商品,5,980            | MAPPED    | JAN一致          | JAN-0001    | 980   | 5
            49123456,短縮JAN商品,１２,７０         | MAPPED    | JAN一致          | JAN-0008    | 70    | 12
            KT-00123,加藤ケース,3,12,000           | MAPPED    | 接頭辞-加藤ケース | KATO-00123  | 1000  | 36
            KT-00999,加藤ケース大量,20,1000        | MAPPED    | 接頭辞-加藤ケース | KATO-00999  | 83.3333 | 100
            AB1234-RED,赤ボールペン,◎,333          | MAPPED    | 正規表現-色      | AB1234-RED  | 400   | 50
            AB1234-BLU,青ボールペン,2,100          | MAPPED    | 正規表現-色      | AB1234-BLU  | 120   | 0
            AB1234-BLU,青ボールペン,△,100          | MAPPED    | 正規表現-色      | AB1234-BLU  | 120   | 3
            FD-777,おにぎり,△,108                  | MAPPED    | 食品-税込→税抜   | FD-777      | 100   | 0
            FD-778,緑茶,１２,２１６                | MAPPED    | 食品-税込→税抜   | FD-778      | 200   | 9
            FOOD-01,味噌,○,139                     | MAPPED    | 軽減税率-税抜→税込 | F-01      | 150   | 10
            MK-01,加算品,1,1,234                   | MAPPED    | 固定額加算       | MK-01       | 1200  | 1
            MK-02,値引品,1,50                      | MAPPED    | 値引き           | MK-02       | 0     | 1
            SAMPLE-01,見本品,○,0                   | EXCLUDED  | 除外-見本品      | null        | null  | null
            ZZ-999,未登録品,○,100                  | UNMATCHED | null             | null        | null  | null
            AB1234-GRN,緑ボールペン,○,100          | UNMATCHED | null             | null        | null  | null
            0012-345,ｻﾝﾌﾟﾙ商品①,◇,100             | INVALID   | 完全一致-ｻﾝﾌﾟﾙ   | SG-0012345  | null  | null
            0012-345,ｻﾝﾌﾟﾙ商品①,○,１２八十        | INVALID   | 完全一致-ｻﾝﾌﾟﾙ   | SG-0012345  | null  | null
            0012-345,ｻﾝﾌﾟﾙ商品①,○,-5              | INVALID   | 完全一致-ｻﾝﾌﾟﾙ   | SG-0012345  | null  | null
            """)
    void rowsAreMappedByTheFirstMatchingRule(String line, RowResult.Outcome outcome, String rule, String sku,
            BigDecimal cost, Integer quantity) {
        RowResult result = ruleSet().apply(row(line));
        assertEquals(outcome, result.outcome(), () -> "outcome of " + line + ": " + result);
        assertEquals(rule, result.rule());
        assertEquals(sku, result.sku());
        if (cost == null) {
            assertNull(result.unitCost());
        } else {
            assertEquals(0, cost.compareTo(result.unitCost()), () -> "cost " + result.unitCost());
        }
        assertEquals(quantity, result.quantity());
        if (outcome != RowResult.Outcome.MAPPED) {
            assertTrue(result.reason() != null && !result.reason().isBlank(), "a reason is given");
        }
    }

    @ParameterizedTest(name = "{0} {1}: cost {2} stock {3} → {4} / {5}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # transform JSON                                          | note                | cost   | stock | cost' | stock'
            {"type":"TAX_INCLUDE","rate":10}                          | 税抜→税込 10%        | 1000   | 1     | 1100  | 1
            {"type":"TAX_INCLUDE","rate":8}                           | 税抜→税込 8%         | 1000   | 1     | 1080  | 1
            {"type":"TAX_EXCLUDE","rate":10}                          | 税込→税抜 10%        | 1100   | 1     | 1000  | 1
            {"type":"TAX_EXCLUDE","rate":8}                           | 税込→税抜 8%         | 1000   | 1     | 925.9259 | 1
            {"type":"MARKUP_PERCENT","percent":15}                    | 掛率               | 1000   | 1     | 1150  | 1
            {"type":"MARKUP_PERCENT","percent":-30}                   | 値引率             | 1000   | 1     | 700   | 1
            {"type":"MARKUP_FIXED","amount":120}                      | 固定額             | 1000   | 1     | 1120  | 1
            {"type":"ROUND","mode":"FLOOR","unit":10}                 | 切り捨て 10円       | 1289   | 1     | 1280  | 1
            {"type":"ROUND","mode":"CEILING","unit":10}               | 切り上げ 10円       | 1281   | 1     | 1290  | 1
            {"type":"ROUND","mode":"HALF_UP","unit":10}               | 四捨五入 10円       | 1285   | 1     | 1290  | 1
            {"type":"ROUND","mode":"HALF_UP","unit":100}              | 四捨五入 100円      | 1249.99 | 1    | 1200  | 1
            {"type":"ROUND","mode":"FLOOR","unit":1}                  | 切り捨て 1円        | 925.9259 | 1   | 925   | 1
            {"type":"PACK","unitsPerCase":24}                         | ケース→バラ         | 4800   | 2     | 200   | 48
            {"type":"STOCK_SYMBOLS","symbols":{"○":99}}               | 記号表の上書き       | 100    | ○     | 100   | 99
            {"type":"THRESHOLD","value":5}                            | 5以下は0           | 100    | 5     | 100   | 0
            {"type":"THRESHOLD","value":5}                            | 6は残る            | 100    | 6     | 100   | 6
            {"type":"SAFETY_BUFFER","value":2}                        | 安全在庫           | 100    | 10    | 100   | 8
            {"type":"SAFETY_BUFFER","value":20}                       | 安全在庫で0        | 100    | 10    | 100   | 0
            {"type":"CAP","value":30}                                 | 上限               | 100    | 999   | 100   | 30
            """)
    void everyTransform(String transform, String note, String cost, String stock, BigDecimal expectedCost,
            Integer expectedQuantity) {
        CompiledRuleSet set = RuleCompiler.compile(rules("[{\"name\":\"" + note
                + "\",\"match\":{\"type\":\"PREFIX\",\"prefix\":\"4\"},\"transforms\":[" + transform + "]}]"),
                ValueFormat.japaneseDefault(), Map.of());
        RowResult result = set.apply(new SupplierRow("4900001", null, "テスト", stock, cost));
        assertEquals(RowResult.Outcome.MAPPED, result.outcome(), result::toString);
        assertEquals(0, expectedCost.compareTo(result.unitCost()), () -> "cost " + result.unitCost());
        assertEquals(expectedQuantity, result.quantity());
    }

    @org.junit.jupiter.api.Test
    void profileSeparatorsAndSymbolsAreUsed() {
        // A profile that writes 1.280,50 (thousands '.', decimal ',') and its own symbols.
        ValueFormat european = new ValueFormat(",", ".", Map.of("有", 5, "無", 0));
        CompiledRuleSet set = RuleCompiler.compile(rules("[{\"name\":\"all\",\"match\":{\"type\":\"REGEX\","
                + "\"pattern\":\".*\",\"skuTemplate\":\"X{code}\"}}]"), european, Map.of());
        RowResult result = set.apply(new SupplierRow("0001", null, null, "有", "1.280,50"));
        assertEquals("X0001", result.sku());
        assertEquals(0, new BigDecimal("1280.5").compareTo(result.unitCost()));
        assertEquals(5, result.quantity());
        assertEquals(RowResult.Outcome.INVALID, set.apply(new SupplierRow("0001", null, null, "○", "1")).outcome(),
                "○ is not in this profile's table");
    }

    @org.junit.jupiter.api.Test
    void missingColumnsStayUnknown() {
        RowResult result = ruleSet().apply(new SupplierRow("0012-345", null, null, null, null));
        assertEquals(RowResult.Outcome.MAPPED, result.outcome());
        assertNull(result.quantity());
        assertNull(result.unitCost());
    }
}
