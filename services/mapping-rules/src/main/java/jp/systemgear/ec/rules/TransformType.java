package jp.systemgear.ec.rules;

/** The value transforms a rule may apply, in the order the rule lists them. */
public enum TransformType {
    /** 税抜 → 税込: cost × (100 + rate) / 100. */
    TAX_INCLUDE,
    /** 税込 → 税抜: cost × 100 / (100 + rate). */
    TAX_EXCLUDE,
    /** cost × (100 + percent) / 100. */
    MARKUP_PERCENT,
    /** cost + amount (yen, may be negative; never below 0). */
    MARKUP_FIXED,
    /** 端数処理: floor, ceiling or half-up to 1, 10 or 100 yen. */
    ROUND,
    /** ケース → バラ: quantity × 入数, cost ÷ 入数. */
    PACK,
    /** ○/△/×/"10+"/blank → numbers: overrides entries of the profile's table for this rule. */
    STOCK_SYMBOLS,
    /** quantity at or below value becomes 0. */
    THRESHOLD,
    /** quantity − value, never below 0. */
    SAFETY_BUFFER,
    /** quantity at most value. */
    CAP
}
