package jp.systemgear.ec.export.rest;

import java.time.Instant;
import java.util.List;

import jp.systemgear.ec.export.domain.ChannelTemplate;

public record ChannelTemplateView(String code, String name, String format, String encoding, boolean includeHeader,
        String level, String skuPrefix, String skuSuffix, ChannelTemplate.Rounding rounding, String scheduleCron,
        List<ChannelTemplate.Column> columns, Instant createdAt, Instant updatedAt) {

    public static ChannelTemplateView of(ChannelTemplate t) {
        return new ChannelTemplateView(t.code, t.name, t.format, t.encoding, t.includeHeader,
                t.layout.level() == null ? "product" : t.layout.level(), t.layout.skuPrefix(), t.layout.skuSuffix(),
                t.layout.rounding(), t.scheduleCron, t.layout.columns(), t.createdAt, t.updatedAt);
    }
}
