package jp.systemgear.ec.export.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.export.domain.ChannelTemplate;
import jp.systemgear.ec.export.domain.ExportCursor;
import jp.systemgear.ec.export.domain.ExportFormat;
import jp.systemgear.ec.export.domain.ExportLevel;
import jp.systemgear.ec.export.domain.ExportRequest;
import jp.systemgear.ec.export.domain.OutputColumn;
import jp.systemgear.ec.export.repository.StockExportRepository;
import jp.systemgear.ec.export.repository.StockExportRepository.ExportSession;

/** Validates stock export requests and streams them; blocking, so callers run it on a worker thread. */
@ApplicationScoped
public class StockExportService {

    private static final Logger LOG = Logger.getLogger(StockExportService.class);
    public static final Charset WINDOWS_31J = Charset.forName("Windows-31J");
    /** An SKU list is sent as a query string: bounded so one request cannot build a giant array. */
    static final int MAX_FILTER_VALUES = 1000;

    /** What a finished export wrote. */
    public record Result(long rows, long bytes, long substitutions) {
    }

    /** The raw query parameters of a stock export (strings as sent; validated by {@link #request}). */
    public record Params(String level, String format, ExportFormat acceptFormat, String encoding, String header,
            List<String> suppliers, List<String> skus, String inStock, String changedSince, String cursor) {
    }

    private final StockExportRepository repository;
    private final MeterRegistry metrics;

    public StockExportService(StockExportRepository repository, MeterRegistry metrics) {
        this.repository = repository;
        this.metrics = metrics;
    }

    /** Opens the export's transaction and snapshot (see {@link StockExportRepository#open}). */
    public ExportSession open() throws SQLException {
        return repository.open();
    }

    /** A channel template by code, read on this (worker) thread; 404 when there is none. */
    public ChannelTemplate template(String code) throws SQLException {
        return repository.template(code).orElseThrow(() -> ApiException.notFound("Channel template", code));
    }

