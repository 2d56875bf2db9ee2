package jp.systemgear.ec.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web image's nginx.conf, run by the machine's nginx with the image's paths moved into a temp
 * folder and its port onto a free loopback port: probes, SPA fallback, asset 404s and cache headers.
 * (No container engine builds the image itself.)
 */
class WebImageConfigTest {

    @TempDir
    Path dir;

    @Test
    void servesTheSpaWithHealthzFallbackAndImmutableAssets() throws Exception {
        Path nginx = Processes.which("nginx");
        if (nginx == null && Files.isExecutable(Path.of("/usr/sbin/nginx"))) {
            nginx = Path.of("/usr/sbin/nginx");
        }
        assertNotNull(nginx, "nginx is required (./platform installs it: apt-get install -y nginx)");
        Path html = Files.createDirectories(dir.resolve("html/assets"));
        Files.writeString(dir.resolve("html/index.html"), "<!doctype html><title>System Gear EC</title>");
        Files.writeString(html.resolve("app-3f2a.js"), "console.log('ok')");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        // nginx's workers drop root (as the image's uid 101 has none): they must be able to read the files.
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.toList()) {
                Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxrwxrwx" : "rw-r--r--"));
            }
        }
        int port = MetricsExistTest.freePort();
        String conf = Files.readString(Repo.ROOT.resolve("web/nginx.conf"))
                // /tmp/ first: the temp folder itself lives under /tmp.
                .replace("/tmp/", tmp + "/")
                .replace("/usr/share/nginx/html", dir.resolve("html").toString())
                .replace("listen 8080;", "listen 127.0.0.1:" + port + ";");
        Path confFile = dir.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        var check = Processes.run(dir, Map.of(), 30, List.of(nginx.toString(), "-t", "-c", confFile.toString(), "-e", "stderr"));
        assertEquals(0, check.exitCode(), check.output());

        Process server = new ProcessBuilder(nginx.toString(), "-c", confFile.toString(), "-e", "stderr", "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        try {
            var http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> health = null;
            for (int i = 0; i < 50; i++) {
                try {
                    health = http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    break;
                } catch (IOException e) {
                    Thread.sleep(100);
                }
            }
            assertNotNull(health, "nginx did not start: " + Files.readString(dir.resolve("nginx.out")));
            assertEquals(200, health.statusCode());
            var route = get(http, base + "/suppliers/0012/rules");
            assertEquals(200, route.statusCode());
            assertTrue(route.body().contains("System Gear EC"), "client routes get index.html");
            assertEquals("nosniff", route.headers().firstValue("X-Content-Type-Options").orElse(""));
            var asset = get(http, base + "/assets/app-3f2a.js");
            assertEquals(200, asset.statusCode());
            assertEquals(List.of("public, max-age=31536000, immutable"), asset.headers().allValues("Cache-Control"));
            assertTrue(asset.headers().firstValue("Content-Type").orElse("").startsWith("application/javascript"));
            assertEquals(404, get(http, base + "/assets/missing.js").statusCode());
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
