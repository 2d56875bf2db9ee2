package jp.systemgear.ec.deployment;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Just enough PromQL lexing to list the metric names an expression reads and the label names its
 * selectors match on: identifiers followed by "(" are functions or aggregations, label lists after
 * by/without/on/ignoring/group_left/group_right are skipped, string literals and range/offset
 * durations are skipped.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan",
            // aggregations, which may be followed by a by/without clause before their "("
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
            "quantile", "limitk", "limit_ratio");
    private static final Set<String> LABEL_LIST_KEYWORDS = Set.of("by", "without", "on", "ignoring",
            "group_left", "group_right");

    private PromQl() {
    }

    /** Metric name to the label names its selectors match on (merged over every occurrence). */
    static Map<String, Set<String>> selectors(String expr) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        int i = 0;
        int n = expr.length();
        while (i < n) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i);
            } else if (c == '[') {
                i = expr.indexOf(']', i) + 1;
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_'
                        || expr.charAt(i) == ':')) {
                    i++;
                }
                String word = expr.substring(start, i);
                int next = skipSpace(expr, i);
                boolean call = next < n && expr.charAt(next) == '(';
                if (LABEL_LIST_KEYWORDS.contains(word.toLowerCase())) {
                    if (call) {
                        i = expr.indexOf(')', next) + 1;
                    }
                } else if (KEYWORDS.contains(word.toLowerCase()) || call) {
                    // an operator keyword, a function or an aggregation
                } else {
                    Set<String> labels = out.computeIfAbsent(word, k -> new LinkedHashSet<>());
                    if (next < n && expr.charAt(next) == '{') {
                        i = matchers(expr, next + 1, labels);
                    }
                }
            } else if (c == '{') {
                // a selector without a metric name: {__name__=...}; the chart writes none
                i = matchers(expr, i + 1, out.computeIfAbsent("{}", k -> new LinkedHashSet<>()));
            } else {
                i++;
            }
        }
        return out;
    }

    private static int matchers(String expr, int i, Set<String> labels) {
        int n = expr.length();
        while (i < n && expr.charAt(i) != '}') {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i);
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_')) {
                    i++;
                }
                labels.add(expr.substring(start, i));
            } else {
                i++;
            }
        }
        return i + 1;
    }

    private static int skipString(String expr, int i) {
        char quote = expr.charAt(i);
        i++;
        while (i < expr.length() && expr.charAt(i) != quote) {
            if (expr.charAt(i) == '\\' && quote != '`') {
                i++;
            }
            i++;
        }
        return i + 1;
    }

    private static int skipSpace(String expr, int i) {
        while (i < expr.length() && Character.isWhitespace(expr.charAt(i))) {
            i++;
        }
        return i;
    }
}
