package jp.systemgear.ec.rules;

import java.util.List;

/** A rule set that cannot be compiled; the REST layer reports it as MAPPING_RULE_ERROR. */
public class InvalidRulesException extends RuntimeException {

    private final transient List<RuleViolation> violations;

    public InvalidRulesException(List<RuleViolation> violations) {
        super(violations.size() + " rule problem(s), first: " + violations.get(0).field() + " "
                + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public List<RuleViolation> violations() {
        return violations;
    }
}
