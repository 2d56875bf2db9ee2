package jp.systemgear.ec.export.domain;

import java.nio.charset.Charset;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One validated stock export request. Empty lists mean "no filter". {@code since}: incremental mode
 * (only rows changed after that cursor, removals included). {@code columns}: what is written, the
 * level's own columns or a channel template's layout; {@code templateCode} names the template, if any.
 * {@code variant} identifies everything that shapes the bytes besides the data (ETag input).
 */
public record ExportRequest(ExportLevel level, ExportFormat format, Charset charset, boolean header,
        List<String> suppliers, List<String> skus, boolean inStockOnly, OffsetDateTime changedSince,
        ExportCursor since, List<OutputColumn> columns, String templateCode, String variant) {

    public boolean incremental() {
        return since != null;
    }
}
