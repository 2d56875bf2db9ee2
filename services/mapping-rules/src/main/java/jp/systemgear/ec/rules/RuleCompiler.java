package jp.systemgear.ec.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a rule set and turns it into a {@link CompiledRuleSet}. Every problem is reported with the
 * path of the field that causes it, so an operator can fix all of them at once.
 */
public final class RuleCompiler {

    public static final int MAX_RULES = 20_000;
    public static final int MAX_PATTERN_LENGTH = 500;
    public static final int MAX_SKU_LENGTH = 64;
    static final int MAX_QUANTITY = 10_000_000;
    private static final BigDecimal MAX_MARKUP_PERCENT = new BigDecimal("1000");
    private static final BigDecimal MIN_MARKUP_PERCENT = new BigDecimal("-99.99");
    private static final BigDecimal MAX_FIXED_AMOUNT = new BigDecimal("1000000");
    private static final Set<BigDecimal> TAX_RATES = Set.of(new BigDecimal("8"), new BigDecimal("10"));
    private static final Set<Integer> ROUNDING_UNITS = Set.of(1, 10, 100);
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private RuleCompiler() {
    }

    /** The problems of {@code rules}; empty when they compile. */
    public static List<RuleViolation> validate(List<RuleDefinition> rules) {
        List<RuleViolation> violations = new ArrayList<>();
        compileRules(rules, violations);
        return violations;
    }

    /**
     * Compiles {@code rules} for rows read with {@code format}; {@code janToSku} serves JAN rules
     * (products by JAN). Throws {@link InvalidRulesException} naming every problem.
     */
    public static CompiledRuleSet compile(List<RuleDefinition> rules, ValueFormat format, Map<String, String> janToSku) {
        List<RuleViolation> violations = new ArrayList<>();
        List<CompiledRule> compiled = compileRules(rules, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRulesException(violations);
        }
        return new CompiledRuleSet(compiled, format, janToSku == null ? Map.of() : janToSku);
    }

