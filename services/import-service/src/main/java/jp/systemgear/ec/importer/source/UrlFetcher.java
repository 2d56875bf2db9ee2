package jp.systemgear.ec.importer.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;

import jp.systemgear.ec.importer.client.SupplierDocument;
import jp.systemgear.ec.importer.config.ImportConfig;

/**
 * Downloads a URL supplier's file with {@link HttpClient}: HTTP(S) only, streamed to a temporary file in
 * UPLOAD_DIR (so UploadService moves it into its store), at most the upload size limit
 * (IMPORT_MAX_UPLOAD_SIZE), within IMPORT_URL_CONNECT_TIMEOUT and IMPORT_URL_TIMEOUT for the whole
 * download. The credential header ({@code authHeaderName}, default Authorization) takes its value from the
 * secret named by {@code authSecretRef}: a file of that name in IMPORT_SECRETS_DIR, else the environment
 * variable; read at each fetch, never stored, never logged, and sent only to the configured origin
 * (redirects are followed by hand, at most 5, and lose the header when they leave it). A 200 answer's
 * ETag and Last-Modified are remembered per supplier in this replica's memory and sent back next time;
 * a 304 answer means nothing new.
 */
@ApplicationScoped
public class UrlFetcher {

    private static final Logger LOG = Logger.getLogger(UrlFetcher.class);
    private static final int MAX_REDIRECTS = 5;
    /** This service's own secrets: a supplier setting must never send them to a supplier's server. */
    private static final Set<String> OWN_SECRETS = Set.of("DB_PASSWORD", "IMPORT_CLIENT_SECRET", "REDIS_URL",
            "AUTH_INTERNAL_CLIENT_SECRET", "AUTH_ADMIN_PASSWORD", "JWT_PRIVATE_KEY_FILE", "TEST_DB_URL");

    /** A download that failed; the message is for the run's error (no secret in it). */
    public static class FetchException extends Exception {
        private static final long serialVersionUID = 1L;

        public FetchException(String message) {
            super(message);
        }

        public FetchException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The downloaded file (null when 304), its name for the run, and the validators the server gave. */
    public record Fetched(Path file, String fileName, String url, long size, boolean notModified, String etag,
            String lastModified) {
    }

    /** What the last successful download of a supplier's URL answered, and the run it became. */
    public record Validators(String url, String etag, String lastModified, long runId) {
    }

