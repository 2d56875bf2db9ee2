package jp.systemgear.ec.importer.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import jp.systemgear.ec.testing.PostgresTestResource;
import jp.systemgear.ec.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class FileResourceTest {

    static final String PROFILE = """
            {"format":"CSV","encoding":"Shift_JIS","headerRows":1,"skipRows":0,
             "columns":{"code":{"header":"商品コード"},"jan":{"header":"JAN"},"stock":{"header":"在庫"},"cost":{"header":"単価"}}}
            """;

    /** Browsers send multipart names and JSON parts in UTF-8; RestAssured must too. */
    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().auth().oauth2(token).config(io.restassured.RestAssured.config()
                .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                        .httpMultipartMode(org.apache.http.entity.mime.HttpMultipartMode.BROWSER_COMPATIBLE))
                .multiPartConfig(io.restassured.config.MultiPartConfig.multiPartConfig().defaultCharset("UTF-8")));
    }

    private static io.restassured.specification.MultiPartSpecification json(String body) {
        return new io.restassured.builder.MultiPartSpecBuilder(body).controlName("profile")
                .mimeType("application/json").charset(java.nio.charset.StandardCharsets.UTF_8).build();
    }

    private static byte[] sjisFile(String marker) {
        return ("商品コード,商品名,JAN,在庫,単価\r\n"
                + "000123,髙島屋①ｻﾝﾌﾟﾙ～,4901234567894,○,\"1,280\"\r\n"
                + "000124,限定品,4902102072618,×\r\n"
                + "000125," + marker + ",49123456,△,300\r\n").getBytes(java.nio.charset.Charset.forName("windows-31j"));
    }

    @Test
    void anUploadBecomesAReceivedRunAndTheSameFileAgainFindsIt() {
        String supplier = "S" + UUID.randomUUID().toString().substring(0, 6);
        byte[] file = sjisFile(supplier);
        int id = as(TestTokens.operator())
                .multiPart("file", "../../etc/在庫表.csv", file, "text/csv")
                .when().post("/suppliers/" + supplier + "/files")
                .then().statusCode(201)
                .body("status", equalTo("received"))
                .body("source", equalTo("upload"))
                .body("fileName", equalTo("在庫表.csv"))
                .body("fileSize", equalTo(file.length))
                .extract().path("id");
        Path stored = Path.of(ConfigProvider.getConfig().getValue("import.dirs.upload", String.class), "runs", id + ".bin");
        assertTrue(Files.exists(stored), "stored under the run's id, never the client's name: " + stored);

        as(TestTokens.operator()).multiPart("file", "copy.csv", file, "text/csv")
                .when().post("/suppliers/" + supplier + "/files")
                .then().statusCode(200)
                .header("X-Duplicate-Of", String.valueOf(id))
                .body("id", equalTo(id));
    }

    @Test
    void aBinaryRenamedToCsvIsRefusedAndLogged() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getParameters() == null ? record.getMessage()
                        : String.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("jp.systemgear.ec.importer.service.FileStore");
        logger.addHandler(capture);
        try {
            byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
            as(TestTokens.operator()).multiPart("file", "stock.csv", png, "text/csv")
                    .when().post("/suppliers/0012/files")
                    .then().statusCode(400)
                    .body("code", equalTo("FILE_UPLOAD_ERROR"));
        } finally {
            logger.removeHandler(capture);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Invalid file type") && l.contains("stock.csv")),
                () -> "log: " + lines);
    }

    @Test
    void aMissingFileIsAnUploadError() {
        as(TestTokens.operator()).multiPart("other", "x")
                .when().post("/suppliers/0012/files")
                .then().statusCode(400).body("code", equalTo("FILE_UPLOAD_ERROR"));
    }

    @Test
    void viewersCannotUpload() {
        as(TestTokens.viewer()).multiPart("file", "a.csv", sjisFile("x"), "text/csv")
                .when().post("/suppliers/0012/files")
                .then().statusCode(403);
    }

    @Test
    void previewDecodesTheFirstRowsWithTheProfile() {
        as(TestTokens.operator())
                .multiPart("file", "在庫表.csv", sjisFile("プレビュー"), "text/csv")
                .multiPart(json(PROFILE))
                .queryParam("rows", 10)
                .when().post("/preview")
                .then().statusCode(200)
                .body("profileEncoding", equalTo("Windows-31J"))
                .body("detectedEncoding", equalTo("Windows-31J"))
                .body("encodingMismatch", equalTo(false))
                .body("headers", equalTo(List.of("商品コード", "商品名", "JAN", "在庫", "単価")))
                .body("rows", hasSize(3))
                .body("rows[0].code", equalTo("000123"))
                .body("rows[0].cost", equalTo("1,280"))
                .body("rows[1].error", equalTo("ragged row: 4 fields where the header has 5"))
                .body("rows[1].line", equalTo(3))
                .body("rows[2].stock", equalTo("△"))
                .body("errors", equalTo(1));
    }

    @Test
    void previewSaysWhatTheBytesLookLikeWhenTheProfileNamesAnotherEncoding() {
        as(TestTokens.operator())
                .multiPart("file", "在庫表.csv", sjisFile("x"), "text/csv")
                .multiPart(json(PROFILE.replace("Shift_JIS", "UTF-8")))
                .when().post("/preview")
                .then().statusCode(400)
                .body("code", equalTo("FILE_UPLOAD_ERROR"))
                .body("detail", org.hamcrest.Matchers.endsWith(
                        "the file looks like Windows-31J, the profile says UTF-8"));
    }

    @Test
    void previewFlagsAMismatchThatStillReads() {
        String positional = """
                {"format":"CSV","encoding":"EUC-JP","headerRows":0,"columns":{"code":{"position":1},"stock":{"position":4}}}
                """;
        as(TestTokens.operator())
                .multiPart("file", "在庫表.csv", sjisFile("x"), "text/csv")
                .multiPart(json(positional))
                .when().post("/preview")
                .then().statusCode(200)
                .body("detectedEncoding", equalTo("Windows-31J"))
                .body("encodingMismatch", equalTo(true));
    }
}
