package jp.systemgear.ec.rules;

import java.util.Map;
import java.util.regex.Pattern;

/** One rule ready to run: its matcher, transforms and symbol overrides, and where it stood in the set. */
final class CompiledRule {

    /** Recognises a row and names its SKU; returns null when the row is not this rule's. */
    interface Matcher {
        String sku(String code, String jan, Map<String, String> janToSku);
    }

    record Exact(String code, String sku) implements Matcher {
        @Override
        public String sku(String rowCode, String jan, Map<String, String> janToSku) {
            return code.equals(rowCode) ? (sku == null ? "" : sku) : null;
        }
    }

    record ByJan() implements Matcher {
        @Override
        public String sku(String code, String jan, Map<String, String> janToSku) {
            // Many suppliers use the JAN as their item code; either column may carry it.
            String key = jan != null && !jan.isEmpty() ? jan : code;
            return janToSku.get(key);
        }
    }

    record Prefix(String prefix, SkuTemplate template) implements Matcher {
        @Override
        public String sku(String code, String jan, Map<String, String> janToSku) {
            if (!code.startsWith(prefix)) {
                return null;
            }
            return template == null ? "" : template.render(code, code.substring(prefix.length()), jan, null);
        }
    }

    record Regex(Pattern pattern, SkuTemplate template) implements Matcher {
        @Override
        public String sku(String code, String jan, Map<String, String> janToSku) {
            java.util.regex.Matcher m = pattern.matcher(code);
            if (!m.matches()) {
                return null;
            }
            return template == null ? "" : template.render(code, "", jan, m);
        }
    }

    final int index;
    final String name;
    final Matcher matcher;
    final boolean exclude;
    final Transform[] transforms;
    final Map<String, Integer> symbolOverrides;

    CompiledRule(int index, String name, Matcher matcher, boolean exclude, Transform[] transforms,
            Map<String, Integer> symbolOverrides) {
        this.index = index;
        this.name = name;
        this.matcher = matcher;
        this.exclude = exclude;
        this.transforms = transforms;
        this.symbolOverrides = Map.copyOf(symbolOverrides);
    }
}
