package jp.systemgear.ec.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestTokens;

/** Mapping rules through the API: versions, restore, diff, MAPPING_RULE_ERROR, the test endpoint, compiled form. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RuleResourceTest {

    /** The engine test's rule set; its JAN rule needs products with these JANs. */
    static final String RULES = jp.systemgear.ec.rules.RuleEngineTest.RULES;

    private String supplier;

    @BeforeEach
    void newSupplier() {
        supplier = "R" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"code\":\"" + supplier + "\",\"name\":\"ルール検証卸\"}").when().post("/suppliers")
                .then().statusCode(201);
    }

    static void ensureProduct(String sku, String jan) {
        int status = given().auth().oauth2(TestTokens.viewer()).when().get("/products/" + sku).then().extract().statusCode();
        if (status == 404) {
            given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                    .body("{\"sku\":\"" + sku + "\",\"jan\":\"" + jan + "\",\"name\":\"JAN商品 " + sku + "\"}")
                    .when().post("/products").then().statusCode(201);
        }
    }

    private String rulesPath() {
        return "/suppliers/" + supplier + "/rules";
    }

    private JsonPath save(String rules, String comment, Integer baseVersion) {
        return given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"rules\":" + rules + ",\"comment\":\"" + comment + "\""
                        + (baseVersion == null ? "" : ",\"baseVersion\":" + baseVersion) + "}")
                .when().put(rulesPath()).then().statusCode(201).extract().jsonPath();
    }

    @Test
    void everyChangeIsANewVersionAndRestoreMakesAnotherOne() {
        given().auth().oauth2(TestTokens.viewer()).when().get(rulesPath()).then().statusCode(200)
                .body("version", equalTo(0)).body("rules", hasSize(0));
        String v1 = "[{\"name\":\"JAN一致\",\"match\":{\"type\":\"JAN\"}},"
                + "{\"name\":\"加藤\",\"match\":{\"type\":\"PREFIX\",\"prefix\":\"KT-\"}}]";
        String v2 = "[{\"name\":\"加藤\",\"match\":{\"type\":\"PREFIX\",\"prefix\":\"KT-\"},"
                + "\"transforms\":[{\"type\":\"PACK\",\"unitsPerCase\":12}]},"
                + "{\"name\":\"新規\",\"match\":{\"type\":\"EXACT\",\"code\":\"0012-345\",\"sku\":\"SG-0012345\"}}]";
        assertEquals(1, save(v1, "初版", 0).getInt("version"));
        JsonPath second = save(v2, "入数変更", 1);
        assertEquals(2, second.getInt("version"));
        assertEquals("test-operator", second.getString("createdBy"));

        // Saving on top of version 1 again would drop version 2's change.
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"rules\":" + v1 + ",\"baseVersion\":1}").when().put(rulesPath())
                .then().statusCode(409).body("code", equalTo("CONFLICT"));

        given().auth().oauth2(TestTokens.viewer()).when().get(rulesPath() + "/versions").then().statusCode(200)
                .body("version", contains(2, 1)).body("ruleCount", contains(2, 2)).body("comment", contains("入数変更", "初版"));
        given().auth().oauth2(TestTokens.viewer()).when().get(rulesPath() + "/versions/1").then().statusCode(200)
                .body("rules.name", contains("JAN一致", "加藤"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("from", 1).queryParam("to", 2)
                .when().get(rulesPath() + "/diff").then().statusCode(200)
                .body("added.name", contains("新規"))
                .body("removed.name", contains("JAN一致"))
                .body("changed.name", contains("加藤"))
                .body("changed[0].after.transforms[0].unitsPerCase", equalTo(12));

        given().auth().oauth2(TestTokens.operator()).when().post(rulesPath() + "/versions/1/restore").then()
                .statusCode(201).body("version", equalTo(3)).body("restoredFrom", equalTo(1))
                .body("rules.name", contains("JAN一致", "加藤"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("from", 1).queryParam("to", 3)
                .when().get(rulesPath() + "/diff").then().statusCode(200)
                .body("added", hasSize(0)).body("removed", hasSize(0)).body("changed", hasSize(0))
                .body("moved", hasSize(0));
        given().auth().oauth2(TestTokens.viewer()).when().get(rulesPath()).then().body("version", equalTo(3));
        given().auth().oauth2(TestTokens.viewer()).when().get(rulesPath() + "/versions/9").then().statusCode(404);
        given().auth().oauth2(TestTokens.viewer()).when().post(rulesPath() + "/versions/1/restore").then().statusCode(403);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            [{"name":"正規表現","match":{"type":"REGEX","pattern":"(?<series>[A-Z]{2}","skuTemplate":"{series}"}}]   | rules[0].match.pattern
            [{"name":"正規表現","match":{"type":"REGEX","pattern":"([A-Z]{2})(\\\\d+)","skuTemplate":"SG-{3}"}}]     | rules[0].match.skuTemplate
            [{"name":"正規表現","match":{"type":"REGEX","pattern":"(?<series>[A-Z]{2})","skuTemplate":"{color}"}}]  | rules[0].match.skuTemplate
            [{"name":"A","match":{"type":"JAN"}},{"name":"B","match":{"type":"JAN"},"transforms":[{"type":"ROUND","mode":"HALF_UP","unit":50}]}] | rules[1].transforms[0].unit
            [{"name":"税","match":{"type":"JAN"},"transforms":[{"type":"TAX_INCLUDE","rate":5}]}]                    | rules[0].transforms[0].rate
            [{"name":"掛率","match":{"type":"JAN"},"transforms":[{"type":"MARKUP_PERCENT","percent":-150}]}]         | rules[0].transforms[0].percent
            [{"name":"完全一致","match":{"type":"EXACT","code":"0012"}}]                                              | rules[0].match.sku
            """)
    void invalidRulesAreMappingRuleErrorsNamingTheField(String rules, String field) {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"rules\":" + rules + "}").when().put(rulesPath())
                .then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("MAPPING_RULE_ERROR"))
                .body("errors.field", hasItem(field));
        given().auth().oauth2(TestTokens.viewer()).when().get(rulesPath()).then().body("version", equalTo(0));
    }

    @ParameterizedTest(name = "{0} → {1} {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # code,name,stock,cost                 | outcome   | rule               | sku         | cost  | quantity
            0012-345,ｻﾝﾌﾟﾙ商品①,○,1,280            | MAPPED    | 完全一致-ｻﾝﾌﾟﾙ     | SG-0012345  | 1408  | 10
            4901234567894,JAN商品,5,980            | MAPPED    | JAN一致            | JAN-0001    | 980   | 5
            KT-00123,加藤ケース,3,12,000           | MAPPED    | 接頭辞-加藤ケース  | KATO-00123  | 1000  | 36
            AB1234-RED,赤ボールペン,◎,333          | MAPPED    | 正規表現-色        | AB1234-RED  | 400   | 50
            FD-778,緑茶,１２,２１６                | MAPPED    | 食品-税込→税抜     | FD-778      | 200   | 9
            FOOD-01,味噌,○,139                     | MAPPED    | 軽減税率-税抜→税込 | F-01        | 150   | 10
            MK-01,加算品,1,1,234                   | MAPPED    | 固定額加算         | MK-01       | 1200  | 1
            SAMPLE-01,見本品,○,0                   | EXCLUDED  | 除外-見本品        | null        | null  | null
            ZZ-999,未登録品,○,100                  | UNMATCHED | null               | null        | null  | null
            0012-345,ｻﾝﾌﾟﾙ商品①,◇,100             | INVALID   | 完全一致-ｻﾝﾌﾟﾙ     | SG-0012345  | null  | null
            """)
    void testEndpointExplainsEveryRowAndWritesNothing(String line, String outcome, String rule, String sku, String cost,
            Integer quantity) {
        ensureProduct("JAN-0001", "4901234567894");
        save(RULES, "テスト用", null);
        String[] f = line.split(",", 4);
        JsonPath result = given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON)
                .body("{\"rows\":[{\"code\":\"" + f[0] + "\",\"name\":\"" + f[1] + "\",\"stock\":\"" + f[2]
                        + "\",\"cost\":\"" + f[3] + "\"}]}")
                .when().post(rulesPath() + "/test").then().statusCode(200)
                .body("ruleVersion", equalTo(1))
                .body("results", hasSize(1))
                .body("results[0].line", equalTo(1))
                .extract().jsonPath();
        assertEquals(outcome, result.getString("results[0].result.outcome"));
        assertEquals(rule, result.getString("results[0].result.rule"));
        assertEquals(sku, result.getString("results[0].result.sku"));
        assertEquals(cost, result.getString("results[0].result.unitCost"));
        assertEquals(quantity, result.get("results[0].result.quantity"));
        if (!"MAPPED".equals(outcome)) {
            assertNotEquals(null, result.getString("results[0].result.reason"));
        }
        given().auth().oauth2(TestTokens.viewer()).when().get(rulesPath() + "/versions").then().body("version", contains(1));
    }

    @Test
    void draftRulesCanBeTestedBeforeSaving() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("""
                        {"rules":[{"name":"品番","match":{"type":"REGEX","pattern":"(\\\\d{4})-(\\\\d{3})","skuTemplate":"SG-{1}{2}"},
                                   "transforms":[{"type":"THRESHOLD","value":2},{"type":"CAP","value":99}]}],
                         "rows":[{"code":"0012-345","stock":"1"},{"code":"0012-346","stock":"500"},{"code":"12-345"}]}""")
                .when().post(rulesPath() + "/test").then().statusCode(200)
                .body("ruleVersion", nullValue())
                .body("results.result.sku", contains("SG-0012345", "SG-0012346", null))
                .body("results.result.quantity", contains(0, 99, null))
                .body("mapped", equalTo(2)).body("unmatched", equalTo(1));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"rules\":[{\"name\":\"x\",\"match\":{\"type\":\"REGEX\",\"pattern\":\"(\"}}],\"rows\":[]}")
                .when().post(rulesPath() + "/test").then().statusCode(422)
                .body("errors.field", hasItem("rules[0].match.pattern"));
        given().auth().oauth2(TestTokens.viewer()).when().get(rulesPath()).then().body("version", equalTo(0));
    }

    @Test
    void compiledFormHasAnETagAndAnswers304() {
        ensureProduct("JAN-0001", "4901234567894");
        save(RULES, "コンパイル", null);
        var first = given().auth().oauth2(TestTokens.viewer()).when().get(rulesPath() + "/compiled").then()
                .statusCode(200)
                .contentType(containsString("application/json"))
                .header("ETag", notNullValue())
                .body("formatVersion", equalTo(1))
                .body("supplierCode", equalTo(supplier))
                .body("ruleVersion", equalTo(1))
                .body("rules", hasSize(10))
                .body("valueFormat.thousandsSeparator", equalTo(","))
                .body("valueFormat.stockSymbols.'○'", equalTo(10))
                .body("janIndex.'4901234567894'", equalTo("JAN-0001"))
                .extract();
        String etag = first.header("ETag");
        given().auth().oauth2(TestTokens.viewer()).header("If-None-Match", etag).when().get(rulesPath() + "/compiled")
                .then().statusCode(304).header("ETag", equalTo(etag));

        save("[{\"name\":\"接頭辞\",\"match\":{\"type\":\"PREFIX\",\"prefix\":\"KT-\"}}]", "変更", 1);
        given().auth().oauth2(TestTokens.viewer()).header("If-None-Match", etag).when().get(rulesPath() + "/compiled")
                .then().statusCode(200)
                .header("ETag", not(equalTo(etag)))
                .body("ruleVersion", equalTo(2))
                .body("janIndex.size()", equalTo(0));
    }

    @Test
    void unknownSupplierIsNotFound() {
        given().auth().oauth2(TestTokens.viewer()).when().get("/suppliers/NOPE-" + supplier + "/rules/compiled").then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
    }
}