    /**
     * Turns raw query parameters into a request or a 400 naming the parameter. {@code acceptFormat}
     * is the format negotiated from Accept, used when {@code format} is absent. With a template, the
     * template decides level, format, encoding, header and columns.
     */
    public ExportRequest request(Params p, ChannelTemplate template) {
        ExportCursor since = p.cursor() == null || p.cursor().isBlank() ? null : ExportCursor.parse(p.cursor(), "cursor");
        ExportLevel lvl = ExportLevel.PRODUCT;
        if (template != null) {
            for (String[] given : new String[][] { { "level", p.level() }, { "format", p.format() },
                    { "encoding", p.encoding() }, { "header", p.header() } }) {
                if (given[1] != null && !given[1].isBlank()) {
                    throw ApiException.validation(given[0], "set by the template '" + template.code + "'");
                }
            }
            lvl = TemplateLayouts.level(template.layout);
        } else if (p.level() != null && !p.level().isBlank()) {
            lvl = switch (p.level().trim().toLowerCase(Locale.ROOT)) {
                case "product" -> ExportLevel.PRODUCT;
                case "supplier" -> ExportLevel.SUPPLIER;
                default -> throw ApiException.validation("level", "must be product or supplier");
            };
        } else if (since != null) {
            lvl = since.level();
        }
        ExportFormat fmt = p.acceptFormat() == null ? ExportFormat.CSV : p.acceptFormat();
        String format = template != null ? template.format : p.format();
        if (format != null && !format.isBlank()) {
            fmt = ExportFormat.byName(format)
                    .orElseThrow(() -> ApiException.validation("format", "must be csv, tsv, json or ndjson"));
        }
        Charset charset = charset(template != null ? template.encoding : p.encoding());
        if (!fmt.delimited && charset != StandardCharsets.UTF_8) {
            throw ApiException.validation("encoding", "JSON and NDJSON are always UTF-8");
        }
        List<String> supplierList = values(p.suppliers(), "supplier");
        if (!supplierList.isEmpty() && lvl != ExportLevel.SUPPLIER) {
            throw ApiException.validation("supplier", "filtering by supplier needs level=supplier");
        }
        OffsetDateTime changedSince = null;
        if (p.changedSince() != null && !p.changedSince().isBlank()) {
            try {
                changedSince = OffsetDateTime.parse(p.changedSince().trim());
            } catch (DateTimeParseException e) {
                throw ApiException.validation("changedSince", "must be an ISO-8601 timestamp with offset, e.g. 2026-11-28T09:00:00+09:00");
            }
        }
        boolean header = template != null ? template.includeHeader : bool(p.header(), "header", true);
        boolean inStock = bool(p.inStock(), "inStock", false);
        List<String> skuList = values(p.skus(), "sku");
        String scope = scope(lvl, supplierList, skuList);
        if (since != null) {
            if (since.level() != lvl) {
                throw ApiException.validation("cursor", "the cursor belongs to level=" + since.level().name().toLowerCase(Locale.ROOT));
            }
            if (!since.scope().equals(scope)) {
                throw ApiException.validation("cursor", "the cursor belongs to other supplier/sku filters; use the same filters");
            }
            // An incremental answer must report a row whose quantity fell to 0 or that changed before the
            // timestamp: these filters would hide exactly those changes.
            if (inStock) {
                throw ApiException.validation("inStock", "cannot be combined with cursor (changes to 0 would be hidden)");
            }
            if (changedSince != null) {
                throw ApiException.validation("changedSince", "cannot be combined with cursor");
            }
            if (template != null) {
                throw ApiException.validation("cursor", "incremental exports use the standard columns, not a template");
            }
        }
        List<OutputColumn> columns = template != null ? TemplateLayouts.columns(template.layout)
                : TemplateLayouts.standard(lvl, since != null);
        String variant = hash(String.join("|", lvl.name(), fmt.name(), charset.name(), String.valueOf(header),
                String.join(",", supplierList), String.join(",", skuList), String.valueOf(inStock),
                String.valueOf(changedSince), since == null ? "" : since.token(),
                template == null ? "" : template.code + "@" + template.updatedAt));
        return new ExportRequest(lvl, fmt, charset, header, supplierList, skuList, inStock, changedSince, since,
                columns, template == null ? null : template.code, variant);
    }

    /** The cursor for the next incremental call after an export read in {@code snapshot}. */
    public ExportCursor cursorAfter(ExportRequest request, String snapshot) {
        return new ExportCursor(request.level(), scope(request.level(), request.suppliers(), request.skus()), snapshot);
    }

    /** A strong ETag: the request's variant and the snapshot the body was read in. */
    public String etag(ExportRequest request, String snapshot) {
        return "\"" + request.variant() + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(snapshot.getBytes(StandardCharsets.US_ASCII)) + "\"";
    }

