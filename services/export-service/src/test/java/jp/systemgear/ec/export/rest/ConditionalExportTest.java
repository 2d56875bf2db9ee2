package jp.systemgear.ec.export.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestTokens;

/** ETag and If-None-Match: 304 exactly while nothing in the request's scope changed. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(CatalogSchemaFixture.WorkProfile.class)
class ConditionalExportTest {

    @BeforeAll
    static void seed() throws Exception {
        CatalogSchemaFixture.migrate();
        CatalogSchemaFixture.execute(
                "insert into catalog.supplier (code, name) values ('ET1', '条件卸') on conflict do nothing",
                "insert into catalog.product (sku, name) values ('ET-1', '条件1'), ('ET-2', '条件2') on conflict do nothing",
                "insert into catalog.stock (product_id, supplier_id, quantity, unit_cost, run_id, import_date) "
                        + "select p.id, s.id, 3, 100, 1, date '2026-11-01' from catalog.product p, catalog.supplier s "
                        + "where p.sku in ('ET-1', 'ET-2') and s.code = 'ET1' on conflict do nothing");
    }

    private static Response get(String query, String ifNoneMatch) {
        var request = given().auth().oauth2(TestTokens.viewer());
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return request.when().get("/stock?" + query);
    }

    @Test
    void notModifiedUntilSomethingInScopeChanges() throws Exception {
        Response first = get("sku=ET-1&format=csv", null);
        first.then().statusCode(200);
        String etag = first.header("ETag");
        assertNotNull(etag);

        Response again = get("sku=ET-1&format=csv", etag);
        again.then().statusCode(304);
        assertEquals(etag, again.header("ETag"), "the client's copy stays valid under its tag");
        assertEquals(0, again.asByteArray().length);

        // A change outside the scope (another SKU) leaves it valid.
        CatalogSchemaFixture.execute("update catalog.stock set quantity = quantity + 1 "
                + "where product_id = (select id from catalog.product where sku = 'ET-2')");
        get("sku=ET-1&format=csv", etag).then().statusCode(304);

        // The same tag for another representation (format) is not a match.
        get("sku=ET-1&format=tsv", etag).then().statusCode(200);

        CatalogSchemaFixture.execute("update catalog.stock set quantity = quantity + 1 "
                + "where product_id = (select id from catalog.product where sku = 'ET-1')");
        Response changed = get("sku=ET-1&format=csv", etag);
        changed.then().statusCode(200);
        assertNotEquals(etag, changed.header("ETag"));
        assertEquals('4', new String(changed.asByteArray()).lines().skip(1).findFirst().orElseThrow().split(",")[3].charAt(0));
        get("sku=ET-1&format=csv", changed.header("ETag")).then().statusCode(304);
    }

    @Test
    void foreignOrMalformedTagsAreIgnored() {
        get("sku=ET-2", "\"abc\"").then().statusCode(200);
        get("sku=ET-2", "W/\"x.y\", *").then().statusCode(200);
    }
}
