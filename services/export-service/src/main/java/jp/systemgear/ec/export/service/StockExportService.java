package jp.systemgear.ec.export.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.export.domain.ExportFormat;
import jp.systemgear.ec.export.domain.ExportLevel;
import jp.systemgear.ec.export.domain.ExportRequest;
import jp.systemgear.ec.export.repository.StockExportRepository;

/** Validates stock export requests and streams them; blocking, so callers run it on a worker thread. */
@ApplicationScoped
public class StockExportService {

    private static final Logger LOG = Logger.getLogger(StockExportService.class);
    public static final Charset WINDOWS_31J = Charset.forName("Windows-31J");
    /** An SKU list is sent as a query string: bounded so one request cannot build a giant array. */
    static final int MAX_FILTER_VALUES = 1000;

    private final StockExportRepository repository;
    private final MeterRegistry metrics;

    public StockExportService(StockExportRepository repository, MeterRegistry metrics) {
        this.repository = repository;
        this.metrics = metrics;
    }

    /**
     * Turns raw query parameters into a request or a 400 naming the parameter. {@code acceptFormat}
     * is the format negotiated from Accept, used when {@code format} is absent.
     */
    public ExportRequest request(String level, String format, ExportFormat acceptFormat, String encoding,
            String header, List<String> suppliers, List<String> skus, String inStock, String changedSince) {
        ExportLevel lvl = ExportLevel.PRODUCT;
        if (level != null && !level.isBlank()) {
            lvl = switch (level.trim().toLowerCase(Locale.ROOT)) {
                case "product" -> ExportLevel.PRODUCT;
                case "supplier" -> ExportLevel.SUPPLIER;
                default -> throw ApiException.validation("level", "must be product or supplier");
            };
        }
        ExportFormat fmt = acceptFormat == null ? ExportFormat.CSV : acceptFormat;
        if (format != null && !format.isBlank()) {
            fmt = ExportFormat.byName(format)
                    .orElseThrow(() -> ApiException.validation("format", "must be csv, tsv, json or ndjson"));
        }
        Charset charset = StandardCharsets.UTF_8;
        if (encoding != null && !encoding.isBlank()) {
            charset = switch (encoding.trim().toLowerCase(Locale.ROOT)) {
                case "utf-8", "utf8" -> StandardCharsets.UTF_8;
                // Files called Shift_JIS in Japan are really Windows-31J (NEC/IBM extensions, ～ as U+FF5E).
                case "windows-31j", "shift_jis", "sjis", "cp932", "ms932" -> WINDOWS_31J;
                default -> throw ApiException.validation("encoding", "must be UTF-8 or Windows-31J");
            };
        }
        if (!fmt.delimited && charset != StandardCharsets.UTF_8) {
            throw ApiException.validation("encoding", "JSON and NDJSON are always UTF-8");
        }
        List<String> supplierList = values(suppliers, "supplier");
        if (!supplierList.isEmpty() && lvl != ExportLevel.SUPPLIER) {
            throw ApiException.validation("supplier", "filtering by supplier needs level=supplier");
        }
        OffsetDateTime since = null;
        if (changedSince != null && !changedSince.isBlank()) {
            try {
                since = OffsetDateTime.parse(changedSince.trim());
            } catch (DateTimeParseException e) {
                throw ApiException.validation("changedSince", "must be an ISO-8601 timestamp with offset, e.g. 2026-11-28T09:00:00+09:00");
            }
        }
        return new ExportRequest(lvl, fmt, charset, bool(header, "header", true), supplierList, values(skus, "sku"),
                bool(inStock, "inStock", false), since);
    }

    /** Repeated parameters and comma-separated lists both work: {@code sku=A&sku=B} or {@code sku=A,B}. */
    private static List<String> values(List<String> raw, String field) {
        List<String> out = new ArrayList<>();
        if (raw != null) {
            for (String value : raw) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        if (out.size() > MAX_FILTER_VALUES) {
            throw ApiException.validation(field, "at most " + MAX_FILTER_VALUES + " values");
        }
        return out;
    }

    private static boolean bool(String raw, String field, boolean absent) {
        if (raw == null || raw.isBlank()) {
            return absent;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw ApiException.validation(field, "must be true or false");
        };
    }

    /**
     * Writes the export to {@code out}. A client that disconnects surfaces as an IOException from a
     * write: the repository then closes the cursor and ends the transaction, and we log it as the
     * client's decision rather than an error.
     */
    public void write(ExportRequest request, String client, OutputStream out) throws IOException, SQLException {
        long started = System.nanoTime();
        StockExportWriter writer = StockExportWriter.of(request, out);
        String format = request.format().name().toLowerCase(Locale.ROOT);
        long rows;
        try {
            writer.begin();
            rows = repository.stream(request, writer);
            writer.end();
        } catch (IOException e) {
            LOG.infof("Export to %s stopped: the client went away (%s)", client, e.getMessage());
            metrics.counter("export.aborted", "format", format).increment();
            return;
        }
        metrics.counter("export.rows", "format", format, "client", client).increment(rows);
        long nanos = System.nanoTime() - started;
        metrics.timer("export.duration", "format", format).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (writer.substitutions() > 0) {
            metrics.counter("export.substituted.characters", "format", format).increment(writer.substitutions());
        }
        LOG.infof("Exported %d %s rows as %s/%s to %s in %d ms; %d characters outside %s replaced by U+3013",
                rows, request.level().name().toLowerCase(Locale.ROOT), format, request.charset().name(), client,
                nanos / 1_000_000, writer.substitutions(), request.charset().name());
    }
}
