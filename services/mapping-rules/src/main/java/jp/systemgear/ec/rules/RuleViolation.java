package jp.systemgear.ec.rules;

/** One problem of a rule set: the field path inside the request ({@code rules[2].match.pattern}) and why. */
public record RuleViolation(String field, String message) {
}
