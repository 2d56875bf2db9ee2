package jp.systemgear.ec.catalog.service;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jp.systemgear.ec.catalog.domain.ColumnSpec;
import jp.systemgear.ec.catalog.domain.CronSchedule;
import jp.systemgear.ec.catalog.domain.FileProfile;
import jp.systemgear.ec.catalog.domain.SanityGuard;
import jp.systemgear.ec.catalog.domain.SourceSettings;
import jp.systemgear.ec.rules.ValueFormat;
import jp.systemgear.ec.common.error.FieldError;

/**
 * Validates and completes a supplier's file profile, source, schedule and guard. Rules that span
 * fields (fixed width needs byte ranges, a header name needs a header row) live here, where every
 * problem can be reported at once with its dotted field path.
 */
public final class SupplierSettings {

    public static final Set<String> FORMATS = Set.of("CSV", "TSV", "FIXED_WIDTH", "XLSX");
    public static final Set<String> ENCODINGS = Set.of("UTF-8", "UTF-8-BOM", "Windows-31J", "EUC-JP");
    public static final Set<String> FIELDS = Set.of("code", "jan", "name", "stock", "cost");
    private static final Set<String> THOUSANDS = Set.of(",", ".", " ", "'", "");
    private static final Pattern SECRET_REF = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern FOLDER = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");
    private static final Pattern CREDENTIAL_QUERY = Pattern.compile(
            "(?i)(^|&)(token|access_token|api_key|apikey|key|password|passwd|secret|sig|signature)=");
    private static final int MAX_QUANTITY = 10_000_000;

    private final List<FieldError> errors = new ArrayList<>();

    private SupplierSettings() {
    }

    /** The completed settings, or the problems of the request. */
    public record Result(FileProfile profile, SourceSettings source, String scheduleCron, SanityGuard guard,
            List<FieldError> errors) {
    }

    public static Result check(FileProfile profile, SourceSettings source, String scheduleCron, SanityGuard guard) {
        SupplierSettings s = new SupplierSettings();
        FileProfile p = s.profile(profile == null ? defaultProfile() : profile);
        SourceSettings src = s.source(source == null ? SourceSettings.upload() : source);
        String cron = scheduleCron == null || scheduleCron.isBlank() ? null : scheduleCron.strip();
        if (cron != null) {
            String problem = CronSchedule.problem(cron);
            if (problem != null) {
                s.error("scheduleCron", problem);
            }
        }
        SanityGuard g = s.guard(guard == null ? SanityGuard.defaults() : guard);
        s.errors.sort(Comparator.comparing(FieldError::field));
        return new Result(p, src, cron, g, List.copyOf(s.errors));
    }

    public static FileProfile defaultProfile() {
        return new FileProfile("CSV", "UTF-8", ",", "\"", 1, 0, Map.of(), ".", ",", null,
                ValueFormat.DEFAULT_STOCK_SYMBOLS);
    }

