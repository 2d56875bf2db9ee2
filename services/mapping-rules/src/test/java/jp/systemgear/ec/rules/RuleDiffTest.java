package jp.systemgear.ec.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class RuleDiffTest {

    @Test
    void addedRemovedChangedAndMovedByName() {
        List<RuleDefinition> v1 = RuleEngineTest.rules("""
                [{"name":"除外","match":{"type":"PREFIX","prefix":"SAMPLE"},"exclude":true},
                 {"name":"JAN","match":{"type":"JAN"}},
                 {"name":"加藤","match":{"type":"PREFIX","prefix":"KT-"}},
                 {"name":"旧ルール","match":{"type":"EXACT","code":"1","sku":"S1"}}]""");
        List<RuleDefinition> v2 = RuleEngineTest.rules("""
                [{"name":"新ルール","match":{"type":"EXACT","code":"2","sku":"S2"}},
                 {"name":"加藤","match":{"type":"PREFIX","prefix":"KT-"},"transforms":[{"type":"PACK","unitsPerCase":6}]},
                 {"name":"除外","match":{"type":"PREFIX","prefix":"SAMPLE"},"exclude":true},
                 {"name":"JAN","match":{"type":"JAN"}}]""");
        RuleDiff diff = RuleDiff.between(1, v1, 2, v2);
        assertEquals(List.of("新ルール"), diff.added().stream().map(RuleDefinition::name).toList());
        assertEquals(List.of("旧ルール"), diff.removed().stream().map(RuleDefinition::name).toList());
        assertEquals(List.of("加藤"), diff.changed().stream().map(RuleDiff.Change::name).toList());
        // 加藤 moved above 除外 and JAN, which kept their order: only 加藤 is reported as moved.
        assertEquals(List.of("加藤"), diff.moved().stream().map(RuleDiff.Move::name).toList());
    }

    @Test
    void identicalVersionsHaveNoDifferences() {
        List<RuleDefinition> v = RuleEngineTest.rules("[{\"name\":\"JAN\",\"match\":{\"type\":\"JAN\"}}]");
        RuleDiff diff = RuleDiff.between(3, v, 4, v);
        assertEquals(0, diff.added().size() + diff.removed().size() + diff.changed().size() + diff.moved().size());
    }
}
