package jp.systemgear.ec.importer.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import jp.systemgear.ec.common.security.Roles;
import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ImportRunResourceTest {

    @Test
    void serviceClientWithTriggerScopeQueuesARun() {
        String supplier = "S" + UUID.randomUUID().toString().substring(0, 6);
        String token = TestTokens.token("cronjob-" + supplier, Set.of(Roles.SCOPE_IMPORT_TRIGGER));
        int id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"supplierCode\":\"" + supplier + "\"}")
                .when().post("/runs")
                .then().statusCode(201)
                .body("status", equalTo("queued"))
                .body("source", equalTo("trigger"))
                .body("requestedBy", equalTo("cronjob-" + supplier))
                .extract().path("id");

        given().auth().oauth2(TestTokens.viewer()).when().get("/runs/" + id)
                .then().statusCode(200).body("supplierCode", equalTo(supplier));
        given().auth().oauth2(TestTokens.viewer()).queryParam("supplier", supplier).when().get("/runs")
                .then().statusCode(200)
                .body("id", hasItem(id))
                .body("supplierCode", everyItem(equalTo(supplier)));
    }

    @Test
    void theDashboardCountsEveryRunNotAPageOfTheNewest() throws Exception {
        String weekly = "W" + UUID.randomUUID().toString().substring(0, 6);
        String busy = "B" + UUID.randomUUID().toString().substring(0, 6);
        long lastOfWeekly;
        try (java.sql.Connection c = jp.systemgear.ec.testing.TestApplicationDatabase.connect();
                java.sql.Statement st = c.createStatement()) {
            // A supplier that imports weekly: its last commit is older than 600 newer runs of another supplier.
            st.execute("insert into import.import_run (supplier_code, source, status, created_at, finished_at) values "
                    + "('" + weekly + "', 'upload', 'committed', now() - interval '14 days', now() - interval '14 days'), "
                    + "('" + weekly + "', 'upload', 'failed', now() - interval '2 days', now() - interval '2 days')");
            try (java.sql.ResultSet rs = st.executeQuery("insert into import.import_run (supplier_code, source, status, "
                    + "created_at, finished_at) values ('" + weekly + "', 'upload', 'committed', now() - interval '7 days', "
                    + "now() - interval '7 days') returning id")) {
                rs.next();
                lastOfWeekly = rs.getLong(1);
            }
            st.execute("insert into import.import_run (supplier_code, source, status, rows_staged, rows_error, created_at, "
                    + "finished_at) select '" + busy + "', 'trigger', case when g % 10 = 0 then 'failed' else 'committed' end, "
                    + "100, case when g % 10 = 0 then 3 else 0 end, now() - interval '1 minute', now() from generate_series(1, 600) g");
        }
        given().auth().oauth2(TestTokens.viewer()).when().get("/dashboard/last-committed").then().statusCode(200)
                .body("find { it.supplierCode == '" + weekly + "' }.id", equalTo((int) lastOfWeekly))
                .body("find { it.supplierCode == '" + busy + "' }.finishedAt", org.hamcrest.Matchers.notNullValue());
        var hourly = given().auth().oauth2(TestTokens.viewer()).queryParam("hours", 1).when().get("/dashboard/hourly")
                .then().statusCode(200).extract().jsonPath();
        java.util.List<java.util.Map<String, Object>> rows = hourly.getList("$");
        long committed = 0;
        long failed = 0;
        long errors = 0;
        for (var row : rows) {
            long runs = ((Number) row.get("runs")).longValue();
            if ("committed".equals(row.get("status"))) {
                committed += runs;
            } else if ("failed".equals(row.get("status"))) {
                failed += runs;
                errors += ((Number) row.get("rowsError")).longValue();
            }
        }
        assertTrue(committed >= 540 && failed >= 60 && errors >= 180, rows.toString());
        given().auth().oauth2(TestTokens.viewer()).queryParam("hours", 0).when().get("/dashboard/hourly")
                .then().statusCode(400).body("errors.field", hasItem("hours"));
    }

    @Test
    void exportScopeCannotTrigger() {
        String token = TestTokens.token("mall-connector", Set.of(Roles.SCOPE_EXPORT_READ));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"supplierCode\":\"0012\"}")
                .when().post("/runs")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void limitOutOfRangeIsNamed() {
        given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 0).when().get("/runs")
                .then().statusCode(400)
                .body("code", equalTo("VALIDATION_ERROR"))
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void unknownStatusFilterIsRejected() {
        given().auth().oauth2(TestTokens.viewer()).queryParam("status", "exploded").when().get("/runs")
                .then().statusCode(404);
    }
}
