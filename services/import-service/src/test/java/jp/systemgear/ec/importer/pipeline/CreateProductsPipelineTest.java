package jp.systemgear.ec.importer.pipeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import jp.systemgear.ec.testing.TestApplicationDatabase;
import jp.systemgear.ec.testing.TestTokens;

/**
 * Bulk product creation through the pipeline: an upload with {@code createProducts=true} is read and mapped
 * like any other, its staged rows carry the items' names to catalog's view, the dry-run diff says how many
 * products catalog would create, and the apply asks catalog to create them (at its HTTP boundary:
 * {@link FakeCatalog}).
 */
@QuarkusTest
@TestProfile(PipelineProfile.class)
class CreateProductsPipelineTest {

    static final String TEA = "髙島屋 ①特選 ～お茶～";

    /** SKUs of the supplier's own (C + tag + -digits), and one EXACT rule giving a SKU the product API refuses. */
    static final String RULES = """
            {"formatVersion":1,"supplierCode":"%1$s","ruleVersion":2,
             "valueFormat":{"decimalSeparator":".","thousandsSeparator":",","stockSymbols":{"○":10,"△":3,"×":0,"":0}},
             "rules":[
               {"name":"不正な品番","match":{"type":"EXACT","code":"BAD-1","sku":"bad sku"}},
               {"name":"数字コード","match":{"type":"REGEX","pattern":"^0*(\\\\d+)$","skuTemplate":"%1$s-{1}"}}
             ],"janIndex":{}}
            """;

    static final String FILE = """
            商品コード,商品名,JAN,在庫,単価
            000123,%s,4901234567894,○,"1,280"
            000124,限定品,,×,500
            000125,,,△,300
            BAD-1,不正な品番,,○,100
            000126,登録済み,,○,100
            ABC-9,規則なし,,○,100
            """.formatted(TEA);

    @BeforeAll
    static void catalogSchema() {
        TestApplicationDatabase.migrateOwnedSchema("catalog", "catalog-service");
    }

    static String supplier() throws SQLException {
        String code = "C" + UUID.randomUUID().toString().substring(0, 7);
        FakeCatalog.SUPPLIERS.put(code, PipelineTest.SUPPLIER.formatted(code, "KEEP"));
        FakeCatalog.RULES.put(code, RULES.formatted(code));
        // 000126's product exists already: it is not one to create.
        PipelineTest.stock(code, code + "-126", 1, "100");
        return code;
    }

    @Test
    void aDryRunCountsTheProductsToCreateAndItsApprovalAsksCatalogToCreateThem() throws SQLException {
        String supplier = supplier();
        int id = PipelineTest.upload(supplier, PipelineTest.sjis(FILE), "?dryRun=true&createProducts=true");
        assertEquals("staged", PipelineTest.awaitStatus(id, "staged", "failed", "committed"));
        // 123 and 124: 125 has no name, "bad sku" is no SKU for a product, 126 exists, ABC-9 has no SKU.
        Runs.run(id).body("createProducts", equalTo(true)).body("dryRun", equalTo(true))
                .body("diff.productsToCreate", equalTo(2)).body("diff.new", equalTo(4));
        assertEquals(List.of(), FakeCatalog.calls(id));

        // The names reach catalog's view as the file gave them, line by line.
        assertEquals(List.of(supplier + "-123|" + TEA, supplier + "-124|限定品", supplier + "-125|null", "bad sku|不正な品番",
                supplier + "-126|登録済み", "null|規則なし"), stagedNames(id));

        given().auth().oauth2(TestTokens.operator()).when().post("/runs/" + id + "/approve").then().statusCode(200);
        assertEquals("committed", PipelineTest.awaitStatus(id, "committed", "failed"));
        FakeCatalog.Call apply = FakeCatalog.calls(id).get(0);
        assertEquals("apply", apply.what());
        assertTrue(apply.createProducts());
        Runs.run(id).body("createProducts", equalTo(true))
                .body("applied.productsCreated", equalTo(FakeCatalog.PRODUCTS_CREATED));
    }

    @Test
    void anUploadWithTheOptionEndsCommittedWithItAndOneWithoutNeverAsks() throws SQLException {
        String supplier = supplier();
        int created = PipelineTest.upload(supplier, PipelineTest.sjis(FILE), "?createProducts=true");
        assertEquals("committed", PipelineTest.awaitStatus(created, "committed", "failed", "held"));
        assertTrue(FakeCatalog.calls(created).get(0).createProducts());
        Runs.run(created).body("createProducts", equalTo(true)).body("diff.productsToCreate", equalTo(2))
                .body("applied.productsCreated", equalTo(FakeCatalog.PRODUCTS_CREATED));

        int plain = PipelineTest.upload(supplier, PipelineTest.sjis(FILE + "000127,追加,,○,1\n"), "");
        assertEquals("committed", PipelineTest.awaitStatus(plain, "committed", "failed", "held"));
        assertFalse(FakeCatalog.calls(plain).get(0).createProducts());
        Runs.run(plain).body("createProducts", equalTo(false)).body("diff.productsToCreate", nullValue())
                .body("applied.productsCreated", equalTo(0));
    }

    @Test
    void theSameFileSentAgainToCreateItsProductsIsANewRunButNotTwice() throws SQLException {
        String supplier = supplier();
        byte[] file = PipelineTest.sjis(FILE + "000128,再送,,○,1\n");
        int plain = PipelineTest.upload(supplier, file, "");
        assertEquals("committed", PipelineTest.awaitStatus(plain, "committed", "failed", "held"));
        // Resent as it was: the existing run.
        given().auth().oauth2(TestTokens.operator()).multiPart("file", "zaiko.csv", file, "text/csv")
                .when().post("/suppliers/" + supplier + "/files").then().statusCode(200).body("id", equalTo(plain));
        // Resent to create its products: a run of its own that asks catalog to.
        int creating = PipelineTest.upload(supplier, file, "?createProducts=true");
        assertNotEquals(plain, creating);
        assertEquals("committed", PipelineTest.awaitStatus(creating, "committed", "failed", "held"));
        assertTrue(FakeCatalog.calls(creating).get(0).createProducts());
        // And that one is not repeated.
        given().auth().oauth2(TestTokens.operator()).multiPart("file", "zaiko.csv", file, "text/csv")
                .when().post("/suppliers/" + supplier + "/files?createProducts=true").then().statusCode(200)
                .body("id", equalTo(creating));
    }

    /** "sku|product_name" of the run's rows in {@code import.staged_row_v1}, by line. */
    private static List<String> stagedNames(int runId) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = TestApplicationDatabase.connect(); PreparedStatement st = c.prepareStatement(
                "select sku, product_name from import.staged_row_v1 where run_id = ? order by line_no")) {
            st.setLong(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1) + "|" + rs.getString(2));
                }
            }
        }
        return names;
    }
}
