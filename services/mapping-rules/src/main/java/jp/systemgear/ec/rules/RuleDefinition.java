package jp.systemgear.ec.rules;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One mapping rule (商品マッピングルール) as operators write it and as it is stored in a rule-set
 * version. Rules are ordered; the first whose match succeeds decides the row.
 *
 * @param name       unique within the rule set; results and diffs refer to it
 * @param match      which supplier rows the rule takes
 * @param exclude    true: matched rows are skipped on purpose (not reported as unmatched)
 * @param transforms value transforms applied in order to the matched row's cost and quantity
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleDefinition(String name, MatchDefinition match, Boolean exclude, List<TransformDefinition> transforms) {

    public boolean excludes() {
        return Boolean.TRUE.equals(exclude);
    }

    public List<TransformDefinition> transformList() {
        return transforms == null ? List.of() : transforms;
    }
}
