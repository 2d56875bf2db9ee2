package jp.systemgear.ec.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * An SKU template such as {@code SG-{1}-{color}}: literal text and placeholders, parsed once.
 * Placeholders: {@code {code}} (the supplier item code), {@code {rest}} (after a PREFIX rule's prefix),
 * {@code {jan}}, {@code {0}}..{@code {n}} and {@code {name}} (a REGEX rule's capture groups).
 */
final class SkuTemplate {

    /** What a placeholder or literal contributes, given the row's code, rest, JAN and regex match. */
    private interface Part {
        void append(StringBuilder sku, String code, String rest, String jan, Matcher groups);
    }

    private record Literal(String text) implements Part {
        public void append(StringBuilder sku, String code, String rest, String jan, Matcher groups) {
            sku.append(text);
        }
    }

    private record Code() implements Part {
        public void append(StringBuilder sku, String code, String rest, String jan, Matcher groups) {
            sku.append(code);
        }
    }

    private record Rest() implements Part {
        public void append(StringBuilder sku, String code, String rest, String jan, Matcher groups) {
            sku.append(rest);
        }
    }

    private record JanPart() implements Part {
        public void append(StringBuilder sku, String code, String rest, String jan, Matcher groups) {
            sku.append(jan == null ? "" : jan);
        }
    }

    private record Group(int index) implements Part {
        public void append(StringBuilder sku, String code, String rest, String jan, Matcher groups) {
            appendGroup(sku, groups.group(index));
        }
    }

    private record NamedGroup(String name) implements Part {
        public void append(StringBuilder sku, String code, String rest, String jan, Matcher groups) {
            appendGroup(sku, groups.group(name));
        }
    }

    private final Part[] parts;

    private SkuTemplate(List<Part> parts) {
        this.parts = parts.toArray(Part[]::new);
    }

    /**
     * Parses {@code template}; problems go to {@code violations} under {@code field}. Group references
     * are checked against {@code groupCount} and {@code groupNames}; {@code allowRest} for PREFIX rules.
     */
    static SkuTemplate parse(String template, int groupCount, Set<String> groupNames, boolean allowRest,
            String field, List<RuleViolation> violations) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '}') {
                violations.add(new RuleViolation(field, "has a '}' without its '{' at position " + i));
                return null;
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            int end = template.indexOf('}', i);
            if (end < 0) {
                violations.add(new RuleViolation(field, "has a '{' without its '}' at position " + i));
                return null;
            }
            String name = template.substring(i + 1, end);
            Part part = placeholder(name, groupCount, groupNames, allowRest, field, violations);
            if (part == null) {
                return null;
            }
            if (!literal.isEmpty()) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            parts.add(part);
            i = end + 1;
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new SkuTemplate(parts);
    }

    private static Part placeholder(String name, int groupCount, Set<String> groupNames, boolean allowRest,
            String field, List<RuleViolation> violations) {
        if (name.equals("code")) {
            return new Code();
        }
        if (name.equals("jan")) {
            return new JanPart();
        }
        if (name.equals("rest")) {
            if (allowRest) {
                return new Rest();
            }
            violations.add(new RuleViolation(field, "names {rest}, which only PREFIX rules have"));
            return null;
        }
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
            int index = name.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(name);
            if (index > groupCount) {
                violations.add(new RuleViolation(field, "names capture group {" + name + "} but the pattern has "
                        + (groupCount == 0 ? "no groups" : "only " + groupCount)));
                return null;
            }
            return new Group(index);
        }
        if (groupNames.contains(name)) {
            return new NamedGroup(name);
        }
        violations.add(new RuleViolation(field, "names {" + name + "}, which is neither {code}, {jan}, "
                + (allowRest ? "{rest}, " : "") + "a group number nor a named group of the pattern"));
        return null;
    }

    String render(String code, String rest, String jan, Matcher groups) {
        StringBuilder sku = new StringBuilder(code.length() + 8);
        for (Part part : parts) {
            part.append(sku, code, rest, jan, groups);
        }
        return sku.toString();
    }

    private static void appendGroup(StringBuilder sku, String value) {
        // An optional group that did not take part renders as nothing, like in String.replaceAll.
        if (value != null) {
            sku.append(value);
        }
    }
}
