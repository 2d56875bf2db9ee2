package jp.systemgear.ec.export.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.systemgear.ec.export.domain.ChannelTemplate;

/**
 * A channel template as created or replaced. {@code level}, {@code skuPrefix}/{@code skuSuffix}
 * (the channel's product number around our SKU), {@code rounding} (money) and {@code scheduleCron}
 * (Unix cron for export files) are optional.
 */
public record ChannelTemplateRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,39}",
                message = "1-40 lower-case letters, digits, '_' or '-'") String code,
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = "csv|tsv|json|ndjson", message = "one of csv, tsv, json, ndjson") String format,
        @Pattern(regexp = "UTF-8|Windows-31J", message = "UTF-8 or Windows-31J") String encoding,
        Boolean includeHeader,
        @Pattern(regexp = "product|supplier", message = "product or supplier") String level,
        @Size(max = 40) String skuPrefix,
        @Size(max = 40) String skuSuffix,
        @Valid RoundingRequest rounding,
        @Size(max = 100) String scheduleCron,
        @NotEmpty @Size(max = 200) List<@Valid ColumnRequest> columns) {

    public record ColumnRequest(@NotBlank @Size(max = 100) String header, @Size(max = 100) String field,
            @Size(max = 200) String value) {

        @AssertTrue(message = "a column takes either a field or a fixed value")
        public boolean isFieldOrValue() {
            return (field == null) != (value == null);
        }
    }

    public record RoundingRequest(
            @NotBlank @Pattern(regexp = "floor|ceiling|half-up", message = "floor, ceiling or half-up") String mode,
            Integer unit) {
    }

    public ChannelTemplate toEntity() {
        ChannelTemplate template = new ChannelTemplate();
        template.code = code;
        applyTo(template);
        return template;
    }

    /** Everything but the code (a template's identity; files and schedules name it). */
    public void applyTo(ChannelTemplate template) {
        template.name = name.strip();
        template.format = format == null ? "csv" : format;
        template.encoding = encoding == null ? "UTF-8" : encoding;
        template.includeHeader = includeHeader == null || includeHeader;
        template.scheduleCron = scheduleCron == null || scheduleCron.isBlank() ? null : scheduleCron.trim();
        template.layout = new ChannelTemplate.Layout(columns.stream()
                .map(c -> new ChannelTemplate.Column(c.header(), c.field(), c.value()))
                .toList(), level == null ? "product" : level, blankToNull(skuPrefix), blankToNull(skuSuffix),
                rounding == null ? null : new ChannelTemplate.Rounding(rounding.mode(), rounding.unit() == null ? 1 : rounding.unit()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