    /** The separators and symbol table the rule engine reads values with. */
    public static ValueFormat valueFormat(FileProfile profile) {
        FileProfile p = profile == null ? defaultProfile() : profile;
        return new ValueFormat(p.decimalSeparator(), p.thousandsSeparator(), p.stockSymbols());
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    private FileProfile profile(FileProfile p) {
        String format = p.format() == null ? "CSV" : p.format().toUpperCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            error("profile.format", "must be one of CSV, TSV, FIXED_WIDTH, XLSX");
        }
        boolean xlsx = format.equals("XLSX");
        boolean fixed = format.equals("FIXED_WIDTH");
        String encoding = p.encoding() == null ? (xlsx ? null : "UTF-8") : normaliseEncoding(p.encoding());
        if (xlsx && p.encoding() != null) {
            error("profile.encoding", "does not apply to XLSX workbooks");
        } else if (!xlsx && !ENCODINGS.contains(encoding)) {
            error("profile.encoding", "must be one of UTF-8, UTF-8-BOM, Windows-31J (Shift_JIS), EUC-JP");
        }
        String delimiter = p.delimiter();
        String quote = p.quote();
        switch (format) {
            case "CSV" -> {
                delimiter = delimiter == null ? "," : delimiter;
                quote = quote == null ? "\"" : quote;
                if (delimiter.length() != 1 || delimiter.equals("\n") || delimiter.equals("\r")) {
                    error("profile.delimiter", "must be one character (not a line break)");
                }
            }
            case "TSV" -> {
                if (delimiter != null && !delimiter.equals("\t")) {
                    error("profile.delimiter", "a TSV file is delimited by tabs; use CSV for another delimiter");
                }
                delimiter = "\t";
                quote = quote == null ? "\"" : quote;
            }
            default -> {
                if (delimiter != null) {
                    error("profile.delimiter", "does not apply to " + format);
                }
                if (quote != null) {
                    error("profile.quote", "does not apply to " + format);
                }
            }
        }
        if (quote != null && quote.length() > 1) {
            error("profile.quote", "must be one character, or empty for no quoting");
        } else if (quote != null && !quote.isEmpty() && quote.equals(delimiter)) {
            error("profile.quote", "must differ from the delimiter");
        }
        int headerRows = p.headerRows() == null ? (fixed ? 0 : 1) : p.headerRows();
        if (headerRows < 0 || headerRows > 10) {
            error("profile.headerRows", "must be between 0 and 10");
        }
        int skipRows = p.skipRows() == null ? 0 : p.skipRows();
        if (skipRows < 0 || skipRows > 1000) {
            error("profile.skipRows", "must be between 0 and 1000");
        }
        Map<String, ColumnSpec> columns = columns(p.columns(), fixed, headerRows);
        String decimal = p.decimalSeparator() == null ? "." : p.decimalSeparator();
        String thousands = p.thousandsSeparator() == null ? (decimal.equals(",") ? "." : ",") : p.thousandsSeparator();
        if (!decimal.equals(".") && !decimal.equals(",")) {
            error("profile.decimalSeparator", "must be '.' or ','");
        }
        if (!THOUSANDS.contains(thousands)) {
            error("profile.thousandsSeparator", "must be ',', '.', ' ', \"'\" or empty");
        } else if (thousands.equals(decimal)) {
            error("profile.thousandsSeparator", "must differ from the decimal separator");
        }
        if (p.sheetName() != null && !xlsx) {
            error("profile.sheetName", "applies to XLSX workbooks only");
        } else if (p.sheetName() != null && (p.sheetName().isBlank() || p.sheetName().length() > 31
                || p.sheetName().matches(".*[\\[\\]:*?/\\\\].*"))) {
            error("profile.sheetName", "must be 1-31 characters without [ ] : * ? / \\");
        }
        Map<String, Integer> symbols = p.stockSymbols() == null ? ValueFormat.DEFAULT_STOCK_SYMBOLS : p.stockSymbols();
        if (symbols.size() > 100) {
            error("profile.stockSymbols", "has more than 100 entries");
        }
        Map<String, Integer> stripped = new LinkedHashMap<>();
        symbols.forEach((symbol, value) -> {
            if (value == null || value < 0 || value > MAX_QUANTITY) {
                error("profile.stockSymbols." + symbol, "must be a quantity between 0 and " + MAX_QUANTITY);
            }
            stripped.put(symbol.strip(), value);
        });
        return new FileProfile(format, encoding, delimiter, quote, headerRows, skipRows, columns, decimal, thousands,
                p.sheetName(), stripped);
    }