    private static List<CompiledRule> compileRules(List<RuleDefinition> rules, List<RuleViolation> violations) {
        List<CompiledRule> compiled = new ArrayList<>();
        if (rules == null) {
            violations.add(new RuleViolation("rules", "is required (an empty list removes every rule)"));
            return compiled;
        }
        if (rules.size() > MAX_RULES) {
            violations.add(new RuleViolation("rules", "has " + rules.size() + " rules; at most " + MAX_RULES));
            return compiled;
        }
        Map<String, Integer> names = new HashMap<>();
        Map<String, String> exactCodes = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            String field = "rules[" + i + "]";
            RuleDefinition rule = rules.get(i);
            if (rule == null) {
                violations.add(new RuleViolation(field, "is null"));
                continue;
            }
            int before = violations.size();
            if (rule.name() == null || rule.name().isBlank()) {
                violations.add(new RuleViolation(field + ".name", "is required"));
            } else if (rule.name().length() > 100) {
                violations.add(new RuleViolation(field + ".name", "is longer than 100 characters"));
            } else {
                Integer previous = names.putIfAbsent(rule.name(), i);
                if (previous != null) {
                    violations.add(new RuleViolation(field + ".name", "'" + rule.name() + "' is also the name of rules["
                            + previous + "]; names are unique"));
                }
            }
            CompiledRule.Matcher matcher = compileMatch(rule, field + ".match", exactCodes, violations);
            Transform[] transforms = compileTransforms(rule, field + ".transforms", violations);
            if (violations.size() == before) {
                compiled.add(new CompiledRule(i, rule.name(), matcher, rule.excludes(), transforms,
                        symbolOverrides(rule)));
            }
        }
        return compiled;
    }

    private static Map<String, Integer> symbolOverrides(RuleDefinition rule) {
        Map<String, Integer> symbols = new HashMap<>();
        for (TransformDefinition t : rule.transformList()) {
            if (TransformType.STOCK_SYMBOLS.name().equals(t.type()) && t.symbols() != null) {
                t.symbols().forEach((k, v) -> symbols.put(k.strip(), v));
            }
        }
        return symbols;
    }

    private static CompiledRule.Matcher compileMatch(RuleDefinition rule, String field, Map<String, String> exactCodes,
            List<RuleViolation> violations) {
        MatchDefinition match = rule.match();
        if (match == null) {
            violations.add(new RuleViolation(field, "is required"));
            return null;
        }
        MatchType type = parseEnum(MatchType.class, match.type(), field + ".type", violations);
        if (type == null) {
            return null;
        }
        boolean needsSku = !rule.excludes();
        switch (type) {
            case EXACT: {
                if (isBlank(match.code())) {
                    violations.add(new RuleViolation(field + ".code", "is required for an EXACT rule"));
                    return null;
                }
                String code = match.code().strip();
                String earlier = exactCodes.putIfAbsent(code, rule.name());
                if (earlier != null) {
                    violations.add(new RuleViolation(field + ".code", "'" + code + "' is already matched by rule '"
                            + earlier + "' above, so this rule could never match"));
                }
                String sku = null;
                if (needsSku) {
                    sku = checkSku(match.sku(), field + ".sku", violations);
                }
                return new CompiledRule.Exact(code, sku);
            }
            case JAN:
                return new CompiledRule.ByJan();
            case PREFIX: {
                if (isBlank(match.prefix())) {
                    violations.add(new RuleViolation(field + ".prefix", "is required for a PREFIX rule"));
                    return null;
                }
                SkuTemplate template = needsSku
                        ? template(match.skuTemplate() == null ? "{code}" : match.skuTemplate(), 0, Set.of(), true,
                                field + ".skuTemplate", violations)
                        : null;
                return new CompiledRule.Prefix(match.prefix().strip(), template);
            }
            case REGEX: {
                if (isBlank(match.pattern())) {
                    violations.add(new RuleViolation(field + ".pattern", "is required for a REGEX rule"));
                    return null;
                }
                if (match.pattern().length() > MAX_PATTERN_LENGTH) {
                    violations.add(new RuleViolation(field + ".pattern", "is longer than " + MAX_PATTERN_LENGTH
                            + " characters"));
                    return null;
                }
                Pattern pattern;
                try {
                    pattern = Pattern.compile(match.pattern());
                } catch (PatternSyntaxException e) {
                    violations.add(new RuleViolation(field + ".pattern", "is not a valid regular expression: "
                            + e.getDescription() + " near index " + e.getIndex()));
                    return null;
                }
                SkuTemplate template = null;
                if (needsSku) {
                    if (isBlank(match.skuTemplate())) {
                        violations.add(new RuleViolation(field + ".skuTemplate", "is required for a REGEX rule"));
                        return null;
                    }
                    template = template(match.skuTemplate(), pattern.matcher("").groupCount(), groupNames(match.pattern()),
                            false, field + ".skuTemplate", violations);
                }
                return new CompiledRule.Regex(pattern, template);
            }
            default:
                throw new IllegalStateException("unhandled match type " + type);
        }
    }

    private static SkuTemplate template(String text, int groups, Set<String> names, boolean allowRest, String field,
            List<RuleViolation> violations) {
        if (text.isBlank()) {
            violations.add(new RuleViolation(field, "is blank"));
            return null;
        }
        return SkuTemplate.parse(text, groups, names, allowRest, field, violations);
    }

    private static String checkSku(String sku, String field, List<RuleViolation> violations) {
        if (isBlank(sku)) {
            violations.add(new RuleViolation(field, "is required unless the rule excludes"));
            return null;
        }
        if (sku.strip().length() > MAX_SKU_LENGTH) {
            violations.add(new RuleViolation(field, "is longer than " + MAX_SKU_LENGTH + " characters"));
        }
        return sku.strip();
    }

    static Set<String> groupNames(String pattern) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAMED_GROUP.matcher(pattern);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Transform[] compileTransforms(RuleDefinition rule, String field, List<RuleViolation> violations) {
        List<TransformDefinition> definitions = rule.transformList();
        if (rule.excludes() && !definitions.isEmpty()) {
            violations.add(new RuleViolation(field, "an exclude rule has no transforms: its rows are skipped"));
            return new Transform[0];
        }
        List<Transform> transforms = new ArrayList<>();
        for (int j = 0; j < definitions.size(); j++) {
            Transform t = compileTransform(definitions.get(j), field + "[" + j + "]", violations);
            if (t != null) {
                transforms.add(t);
            }
        }
        return transforms.toArray(Transform[]::new);
    }

    private static Transform compileTransform(TransformDefinition d, String field, List<RuleViolation> violations) {
        if (d == null) {
            violations.add(new RuleViolation(field, "is null"));
            return null;
        }
        TransformType type = parseEnum(TransformType.class, d.type(), field + ".type", violations);
        if (type == null) {
            return null;
        }
        switch (type) {
            case TAX_INCLUDE:
            case TAX_EXCLUDE:
                if (d.rate() == null || TAX_RATES.stream().noneMatch(r -> r.compareTo(d.rate()) == 0)) {
                    violations.add(new RuleViolation(field + ".rate", "must be 10 (standard) or 8 (reduced) percent"));
                    return null;
                }
                return type == TransformType.TAX_INCLUDE ? Transform.taxInclude(d.rate()) : Transform.taxExclude(d.rate());
            case MARKUP_PERCENT:
                if (d.percent() == null || d.percent().compareTo(MIN_MARKUP_PERCENT) < 0
                        || d.percent().compareTo(MAX_MARKUP_PERCENT) > 0) {
                    violations.add(new RuleViolation(field + ".percent", "must be between " + MIN_MARKUP_PERCENT
                            + " and " + MAX_MARKUP_PERCENT));
                    return null;
                }
                return Transform.markupPercent(d.percent());
            case MARKUP_FIXED:
                if (d.amount() == null || d.amount().abs().compareTo(MAX_FIXED_AMOUNT) > 0) {
                    violations.add(new RuleViolation(field + ".amount", "must be between -" + MAX_FIXED_AMOUNT
                            + " and " + MAX_FIXED_AMOUNT + " yen"));
                    return null;
                }
                return Transform.markupFixed(d.amount());
            case ROUND: {
                RoundingMode mode = parseEnum(RoundingMode.class, d.mode(), field + ".mode", violations);
                if (d.unit() == null || !ROUNDING_UNITS.contains(d.unit())) {
                    violations.add(new RuleViolation(field + ".unit", "must be 1, 10 or 100 yen"));
                    return null;
                }
                return mode == null ? null : Transform.round(mode, d.unit());
            }
            case PACK:
                if (d.unitsPerCase() == null || d.unitsPerCase() < 1 || d.unitsPerCase() > 100_000) {
                    violations.add(new RuleViolation(field + ".unitsPerCase", "must be between 1 and 100000"));
                    return null;
                }
                return Transform.pack(d.unitsPerCase());
            case STOCK_SYMBOLS:
                if (d.symbols() == null || d.symbols().isEmpty()) {
                    violations.add(new RuleViolation(field + ".symbols", "needs at least one symbol"));
                    return null;
                }
                for (Map.Entry<String, Integer> e : d.symbols().entrySet()) {
                    if (e.getValue() == null || e.getValue() < 0 || e.getValue() > MAX_QUANTITY) {
                        violations.add(new RuleViolation(field + ".symbols." + e.getKey(), "must be between 0 and "
                                + MAX_QUANTITY));
                        return null;
                    }
                }
                // Applied while the quantity is read, before the other transforms; see symbolOverrides.
                return null;
            case THRESHOLD:
            case SAFETY_BUFFER:
            case CAP:
                if (d.value() == null || d.value() < 0 || d.value() > MAX_QUANTITY) {
                    violations.add(new RuleViolation(field + ".value", "must be between 0 and " + MAX_QUANTITY));
                    return null;
                }
                return type == TransformType.THRESHOLD ? Transform.threshold(d.value())
                        : type == TransformType.SAFETY_BUFFER ? Transform.safetyBuffer(d.value()) : Transform.cap(d.value());
            default:
                throw new IllegalStateException("unhandled transform " + type);
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field,
            List<RuleViolation> violations) {
        Set<String> allowed = new HashSet<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name());
            if (e.name().equals(value)) {
                return e;
            }
        }
        violations.add(new RuleViolation(field, value == null ? "is required" : "'" + value + "' is not one of "
                + new java.util.TreeSet<>(allowed)));
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
