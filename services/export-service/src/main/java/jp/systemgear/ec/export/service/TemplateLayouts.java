package jp.systemgear.ec.export.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;
import jp.systemgear.ec.common.error.FieldError;
import jp.systemgear.ec.export.domain.ChannelTemplate;
import jp.systemgear.ec.export.domain.ExportLevel;
import jp.systemgear.ec.export.domain.OutputColumn;

/**
 * Turns a channel template's layout (data, not code) into the columns an export writes, and checks a
 * layout before it is saved so an export never meets an unknown field.
 */
public final class TemplateLayouts {

    static final Set<Integer> ROUNDING_UNITS = Set.of(1, 10, 100);

    private TemplateLayouts() {
    }

    /** The level's own columns under their API names (the default layout). */
    public static List<OutputColumn> standard(ExportLevel level, boolean incremental) {
        List<OutputColumn> out = new ArrayList<>();
        for (int i = 0; i < level.columns.size(); i++) {
            ExportLevel.Column c = level.columns.get(i);
            out.add(OutputColumn.of(c.name(), c.kind(), i + 1));
        }
        if (incremental) {
            // Incremental answers also report removals: the row's key with removed=true.
            out.add(OutputColumn.of("removed", ExportLevel.Kind.BOOLEAN, level.columns.size() + 1));
        }
        return out;
    }

    public static ExportLevel level(ChannelTemplate.Layout layout) {
        return "supplier".equalsIgnoreCase(layout.level()) ? ExportLevel.SUPPLIER : ExportLevel.PRODUCT;
    }

    /** The template's columns; an invalid layout (only possible if stored before validation) is a 400. */
    public static List<OutputColumn> columns(ChannelTemplate.Layout layout) {
        List<FieldError> errors = validate(layout);
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "The channel template's layout is invalid", errors);
        }
        ExportLevel level = level(layout);
        RoundingMode mode = null;
        BigDecimal unit = null;
        if (layout.rounding() != null) {
            mode = roundingMode(layout.rounding().mode());
            unit = BigDecimal.valueOf(layout.rounding().unit() == null ? 1 : layout.rounding().unit());
        }
        String prefix = layout.skuPrefix() == null ? "" : layout.skuPrefix();
        String suffix = layout.skuSuffix() == null ? "" : layout.skuSuffix();
        List<OutputColumn> out = new ArrayList<>();
        for (ChannelTemplate.Column column : layout.columns()) {
            if (column.field() == null) {
                out.add(OutputColumn.fixed(column.header(), column.value()));
                continue;
            }
            int index = indexOf(level, column.field());
            ExportLevel.Column source = level.columns.get(index);
            boolean sku = source.name().equals("sku");
            boolean money = source.kind() == ExportLevel.Kind.DECIMAL;
            out.add(new OutputColumn(column.header(), source.kind(), index + 1, null, sku ? prefix : "",
                    sku ? suffix : "", money ? mode : null, money ? unit : null));
        }
        return out;
    }

    /** Every problem of a layout, each with its path (e.g. {@code columns[2].field}). */
    public static List<FieldError> validate(ChannelTemplate.Layout layout) {
        List<FieldError> errors = new ArrayList<>();
        if (layout.level() != null && !layout.level().equalsIgnoreCase("product")
                && !layout.level().equalsIgnoreCase("supplier")) {
            errors.add(new FieldError("level", "must be product or supplier"));
            return errors;
        }
        ExportLevel level = level(layout);
        for (int i = 0; i < layout.columns().size(); i++) {
            String field = layout.columns().get(i).field();
            if (field != null && indexOf(level, field) < 0) {
                errors.add(new FieldError("columns[" + i + "].field", "unknown field '" + field + "' at level "
                        + level.name().toLowerCase(Locale.ROOT) + "; one of " + level.columns.stream()
                                .map(ExportLevel.Column::name).toList()));
            }
        }
        if (layout.rounding() != null) {
            if (roundingMode(layout.rounding().mode()) == null) {
                errors.add(new FieldError("rounding.mode", "must be floor, ceiling or half-up"));
            }
            if (layout.rounding().unit() != null && !ROUNDING_UNITS.contains(layout.rounding().unit())) {
                errors.add(new FieldError("rounding.unit", "must be 1, 10 or 100"));
            }
        }
        return errors;
    }

    private static int indexOf(ExportLevel level, String field) {
        for (int i = 0; i < level.columns.size(); i++) {
            if (level.columns.get(i).name().equals(field)) {
                return i;
            }
        }
        return -1;
    }

    private static RoundingMode roundingMode(String mode) {
        if (mode == null) {
            return null;
        }
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "floor" -> RoundingMode.FLOOR;
            case "ceiling" -> RoundingMode.CEILING;
            case "half-up" -> RoundingMode.HALF_UP;
            default -> null;
        };
    }
}
