package jp.systemgear.ec.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Invalid rules are refused with the path of the offending field. */
class RuleCompilerTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"name":"正規表現","match":{"type":"REGEX","pattern":"([A-Z]+","skuTemplate":"{1}"}}              | rules[0].match.pattern       | not a valid regular expression
            {"name":"正規表現","match":{"type":"REGEX","pattern":"(A)(B)","skuTemplate":"X{3}"}}              | rules[0].match.skuTemplate   | names capture group {3} but the pattern has only 2
            {"name":"正規表現","match":{"type":"REGEX","pattern":"AB.*","skuTemplate":"X{1}"}}                | rules[0].match.skuTemplate   | names capture group {1} but the pattern has no groups
            `{"name":"正規表現","match":{"type":"REGEX","pattern":"(?<size>S|M)","skuTemplate":"{color}"}}`   | rules[0].match.skuTemplate   | names {color}
            {"name":"正規表現","match":{"type":"REGEX","pattern":"(A)","skuTemplate":"{rest}"}}               | rules[0].match.skuTemplate   | only PREFIX rules
            {"name":"正規表現","match":{"type":"REGEX","pattern":"(A)","skuTemplate":"X{1"}}                  | rules[0].match.skuTemplate   | without its '}'
            {"name":"正規表現","match":{"type":"REGEX","pattern":"(A)"}}                                      | rules[0].match.skuTemplate   | is required
            {"name":"接頭辞","match":{"type":"PREFIX","prefix":"KT","skuTemplate":"{1}"}}                     | rules[0].match.skuTemplate   | no groups
            {"name":"接頭辞","match":{"type":"PREFIX"}}                                                        | rules[0].match.prefix        | is required
            {"name":"完全一致","match":{"type":"EXACT","code":"0012"}}                                         | rules[0].match.sku           | is required
            {"name":"完全一致","match":{"type":"EXACT","sku":"A"}}                                             | rules[0].match.code          | is required
            {"name":"種類","match":{"type":"FUZZY"}}                                                           | rules[0].match.type          | 'FUZZY' is not one of
            {"name":"名前なし"}                                                                                | rules[0].match               | is required
            {"match":{"type":"JAN"}}                                                                           | rules[0].name                | is required
            {"name":"税","match":{"type":"JAN"},"transforms":[{"type":"TAX_INCLUDE","rate":5}]}                | rules[0].transforms[0].rate  | 10 (standard) or 8 (reduced)
            {"name":"税","match":{"type":"JAN"},"transforms":[{"type":"TAX_EXCLUDE"}]}                         | rules[0].transforms[0].rate  | 10 (standard) or 8 (reduced)
            {"name":"丸め","match":{"type":"JAN"},"transforms":[{"type":"ROUND","mode":"FLOOR","unit":5}]}     | rules[0].transforms[0].unit  | 1, 10 or 100
            {"name":"丸め","match":{"type":"JAN"},"transforms":[{"type":"ROUND","mode":"BANKERS","unit":10}]}  | rules[0].transforms[0].mode  | 'BANKERS' is not one of
            {"name":"掛率","match":{"type":"JAN"},"transforms":[{"type":"MARKUP_PERCENT","percent":2000}]}     | rules[0].transforms[0].percent | between
            {"name":"固定","match":{"type":"JAN"},"transforms":[{"type":"MARKUP_FIXED","amount":9999999}]}     | rules[0].transforms[0].amount | between
            {"name":"入数","match":{"type":"JAN"},"transforms":[{"type":"PACK","unitsPerCase":0}]}             | rules[0].transforms[0].unitsPerCase | between 1 and 100000
            {"name":"閾値","match":{"type":"JAN"},"transforms":[{"type":"THRESHOLD","value":-1}]}              | rules[0].transforms[0].value | between 0 and
            {"name":"上限","match":{"type":"JAN"},"transforms":[{"type":"CAP"}]}                               | rules[0].transforms[0].value | between 0 and
            {"name":"記号","match":{"type":"JAN"},"transforms":[{"type":"STOCK_SYMBOLS","symbols":{}}]}        | rules[0].transforms[0].symbols | at least one
            {"name":"割引","match":{"type":"JAN"},"transforms":[{"type":"DISCOUNT"}]}                          | rules[0].transforms[0].type  | 'DISCOUNT' is not one of
            {"name":"除外","match":{"type":"JAN"},"exclude":true,"transforms":[{"type":"CAP","value":1}]}      | rules[0].transforms          | exclude rule has no transforms
            """)
    void invalidRuleNamesTheField(String rule, String field, String message) {
        List<RuleViolation> violations = RuleCompiler.validate(RuleEngineTest.rules("[" + rule + "]"));
        assertEquals(1, violations.size(), violations::toString);
        assertEquals(field, violations.get(0).field());
        assertTrue(violations.get(0).message().contains(message), violations.get(0)::message);
    }

    @Test
    void duplicateNamesAndUnreachableExactRulesAreFound() {
        List<RuleViolation> violations = RuleCompiler.validate(RuleEngineTest.rules("""
                [{"name":"A","match":{"type":"EXACT","code":"0012","sku":"S1"}},
                 {"name":"A","match":{"type":"JAN"}},
                 {"name":"B","match":{"type":"EXACT","code":"0012","sku":"S2"}}]"""));
        assertEquals(List.of("rules[1].name", "rules[2].match.code"),
                violations.stream().map(RuleViolation::field).toList());
    }

    @Test
    void compileRefusesAllProblemsAtOnce() {
        InvalidRulesException e = assertThrows(InvalidRulesException.class, () -> RuleCompiler.compile(
                RuleEngineTest.rules("""
                        [{"name":"x","match":{"type":"REGEX","pattern":"("}},
                         {"name":"y","match":{"type":"JAN"},"transforms":[{"type":"ROUND","mode":"FLOOR","unit":3}]}]"""),
                ValueFormat.japaneseDefault(), Map.of()));
        assertEquals(2, e.violations().size());
    }

    @Test
    void emptyRuleSetIsValidAndMatchesNothing() {
        CompiledRuleSet set = RuleCompiler.compile(List.of(), ValueFormat.japaneseDefault(), Map.of());
        assertEquals(RowResult.Outcome.UNMATCHED, set.apply(new SupplierRow("0001", null, null, "1", "1")).outcome());
    }
}