    private static String normaliseEncoding(String encoding) {
        String e = encoding.strip();
        // Files labelled Shift_JIS use Microsoft's extensions (①, 髙, ～): reading them as Windows-31J is lossless.
        for (String alias : List.of("Shift_JIS", "SJIS", "MS932", "CP932", "Windows-31J")) {
            if (alias.equalsIgnoreCase(e)) {
                return "Windows-31J";
            }
        }
        for (String name : List.of("UTF-8", "UTF-8-BOM", "EUC-JP")) {
            if (name.equalsIgnoreCase(e) || name.replace("-", "").equalsIgnoreCase(e.replace("-", ""))) {
                return name;
            }
        }
        return e;
    }

    private Map<String, ColumnSpec> columns(Map<String, ColumnSpec> columns, boolean fixed, int headerRows) {
        if (columns == null || columns.isEmpty()) {
            return Map.of();
        }
        Map<String, ColumnSpec> result = new LinkedHashMap<>();
        List<Map.Entry<String, int[]>> ranges = new ArrayList<>();
        for (Map.Entry<String, ColumnSpec> entry : columns.entrySet()) {
            String field = "profile.columns." + entry.getKey();
            ColumnSpec c = entry.getValue();
            if (!FIELDS.contains(entry.getKey())) {
                error(field, "is not a known field; use code, jan, name, stock or cost");
                continue;
            }
            if (c == null) {
                error(field, "is null");
                continue;
            }
            boolean byHeader = c.header() != null;
            boolean byPosition = c.position() != null;
            boolean byBytes = c.startByte() != null || c.endByte() != null;
            int ways = (byHeader ? 1 : 0) + (byPosition ? 1 : 0) + (byBytes ? 1 : 0);
            if (ways != 1) {
                error(field, "give exactly one of header, position, or startByte and endByte");
                continue;
            }
            if (fixed && !byBytes) {
                error(field, "a fixed-width file locates fields by startByte and endByte");
                continue;
            }
            if (!fixed && byBytes) {
                error(field, "byte ranges apply to FIXED_WIDTH files only");
                continue;
            }
            if (byHeader && (c.header().isBlank() || c.header().length() > 100)) {
                error(field + ".header", "must be 1-100 characters");
            } else if (byHeader && headerRows == 0) {
                error(field + ".header", "needs a header row (profile.headerRows at least 1)");
            }
            if (byPosition && (c.position() < 1 || c.position() > 1000)) {
                error(field + ".position", "must be between 1 and 1000 (the first column is 1)");
            }
            if (byBytes) {
                if (c.startByte() == null || c.endByte() == null) {
                    error(field, "needs both startByte and endByte");
                    continue;
                }
                if (c.startByte() < 1 || c.endByte() > 10_000) {
                    error(field + ".startByte", "byte positions are between 1 and 10000 (the first byte is 1)");
                    continue;
                }
                if (c.endByte() < c.startByte()) {
                    error(field + ".endByte", "must not be before startByte");
                    continue;
                }
                for (Map.Entry<String, int[]> other : ranges) {
                    if (c.startByte() <= other.getValue()[1] && other.getValue()[0] <= c.endByte()) {
                        error(field, "bytes " + c.startByte() + "-" + c.endByte() + " overlap those of "
                                + other.getKey());
                    }
                }
                ranges.add(Map.entry(entry.getKey(), new int[] { c.startByte(), c.endByte() }));
            }
            result.put(entry.getKey(), c);
        }
        if (!columns.containsKey("code")) {
            error("profile.columns.code", "is required: the supplier item code is what rules match");
        }
        if (!columns.containsKey("stock") && !columns.containsKey("cost")) {
            error("profile.columns", "needs stock or cost (or both)");
        }
        return result;
    }

