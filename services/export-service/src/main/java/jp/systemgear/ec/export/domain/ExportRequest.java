package jp.systemgear.ec.export.domain;

import java.nio.charset.Charset;
import java.time.OffsetDateTime;
import java.util.List;

/** One validated stock export request. Empty lists mean "no filter". */
public record ExportRequest(ExportLevel level, ExportFormat format, Charset charset, boolean header,
        List<String> suppliers, List<String> skus, boolean inStockOnly, OffsetDateTime changedSince) {
}
