package jp.systemgear.ec.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between two versions of a rule set, by rule name: rules added, removed, changed (same
 * name, different definition) and moved (same definition, other position; order decides matches).
 */
public record RuleDiff(int fromVersion, int toVersion, List<RuleDefinition> added, List<RuleDefinition> removed,
        List<Change> changed, List<Move> moved) {

    public record Change(String name, RuleDefinition before, RuleDefinition after) {
    }

    public record Move(String name, int fromPosition, int toPosition) {
    }

    public static RuleDiff between(int fromVersion, List<RuleDefinition> from, int toVersion, List<RuleDefinition> to) {
        Map<String, Integer> fromIndex = index(from);
        Map<String, Integer> toIndex = index(to);
        List<RuleDefinition> added = new ArrayList<>();
        List<RuleDefinition> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        List<Move> moved = new ArrayList<>();
        for (RuleDefinition rule : to) {
            Integer before = fromIndex.get(rule.name());
            if (before == null) {
                added.add(rule);
                continue;
            }
            RuleDefinition old = from.get(before);
            if (!Objects.equals(old, rule)) {
                changed.add(new Change(rule.name(), old, rule));
            }
        }
        Set<String> kept = longestKeptOrder(to, fromIndex);
        for (RuleDefinition rule : to) {
            Integer before = fromIndex.get(rule.name());
            if (before != null && !kept.contains(rule.name())) {
                moved.add(new Move(rule.name(), before, toIndex.get(rule.name())));
            }
        }
        for (RuleDefinition rule : from) {
            if (!toIndex.containsKey(rule.name())) {
                removed.add(rule);
            }
        }
        return new RuleDiff(fromVersion, toVersion, added, removed, changed, moved);
    }

    /**
     * The largest set of shared rules whose relative order did not change (a longest increasing
     * subsequence of old positions, in new order): only the others are reported as moved, so moving
     * one rule up does not report every rule it jumped over.
     */
    private static Set<String> longestKeptOrder(List<RuleDefinition> to, Map<String, Integer> fromIndex) {
        List<String> names = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (RuleDefinition rule : to) {
            Integer before = fromIndex.get(rule.name());
            if (before != null) {
                names.add(rule.name());
                positions.add(before);
            }
        }
        int n = positions.size();
        int[] tails = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (positions.get(tails[mid]) < positions.get(i)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[i] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = i;
            length = Math.max(length, lo + 1);
        }
        Set<String> kept = new HashSet<>();
        for (int i = length == 0 ? -1 : tails[length - 1]; i >= 0; i = previous[i]) {
            kept.add(names.get(i));
        }
        return kept;
    }

    private static Map<String, Integer> index(List<RuleDefinition> rules) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            index.putIfAbsent(rules.get(i).name(), i);
        }
        return index;
    }
}
