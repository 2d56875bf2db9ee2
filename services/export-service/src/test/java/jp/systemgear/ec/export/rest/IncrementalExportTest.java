package jp.systemgear.ec.export.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestTokens;

/**
 * The incremental cursor against catalog's real views (V4's change tracking) while several writers
 * commit to catalog.stock directly, in transactions held open for random times so they commit out
 * of order: every change is returned exactly once, removals included.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(CatalogSchemaFixture.WorkProfile.class)
class IncrementalExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PRODUCTS = 150;

    @BeforeAll
    static synchronized void seed() throws Exception {
        CatalogSchemaFixture.migrate();
        CatalogSchemaFixture.execute(
                "insert into catalog.supplier (code, name) values ('INC1', '差分卸1'), ('INC2', '差分卸2'), ('INC3', '差分卸3') "
                        + "on conflict do nothing",
                "insert into catalog.product (sku, name) select 'INC-' || lpad(g::text, 4, '0'), '差分商品' || g "
                        + "from generate_series(1, " + PRODUCTS + ") g on conflict do nothing",
                "insert into catalog.stock (product_id, supplier_id, quantity, unit_cost, run_id, import_date) "
                        + "select p.id, s.id, 1, 100, 1, date '2026-11-01' from catalog.product p, catalog.supplier s "
                        + "where p.sku like 'INC-%' and s.code in ('INC1', 'INC2') on conflict do nothing");
    }

    /** One change a writer committed, as the incremental answer must show it. */
    private record Change(String sku, String supplier, Integer quantity, boolean removed) implements Comparable<Change> {
        @Override
        public int compareTo(Change o) {
            return toString().compareTo(o.toString());
        }
    }

    @Test
    void everyChangeCommittedByConcurrentWritersIsReturnedExactlyOnce() throws Exception {
        Response first = ndjson("level=supplier&supplier=INC1,INC2,INC3", null);
        first.then().statusCode(200);
        String cursor = first.header("X-Export-Cursor");
        assertNotNull(cursor);
        assertEquals(2 * PRODUCTS, lines(first).size());

        // Each stock row is changed at most once (updated, removed) and INC3 rows are inserted once, so the
        // union of the incremental answers must be exactly the committed changes: nothing lost, nothing twice.
        List<String[]> rows = new ArrayList<>();
        for (int p = 1; p <= PRODUCTS; p++) {
            rows.add(new String[] { "INC-%04d".formatted(p), "INC1" });
            rows.add(new String[] { "INC-%04d".formatted(p), "INC2" });
            rows.add(new String[] { "INC-%04d".formatted(p), "INC3" });
        }
        Collections.shuffle(rows, new Random(42));
        ConcurrentLinkedQueue<String[]> work = new ConcurrentLinkedQueue<>(rows);
        ConcurrentLinkedQueue<Change> committed = new ConcurrentLinkedQueue<>();
        AtomicInteger values = new AtomicInteger(1000);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int seed = w;
            done.add(writers.submit(() -> {
                write(work, committed, values, new Random(seed));
                return null;
            }));
        }
        List<Change> seen = new ArrayList<>();
        int calls = 0;
        while (!done.stream().allMatch(Future::isDone)) {
            cursor = poll(cursor, seen);
            calls++;
        }
        for (Future<?> f : done) {
            f.get(); // a writer's failure fails the test
        }
        writers.shutdown();
        assertTrue(writers.awaitTermination(10, TimeUnit.SECONDS));
        cursor = poll(cursor, seen);
        List<Change> afterEverything = new ArrayList<>();
        poll(cursor, afterEverything);
        assertEquals(List.of(), afterEverything, "nothing new after the last change was seen");

        List<Change> expected = new ArrayList<>(committed);
        Collections.sort(expected);
        Collections.sort(seen);
        assertEquals(expected.size(), seen.size(), "as many rows returned as changes committed (" + calls + " calls)");
        assertEquals(expected, seen);
        assertTrue(calls >= 2, "the changes were read in several incremental calls while writers ran: " + calls);
    }

    /** Transactions of 1-4 changes each, held open 0-30 ms before committing, so commits interleave. */
    private static void write(ConcurrentLinkedQueue<String[]> work, ConcurrentLinkedQueue<Change> committed,
            AtomicInteger values, Random random) throws Exception {
        try (Connection c = CatalogSchemaFixture.connect()) {
            c.setAutoCommit(false);
            while (!work.isEmpty()) {
                List<Change> tx = new ArrayList<>();
                int size = 1 + random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    String[] row = work.poll();
                    if (row == null) {
                        break;
                    }
                    tx.add(change(c, row[0], row[1], values.incrementAndGet(), random));
                }
                Thread.sleep(random.nextInt(30));
                c.commit();
                committed.addAll(tx);
            }
        }
    }

    private static Change change(Connection c, String sku, String supplier, int value, Random random) throws Exception {
        String sql;
        boolean removed = false;
        if (supplier.equals("INC3")) {
            sql = "insert into catalog.stock (product_id, supplier_id, quantity, unit_cost, run_id, import_date) "
                    + "select p.id, s.id, ?, 100, 2, date '2026-11-02' from catalog.product p, catalog.supplier s "
                    + "where p.sku = ? and s.code = ?";
        } else if (random.nextInt(10) == 0) {
            removed = true;
            sql = "delete from catalog.stock where ? > 0 and product_id = (select id from catalog.product where sku = ?) "
                    + "and supplier_id = (select id from catalog.supplier where code = ?)";
        } else {
            sql = "update catalog.stock set quantity = ?, updated_at = now() "
                    + "where product_id = (select id from catalog.product where sku = ?) "
                    + "and supplier_id = (select id from catalog.supplier where code = ?)";
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, value);
            ps.setString(2, sku);
            ps.setString(3, supplier);
            assertEquals(1, ps.executeUpdate(), sql);
        }
        return new Change(sku, supplier, removed ? null : value, removed);
    }

    private static String poll(String cursor, List<Change> seen) throws Exception {
        Response r = ndjson("supplier=INC1,INC2,INC3", cursor);
        r.then().statusCode(200);
        for (String line : lines(r)) {
            JsonNode row = JSON.readTree(line);
            boolean removed = row.get("removed").asBoolean();
            seen.add(new Change(row.get("sku").asText(), row.get("supplierCode").asText(),
                    removed ? null : row.get("quantity").asInt(), removed));
        }
        String next = r.header("X-Export-Cursor");
        assertNotNull(next);
        return next;
    }

    @Test
    void productLevelReportsProductsWhoseStockProductOrSupplierChangedAndRemovedProducts() throws Exception {
        CatalogSchemaFixture.execute(
                "insert into catalog.supplier (code, name) values ('PLV1', '集計卸') on conflict do nothing",
                "insert into catalog.product (sku, name) values ('PLV-1', '集計1'), ('PLV-2', '集計2'), ('PLV-3', '集計3'), "
                        + "('PLV-4', '在庫なし') on conflict do nothing",
                "insert into catalog.stock (product_id, supplier_id, quantity, unit_cost, run_id, import_date) "
                        + "select p.id, s.id, 5, 100, 1, date '2026-11-01' from catalog.product p, catalog.supplier s "
                        + "where p.sku in ('PLV-1', 'PLV-2', 'PLV-3') and s.code = 'PLV1' on conflict do nothing");
        String skus = "sku=PLV-1,PLV-2,PLV-3,PLV-4";
        String cursor = ndjson(skus, null).header("X-Export-Cursor");
        assertEquals(List.of(), skusOf(ndjson(skus, cursor)), "nothing changed yet");

        CatalogSchemaFixture.execute(
                "update catalog.stock set quantity = 9 where product_id = (select id from catalog.product where sku = 'PLV-1')",
                "update catalog.product set name = '集計2 改' where sku = 'PLV-2'",
                "delete from catalog.product where sku = 'PLV-4'");
        Response changed = ndjson(skus, cursor);
        List<String> lines = lines(changed);
        assertEquals(List.of("PLV-1", "PLV-2", "PLV-4"), skusOf(changed));
        assertEquals(9, JSON.readTree(lines.get(0)).get("quantity").asInt());
        assertEquals("集計2 改", JSON.readTree(lines.get(1)).get("productName").asText());
        assertTrue(JSON.readTree(lines.get(2)).get("removed").asBoolean(), lines.get(2));
        cursor = changed.header("X-Export-Cursor");

        // Switching the supplier off changes what all its products can sell.
        CatalogSchemaFixture.execute("update catalog.supplier set active = false where code = 'PLV1'");
        Response off = ndjson(skus, cursor);
        assertEquals(List.of("PLV-1", "PLV-2", "PLV-3"), skusOf(off));
        assertEquals(0, JSON.readTree(lines(off).get(0)).get("quantity").asInt());
        // An update that changes nothing the views show is not a change.
        CatalogSchemaFixture.execute("update catalog.supplier set name = '集計卸 (改名)' where code = 'PLV1'");
        assertEquals(List.of(), skusOf(ndjson(skus, off.header("X-Export-Cursor"))));
    }

    /** Not base64; a bad scope and snapshot; an unknown level. */
    @ParameterizedTest
    @ValueSource(strings = { "not-a-token", "djF8UFJPRFVDVHx4fDE6Mjo", "djF8V0FSRUhPVVNFfDAxMjM0NTY3ODlhYmNkZWZ8MToyOg" })
    void malformedCursorIsAValidationError(String token) {
        given().auth().oauth2(TestTokens.viewer()).queryParam("cursor", token).when().get("/stock")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_ERROR")).body("errors.field", hasItem("cursor"));
    }

    @Test
    void cursorMustBeUsedWithItsOwnScope() {
        String productCursor = ndjson("sku=INC-0001", null).header("X-Export-Cursor");
        given().auth().oauth2(TestTokens.viewer()).when().get("/stock?level=supplier&cursor=" + productCursor)
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().auth().oauth2(TestTokens.viewer()).when().get("/stock?sku=INC-0002&cursor=" + productCursor)
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().auth().oauth2(TestTokens.viewer()).when().get("/stock?sku=INC-0001&inStock=true&cursor=" + productCursor)
                .then().statusCode(400).body("errors.field", hasItem("inStock"));
        given().auth().oauth2(TestTokens.viewer()).when().get("/stock?sku=INC-0001&cursor=" + productCursor)
                .then().statusCode(200);
    }

    @Test
    void aCursorOlderThanThePrunedRemovalsIsRefusedAndAFullExportStartsAgain() throws Exception {
        String query = "level=supplier&supplier=INC3";
        Response full = ndjson(query, null);
        full.then().statusCode(200);
        String old = full.header("X-Export-Cursor");
        String etag = full.header("ETag");
        try {
            // Catalog pruned a tombstone written after that export (the update's own transaction stands in).
            CatalogSchemaFixture.execute("update catalog.removed_row_horizon set pruned_through = pg_current_xact_id(), "
                    + "pruned_at = now()");
            ndjson(query, old).then().statusCode(410).body("code", equalTo("CURSOR_EXPIRED"))
                    .body("detail", containsString("full export"));
            // A copy from before it is not confirmed as current either: the data comes again.
            given().auth().oauth2(TestTokens.viewer()).header("If-None-Match", etag)
                    .when().get("/stock?format=ndjson&" + query).then().statusCode(200);
            Response again = ndjson(query, null);
            again.then().statusCode(200);
            ndjson(query, again.header("X-Export-Cursor")).then().statusCode(200);
        } finally {
            CatalogSchemaFixture.execute("update catalog.removed_row_horizon set pruned_through = '0', pruned_at = null");
        }
    }

    private static Response ndjson(String query, String cursor) {
        return given().auth().oauth2(TestTokens.viewer())
                .when().get("/stock?format=ndjson&" + query + (cursor == null ? "" : "&cursor=" + cursor));
    }

    private static List<String> lines(Response r) {
        return new String(r.asByteArray(), StandardCharsets.UTF_8).lines().toList();
    }

    private static List<String> skusOf(Response r) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : lines(r)) {
            out.add(JSON.readTree(line).get("sku").asText());
        }
        return out;
    }
}
