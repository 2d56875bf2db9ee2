package jp.systemgear.ec.export.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestTokens;

/**
 * 200,000 products (400,000 stock rows): the export completes within the test JVM's heap and is
 * streamed, which is shown without timing: the first bytes are read while the server's cursor
 * transaction is still open, and a client that hangs up releases it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(CatalogSchemaFixture.LargeProfile.class)
class LargeStockExportTest {

    private static final int PRODUCTS = 200_000;
    private static boolean seeded;

    @TestHTTPResource("/stock")
    URL stockUrl;

    @BeforeAll
    static synchronized void seed() throws Exception {
        if (seeded) {
            return;
        }
        CatalogSchemaFixture.migrate();
        CatalogSchemaFixture.execute(
                "insert into catalog.supplier (code, name) values ('L01', '大量卸A'), ('L02', '大量卸B')",
                "insert into catalog.product (sku, name) select 'L' || lpad(g::text, 7, '0'), '大量商品 ' || g "
                        + "from generate_series(1, " + PRODUCTS + ") g",
                "insert into catalog.stock (product_id, supplier_id, quantity, unit_cost, run_id, import_date) "
                        + "select p.id, s.id, p.id % 7, 100 + p.id % 50, 1, date '2026-11-28' "
                        + "from catalog.product p cross join catalog.supplier s",
                "analyze catalog.product", "analyze catalog.stock");
        seeded = true;
    }

    @Test
    void largeSupplierLevelExportCompletesAndCountsEveryRow() throws Exception {
        InputStream body = given().auth().oauth2(TestTokens.viewer())
                .when().get("/stock?level=supplier&format=csv")
                .then().statusCode(200).extract().asInputStream();
        long lines = 0;
        String last = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                last = line;
            }
        }
        assertEquals(1 + 2L * PRODUCTS, lines, "header plus every stock row");
        assertTrue(last.startsWith("L0200000,,大量商品 200000,L02,"), last);
    }

    @Test
    void firstBytesArriveWhileTheSnapshotIsOpenAndHangingUpReleasesIt() throws Exception {
        assertEquals(0, openExportTransactions(), "no export running before the test");
        try (Socket socket = new Socket(stockUrl.getHost(), stockUrl.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + stockUrl.getPath() + "?level=supplier&format=ndjson HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + TestTokens.viewer() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] first = in.readNBytes(64 * 1024);
            assertTrue(new String(first, StandardCharsets.UTF_8).startsWith("HTTP/1.1 200"));
            // The response has begun, and the cursor's transaction is still open on the server: the
            // export is streamed, not produced whole and then sent (the rest is ~60 MB, far beyond
            // the socket buffers, so the server is blocked writing, not finished).
            assertEquals(1, openExportTransactions(), "export transaction open while the client reads");
        }
        // Hung up: the write fails, the cursor is closed and the transaction ended.
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (openExportTransactions() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, openExportTransactions(), "cursor and transaction released after the client hung up");
    }

    /**
     * A change committed while the export streams is not in it. This holds for the export's single
     * query (its portal keeps the snapshot it started with); the REPEATABLE READ transaction extends
     * it to any further statement an export runs in the same transaction.
     */
    @Test
    void theExportIsOneSnapshotEvenWhenStockChangesWhileItStreams() throws Exception {
        String before;
        try (Connection c = CatalogSchemaFixture.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select quantity from catalog.stock_export_v1 "
                        + "where sku = 'L0200000' and supplier_code = 'L02'")) {
            rs.next();
            before = rs.getString(1);
        }
        HttpURLConnection http = (HttpURLConnection) new URL(stockUrl + "?level=supplier&format=csv&header=false")
                .openConnection();
        http.setRequestProperty("Authorization", "Bearer " + TestTokens.viewer());
        http.setRequestProperty("Accept-Encoding", "identity");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(http.getInputStream(), StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            assertTrue(first.startsWith("L0000001,"), first);
            assertEquals(1, openExportTransactions(), "the export's snapshot is taken and still being read");
            // An import applies while the export streams: the last row changes and commits.
            CatalogSchemaFixture.execute("update catalog.stock set quantity = quantity + 1000, updated_at = now() "
                    + "where product_id = (select id from catalog.product where sku = 'L0200000') "
                    + "and supplier_id = (select id from catalog.supplier where code = 'L02')");
            String line;
            String last = first;
            while ((line = reader.readLine()) != null) {
                last = line;
            }
            assertTrue(last.startsWith("L0200000,,大量商品 200000,L02,true," + before + ","),
                    "the export shows the stock as it was when it began: " + last);
        } finally {
            http.disconnect();
            CatalogSchemaFixture.execute("update catalog.stock set quantity = quantity - 1000 "
                    + "where product_id = (select id from catalog.product where sku = 'L0200000') "
                    + "and supplier_id = (select id from catalog.supplier where code = 'L02')");
        }
    }

    /** Sessions inside an export transaction (reading or between cursor fetches). */
    private static int openExportTransactions() throws Exception {
        try (Connection c = CatalogSchemaFixture.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where pid <> pg_backend_pid() "
                        + "and query like '%stock_export_v1%' and state in ('active', 'idle in transaction')")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
