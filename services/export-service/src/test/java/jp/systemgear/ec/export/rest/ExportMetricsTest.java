package jp.systemgear.ec.export.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import jp.systemgear.ec.common.security.Roles;
import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestTokens;

/** Rows and bytes by format and client (the token's principal), duration by format, on /q/metrics. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(CatalogSchemaFixture.WorkProfile.class)
class ExportMetricsTest {

    @BeforeAll
    static void seed() throws Exception {
        CatalogSchemaFixture.migrate();
        CatalogSchemaFixture.execute(
                "insert into catalog.product (sku, name) values ('MET-1', '計測1'), ('MET-2', '計測2') on conflict do nothing");
    }

    @Test
    void rowsAndBytesAreCountedPerFormatAndClient() {
        String client = "mall-" + System.nanoTime();
        byte[] body = given().auth().oauth2(TestTokens.token(client, Set.of(Roles.SCOPE_EXPORT_READ)))
                .header("Accept-Encoding", "identity")
                .when().get("/stock?format=tsv&sku=MET-1,MET-2").then().statusCode(200).extract().asByteArray();
        String metrics = given().when().get("http://localhost:"
                + ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class) + "/q/metrics")
                .then().statusCode(200).extract().asString();
        assertEquals(2.0, value(metrics, "export_rows_total\\{client=\"" + client + "\",format=\"tsv\"}"));
        assertEquals(body.length, value(metrics, "export_bytes_total\\{client=\"" + client + "\",format=\"tsv\"}"),
                "bytes as written, before any gzip");
        assertTrue(value(metrics, "export_duration_seconds_count\\{format=\"tsv\"}") >= 1);
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.E+-]+)$").matcher(metrics);
        assertTrue(m.find(), series + " missing");
        return Double.parseDouble(m.group(1));
    }
}
