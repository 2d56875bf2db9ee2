package jp.systemgear.ec.rules;

/** How a rule recognises supplier rows; see {@link MatchDefinition}. */
public enum MatchType {
    EXACT, JAN, PREFIX, REGEX
}