    private SourceSettings source(SourceSettings s) {
        String type = s.type() == null ? "UPLOAD" : s.type().toUpperCase(Locale.ROOT);
        switch (type) {
            case "UPLOAD" -> {
                notFor(type, "folder", s.folder());
                notFor(type, "filePattern", s.filePattern());
                notFor(type, "url", s.url());
                notFor(type, "authHeaderName", s.authHeaderName());
                notFor(type, "authSecretRef", s.authSecretRef());
                return SourceSettings.upload();
            }
            case "DROP_FOLDER" -> {
                if (s.folder() == null || !FOLDER.matcher(s.folder()).matches() || s.folder().contains("..")
                        || s.folder().length() > 200) {
                    error("source.folder", "must be a relative folder under INPUT_DIR (letters, digits, _ . - /, no ..)");
                }
                String pattern = s.filePattern() == null ? "*" : s.filePattern();
                try {
                    FileSystems.getDefault().getPathMatcher("glob:" + pattern);
                } catch (RuntimeException e) {
                    error("source.filePattern", "is not a valid glob: " + e.getMessage());
                }
                notFor(type, "url", s.url());
                notFor(type, "authHeaderName", s.authHeaderName());
                notFor(type, "authSecretRef", s.authSecretRef());
                return new SourceSettings(type, s.folder(), pattern, null, null, null);
            }
            case "URL" -> {
                url(s.url());
                String header = s.authHeaderName();
                if (s.authSecretRef() != null && !SECRET_REF.matcher(s.authSecretRef()).matches()) {
                    error("source.authSecretRef", "must name a secret (letters, digits, _ . -), not hold one");
                }
                if (header != null && !HEADER_NAME.matcher(header).matches()) {
                    error("source.authHeaderName", "must be an HTTP header name");
                }
                if (header != null && s.authSecretRef() == null) {
                    error("source.authSecretRef", "is required when authHeaderName is set");
                }
                notFor(type, "folder", s.folder());
                notFor(type, "filePattern", s.filePattern());
                return new SourceSettings(type, null, null, s.url(),
                        s.authSecretRef() != null && header == null ? "Authorization" : header, s.authSecretRef());
            }
            default -> {
                error("source.type", "must be one of UPLOAD, DROP_FOLDER, URL");
                return s;
            }
        }
    }

    private void url(String url) {
        if (url == null || url.isBlank()) {
            error("source.url", "is required for a URL source");
            return;
        }
        try {
            URI uri = new URI(url);
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                error("source.url", "must be an absolute http or https URL");
            } else if (uri.getUserInfo() != null) {
                error("source.url", "must not carry credentials; store them in a secret and name it in authSecretRef");
            } else if (uri.getRawQuery() != null && CREDENTIAL_QUERY.matcher(uri.getRawQuery()).find()) {
                error("source.url", "must not carry a credential in its query; store it in a secret and name it in "
                        + "authSecretRef");
            } else if (url.length() > 2000) {
                error("source.url", "is longer than 2000 characters");
            }
        } catch (URISyntaxException e) {
            error("source.url", "is not a valid URL");
        }
    }

    private void notFor(String type, String field, Object value) {
        if (value != null) {
            error("source." + field, "does not apply to a " + type + " source");
        }
    }

    private SanityGuard guard(SanityGuard g) {
        SanityGuard d = SanityGuard.defaults();
        Integer minRows = g.minRows() == null ? d.minRows() : g.minRows();
        if (minRows < 0 || minRows > 100_000_000) {
            error("guard.minRows", "must be between 0 and 100000000");
        }
        BigDecimal drop = percent("guard.maxRowDropPercent", g.maxRowDropPercent(), d.maxRowDropPercent(), 100);
        BigDecimal zero = percent("guard.maxZeroStockPercent", g.maxZeroStockPercent(), d.maxZeroStockPercent(), 100);
        BigDecimal cost = percent("guard.maxCostChangePercent", g.maxCostChangePercent(), d.maxCostChangePercent(), 1000);
        return new SanityGuard(minRows, drop, zero, cost);
    }

    private BigDecimal percent(String field, BigDecimal value, BigDecimal fallback, int max) {
        BigDecimal v = value == null ? fallback : value;
        if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(field, "must be a percentage between 0 and " + max);
        }
        return v;
    }
}