    /**
     * The snapshot of an {@code If-None-Match} entity tag that this API issued for the same variant;
     * empty for anything else (other variants, foreign or malformed tags: the answer is then a 200).
     */
    public Optional<String> snapshotOf(ExportRequest request, String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return Optional.empty();
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.length() < 2 || !t.startsWith("\"") || !t.endsWith("\"")) {
                continue;
            }
            t = t.substring(1, t.length() - 1);
            int dot = t.indexOf('.');
            if (dot < 0 || !t.substring(0, dot).equals(request.variant())) {
                continue;
            }
            try {
                String snapshot = new String(java.util.Base64.getUrlDecoder().decode(t.substring(dot + 1)),
                        StandardCharsets.US_ASCII);
                if (snapshot.matches("\\d{1,20}:\\d{1,20}:(\\d{1,20}(,\\d{1,20})*)?")) {
                    return Optional.of(snapshot);
                }
            } catch (IllegalArgumentException e) {
                // Not ours: ignore the tag.
            }
        }
        return Optional.empty();
    }

    private static Charset charset(String encoding) {
        if (encoding == null || encoding.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        return switch (encoding.trim().toLowerCase(Locale.ROOT)) {
            case "utf-8", "utf8" -> StandardCharsets.UTF_8;
            // Files called Shift_JIS in Japan are really Windows-31J (NEC/IBM extensions, ～ as U+FF5E).
            case "windows-31j", "shift_jis", "sjis", "cp932", "ms932" -> WINDOWS_31J;
            default -> throw ApiException.validation("encoding", "must be UTF-8 or Windows-31J");
        };
    }

    private static String scope(ExportLevel level, List<String> suppliers, List<String> skus) {
        return hash(level.name() + "|" + suppliers.stream().sorted().toList() + "|" + skus.stream().sorted().toList());
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
     * Streams an HTTP export and closes the session. A client that disconnects surfaces as an
     * IOException from a write: the session then closes the cursor and ends the transaction, and we
     * log it as the client's decision rather than an error.
     */
    public void stream(ExportRequest request, ExportSession session, String client, OutputStream out) throws SQLException {
        try (session) {
            export(request, session, client, out);
        } catch (IOException e) {
            LOG.infof("Export to %s stopped: the client went away (%s)", client, e.getMessage());
            metrics.counter("export.aborted", "format", format(request)).increment();
        }
    }

    /**
     * Writes the export to {@code out} from the session's snapshot and records the metrics (rows and
     * bytes by format and client, duration by format). The caller closes the session.
     */
    public Result export(ExportRequest request, ExportSession session, String client, OutputStream out)
            throws IOException, SQLException {
        long started = System.nanoTime();
        CountingOutputStream counted = new CountingOutputStream(out);
        StockExportWriter writer = StockExportWriter.of(request, counted);
        writer.begin();
        long rows = session.stream(request, writer);
        writer.end();
        String format = format(request);
        metrics.counter("export.rows", "format", format, "client", client).increment(rows);
        metrics.counter("export.bytes", "format", format, "client", client).increment(counted.count());
        long nanos = System.nanoTime() - started;
        metrics.timer("export.duration", "format", format).record(nanos, TimeUnit.NANOSECONDS);
        if (writer.substitutions() > 0) {
            metrics.counter("export.substituted.characters", "format", format).increment(writer.substitutions());
        }
        LOG.infof("Exported %d %s rows%s as %s/%s (%d bytes) to %s in %d ms; %d characters outside %s replaced by U+3013",
                rows, request.level().name().toLowerCase(Locale.ROOT),
                request.templateCode() == null ? "" : " with template " + request.templateCode(), format,
                request.charset().name(), counted.count(), client, nanos / 1_000_000, writer.substitutions(),
                request.charset().name());
        return new Result(rows, counted.count(), writer.substitutions());
    }

    /**
     * The first {@code limit} rows of a template's export, each cell as its file would show it
     * (delimited formats: neutralised and with 〓 for characters the charset lacks).
     */
    public TemplatePreviewRows preview(ChannelTemplate template, List<String> skus, int limit) throws SQLException, IOException {
        ExportRequest request = request(new Params(null, null, null, null, null, null, skus, null, null, null), template);
        CharsetEncoder checker = CellText.checkerFor(request.charset());
        long[] substitutions = new long[1];
        List<List<String>> rows = new ArrayList<>();
        try (ExportSession session = open()) {
            session.stream(request, rs -> {
                List<String> row = new ArrayList<>(request.columns().size());
                for (OutputColumn column : request.columns()) {
                    String v = StockExportWriter.cell(column, rs);
                    if (v != null && column.kind() == ExportLevel.Kind.TEXT && request.format().delimited) {
                        v = CellText.encodable(CellText.neutralise(v), checker, substitutions);
                    }
                    row.add(v);
                }
                rows.add(row);
            }, limit);
        }
        return new TemplatePreviewRows(request, request.columns().stream().map(OutputColumn::label).toList(), rows);
    }

    /** A preview's request (format, encoding, header), labels and rows. */
    public record TemplatePreviewRows(ExportRequest request, List<String> headers, List<List<String>> rows) {
    }

    private static String format(ExportRequest request) {
        return request.format().name().toLowerCase(Locale.ROOT);
    }
}
