package jp.systemgear.ec.catalog.domain;

import java.util.List;
import java.util.Locale;

/**
 * Validates a five-field Unix cron expression (minute hour day-of-month month day-of-week), the form
 * the original system and import-service's scheduler use ({@code quarkus.scheduler.cron-type=unix}).
 * Lists, ranges, steps and English month/day names are accepted; macros and seconds are not.
 */
public final class CronSchedule {

    private record Field(String name, int min, int max, List<String> names) {
    }

    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final List<Field> FIELDS = List.of(
            new Field("minute", 0, 59, List.of()),
            new Field("hour", 0, 23, List.of()),
            new Field("day of month", 1, 31, List.of()),
            new Field("month", 1, 12, MONTHS),
            new Field("day of week", 0, 7, DAYS));

    private CronSchedule() {
    }

    /** Null when {@code expression} is valid, otherwise why it is not. */
    public static String problem(String expression) {
        if (expression == null || expression.isBlank()) {
            return "is empty";
        }
        String[] parts = expression.strip().split("\\s+");
        if (parts.length != 5) {
            return "must have 5 fields (minute hour day-of-month month day-of-week), not " + parts.length;
        }
        for (int i = 0; i < 5; i++) {
            String problem = fieldProblem(parts[i], FIELDS.get(i));
            if (problem != null) {
                return "field " + (i + 1) + " (" + FIELDS.get(i).name() + ") " + problem;
            }
        }
        return null;
    }

    private static String fieldProblem(String text, Field field) {
        for (String item : text.split(",", -1)) {
            if (item.isEmpty()) {
                return "has an empty list element in '" + text + "'";
            }
            String range = item;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                String step = item.substring(slash + 1);
                Integer s = number(step);
                if (s == null || s < 1 || s > field.max()) {
                    return "has an invalid step '" + step + "'";
                }
                if (!range.equals("*") && !range.contains("-")) {
                    return "'" + item + "': a step needs * or a range before it";
                }
            }
            if (range.equals("*")) {
                continue;
            }
            String[] bounds = range.split("-", -1);
            if (bounds.length > 2) {
                return "has an invalid range '" + range + "'";
            }
            Integer low = value(bounds[0], field);
            if (low == null) {
                return "value '" + bounds[0] + "' is not in " + field.min() + "-" + field.max()
                        + (field.names().isEmpty() ? "" : " or " + field.names().get(0) + "-"
                                + field.names().get(field.names().size() - 1));
            }
            if (bounds.length == 2) {
                Integer high = value(bounds[1], field);
                if (high == null) {
                    return "value '" + bounds[1] + "' is not in " + field.min() + "-" + field.max();
                }
                if (high < low) {
                    return "range '" + range + "' goes backwards";
                }
            }
        }
        return null;
    }

    private static Integer value(String text, Field field) {
        Integer n = number(text);
        if (n == null) {
            int index = field.names().indexOf(text.toUpperCase(Locale.ROOT));
            if (index < 0) {
                return null;
            }
            n = index + (field.names() == MONTHS ? 1 : 0);
        }
        return n >= field.min() && n <= field.max() ? n : null;
    }

    private static Integer number(String text) {
        if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(text);
    }
}
