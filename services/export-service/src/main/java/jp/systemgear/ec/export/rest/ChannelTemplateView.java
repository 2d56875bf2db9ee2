package jp.systemgear.ec.export.rest;

import java.time.Instant;
import java.util.List;

import jp.systemgear.ec.export.domain.ChannelTemplate;

public record ChannelTemplateView(String code, String name, String format, String encoding, boolean includeHeader,
        List<ChannelTemplate.Column> columns, Instant createdAt, Instant updatedAt) {

    public static ChannelTemplateView of(ChannelTemplate t) {
        return new ChannelTemplateView(t.code, t.name, t.format, t.encoding, t.includeHeader, t.layout.columns(), t.createdAt,
                t.updatedAt);
    }
}