    private final ImportConfig config;
    private final long maxBytes;
    private final HttpClient client;
    private final Function<String, String> environment;
    private final Map<String, Validators> validators = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "import-url-watchdog");
        t.setDaemon(true);
        return t;
    });

    @Inject
    public UrlFetcher(ImportConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "512M") MemorySize maxBody) {
        this(config, maxBody.asLongValue(), System::getenv);
    }

    UrlFetcher(ImportConfig config, long maxBytes, Function<String, String> environment) {
        this.config = config;
        this.maxBytes = maxBytes;
        this.environment = environment;
        this.client = HttpClient.newBuilder().connectTimeout(config.sources().urlConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Optional<Validators> validators(String supplierCode) {
        return Optional.ofNullable(validators.get(supplierCode));
    }

    public void remember(String supplierCode, Validators value) {
        if (value.etag() != null || value.lastModified() != null) {
            validators.put(supplierCode, value);
        }
    }

    public void forget(String supplierCode) {
        validators.remove(supplierCode);
    }

    /**
     * Downloads the supplier's URL to {@code targetDir}. {@code conditional}: the validators to send
     * (If-None-Match, If-Modified-Since), or null. {@code alive} is called during long downloads (the
     * claim's heartbeat); false stops the download.
     */
    public Fetched fetch(SupplierDocument supplier, Path targetDir, Validators conditional,
            java.util.function.BooleanSupplier alive) throws FetchException {
        SupplierDocument.Source source = supplier.source();
        if (source == null || source.url() == null || source.url().isBlank()) {
            throw new FetchException("Supplier " + supplier.code() + " has no URL in its source settings");
        }
        URI origin = httpUri(source.url());
        String header = source.authHeaderName() == null || source.authHeaderName().isBlank() ? "Authorization"
                : source.authHeaderName();
        String secret = source.authSecretRef() == null || source.authSecretRef().isBlank() ? null
                : secret(source.authSecretRef());
        long deadline = System.nanoTime() + config.sources().urlTimeout().toNanos();
        URI uri = origin;
        for (int hop = 0;; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                    .timeout(remaining(deadline, uri))
                    .header("User-Agent", "system-gear-ec-import/1")
                    .header("Accept", "*/*");
            if (secret != null && sameOrigin(origin, uri)) {
                request.header(header, secret);
            }
            if (conditional != null && conditional.url().equals(source.url()) && hop == 0) {
                if (conditional.etag() != null) {
                    request.header("If-None-Match", conditional.etag());
                }
                if (conditional.lastModified() != null) {
                    request.header("If-Modified-Since", conditional.lastModified());
                }
            }
            HttpResponse<InputStream> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (java.net.http.HttpTimeoutException e) {
                throw new FetchException(where(uri) + " did not answer within " + (hop == 0
                        ? config.sources().urlConnectTimeout() + " (connect) / " : "") + config.sources().urlTimeout(),
                        e);
            } catch (IOException e) {
                throw new FetchException(where(uri) + " could not be reached: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException("The download of " + where(uri) + " was interrupted", e);
            }
            int status = response.statusCode();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                close(response);
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null || hop >= MAX_REDIRECTS) {
                    throw new FetchException(where(uri) + " answered " + status + (location == null
                            ? " without a Location" : " once too often (more than " + MAX_REDIRECTS + " redirects)"));
                }
                uri = httpUri(uri.resolve(location).toString());
                continue;
            }
            if (status == 304) {
                close(response);
                return new Fetched(null, null, source.url(), 0, true, conditional == null ? null : conditional.etag(),
                        conditional == null ? null : conditional.lastModified());
            }
            if (status < 200 || status > 299) {
                close(response);
                throw new FetchException(where(uri) + " answered HTTP " + status + (status == 401 || status == 403
                        ? " (check the secret named by authSecretRef and the header " + header + ")" : ""));
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                close(response);
                throw new FetchException(where(uri) + " sent " + declared + " bytes, more than the upload limit of "
                        + maxBytes + " bytes (IMPORT_MAX_UPLOAD_SIZE)");
            }
            Path file = download(response, targetDir, uri, deadline, alive);
            try {
                return new Fetched(file, fileName(uri), source.url(), Files.size(file), false,
                        response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Last-Modified").orElse(null));
            } catch (IOException e) {
                delete(file);
                throw new FetchException("The downloaded file could not be read back: " + e.getMessage(), e);
            }
        }
    }

    private Path download(HttpResponse<InputStream> response, Path targetDir, URI uri, long deadline,
            java.util.function.BooleanSupplier alive) throws FetchException {
        Path file;
        try {
            Files.createDirectories(targetDir);
            file = targetDir.resolve(UUID.randomUUID() + ".url.part");
        } catch (IOException e) {
            close(response);
            throw new FetchException("UPLOAD_DIR is not writable: " + e.getMessage(), e);
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        InputStream body = response.body();
        ScheduledFuture<?> guard = watchdog.schedule(() -> {
            timedOut.set(true);
            close(body);
        }, Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        long total = 0;
        long nextBeat = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw new FetchException(where(uri) + " sent more than the upload limit of " + maxBytes
                            + " bytes (IMPORT_MAX_UPLOAD_SIZE); the download was stopped");
                }
                out.write(buffer, 0, n);
                if (System.nanoTime() > nextBeat) {
                    nextBeat = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    if (!alive.getAsBoolean()) {
                        throw new FetchException("The run was taken over by another replica; download stopped");
                    }
                }
            }
            return file;
        } catch (FetchException e) {
            delete(file);
            throw e;
        } catch (IOException e) {
            delete(file);
            if (timedOut.get()) {
                throw new FetchException("The download of " + where(uri) + " took longer than "
                        + config.sources().urlTimeout() + " (IMPORT_URL_TIMEOUT) and was stopped", e);
            }
            throw new FetchException("The download of " + where(uri) + " broke off after " + total + " bytes: "
                    + e.getMessage(), e);
        } finally {
            guard.cancel(false);
        }
    }

    /** The secret's value: IMPORT_SECRETS_DIR/&lt;ref&gt; if that file exists, else the environment variable. */
    String secret(String ref) throws FetchException {
        if (!ref.matches("[A-Za-z_][A-Za-z0-9_.-]{0,99}") || OWN_SECRETS.contains(ref.toUpperCase(Locale.ROOT))) {
            throw new FetchException("authSecretRef '" + ref + "' is not a secret import-service may send to a "
                    + "supplier; name a secret of the supplier's own");
        }
        if (config.sources().secretsDir().isPresent()) {
            Path file = Path.of(config.sources().secretsDir().get()).resolve(ref);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readString(file, StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    throw new FetchException("The secret " + ref + " in IMPORT_SECRETS_DIR cannot be read", e);
                }
            }
        }
        String value = environment.apply(ref);
        if (value == null || value.isBlank()) {
            throw new FetchException("The secret named by authSecretRef (" + ref + ") is not set: neither a file in "
                    + "IMPORT_SECRETS_DIR nor an environment variable of that name");
        }
        return value.strip();
    }

    static URI httpUri(String url) throws FetchException {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new FetchException("Only http and https URLs are fetched, not '" + redact(url) + "'");
            }
            if (uri.getUserInfo() != null) {
                throw new FetchException("The URL carries credentials; name a secret in authSecretRef instead");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new FetchException("Not a valid URL: " + redact(url), e);
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The URL without its query (which may carry tokens) for messages. */
    static String where(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() || last.equals(".") || last.equals("..") ? "download" : last;
    }

    private Duration remaining(long deadline, URI uri) throws FetchException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new FetchException("The download of " + where(uri) + " took longer than "
                    + config.sources().urlTimeout() + " (IMPORT_URL_TIMEOUT)");
        }
        return Duration.ofNanos(left);
    }

    private static void close(HttpResponse<InputStream> response) {
        close(response.body());
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Nothing to do.
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("Could not delete %s", file);
        }
    }

    @PreDestroy
    void stop() {
        watchdog.shutdownNow();
    }
}
