package jp.systemgear.ec.catalog.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.systemgear.ec.rules.Jan;
import jp.systemgear.ec.rules.CompiledRuleSet;
import jp.systemgear.ec.rules.MatchDefinition;
import jp.systemgear.ec.rules.RowResult;
import jp.systemgear.ec.rules.RuleCompiler;
import jp.systemgear.ec.rules.RuleDefinition;
import jp.systemgear.ec.rules.SupplierRow;
import jp.systemgear.ec.rules.TransformDefinition;
import jp.systemgear.ec.rules.TransformType;
import jp.systemgear.ec.rules.ValueFormat;

/**
 * Rule application throughput on synthetic supplier rows (a benchmark, not a test: run it through
 * bench/catalog-bench.sh). One thread = one core's rate; then all cores. Rows are generated before
 * timing; every result is consumed so the JIT cannot drop the work.
 *
 * <p>Rule set: 2,000 EXACT codes, 4 PREFIX, 3 REGEX with captures, a JAN rule over a 100,000-product
 * index, an exclude rule; transforms on most rules (tax, markup, rounding, pack, threshold, buffer, cap).
 * Rows: 40 % exact codes, 25 % prefix, 20 % regex, 10 % JAN, 5 % unmatched; stock as numbers, ○/△/×
 * and "10+"; costs with thousands separators, some full-width.
 */
public final class RuleEngineBench {

    private RuleEngineBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Map<String, String> janIndex = new HashMap<>();
        List<String> jans = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            String body = "49" + String.format("%010d", i * 7919L % 10_000_000_000L);
            String jan = body + Jan.checkDigit(body);
            janIndex.put(jan, "JAN-" + i);
            jans.add(jan);
        }
        CompiledRuleSet set = RuleCompiler.compile(rules(), ValueFormat.japaneseDefault(), janIndex);
        SupplierRow[] data = rows(rows, jans);
        System.out.printf("rule set: %d rules; %,d rows generated%n", set.ruleCount(), rows);

        run(set, Arrays.copyOf(data, Math.min(rows, 300_000))); // warm-up: let the JIT compile the hot paths
        run(set, Arrays.copyOf(data, Math.min(rows, 300_000)));
        long[] nanos = new long[passes];
        long[] outcomes = null;
        for (int p = 0; p < passes; p++) {
            long start = System.nanoTime();
            outcomes = run(set, data);
            nanos[p] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("outcomes: mapped %,d, excluded %,d, unmatched %,d, invalid %,d%n", outcomes[0], outcomes[1],
                outcomes[2], outcomes[3]);
        System.out.printf("1 thread: median %.0f ms per %,d rows = %,.0f rows/s per core (best %,.0f rows/s)%n",
                nanos[passes / 2] / 1e6, rows, rows / (nanos[passes / 2] / 1e9), rows / (nanos[0] / 1e9));

        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int chunk = (rows + threads - 1) / threads;
        long best = Long.MAX_VALUE;
        for (int p = 0; p < passes; p++) {
            long start = System.nanoTime();
            List<Future<long[]>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                SupplierRow[] part = Arrays.copyOfRange(data, Math.min(rows, t * chunk), Math.min(rows, (t + 1) * chunk));
                parts.add(pool.submit(() -> run(set, part)));
            }
            for (Future<long[]> f : parts) {
                f.get();
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        pool.shutdown();
        System.out.printf("%d threads: best %.0f ms per %,d rows = %,.0f rows/s%n", threads, best / 1e6, rows,
                rows / (best / 1e9));
    }

    private static long[] run(CompiledRuleSet set, SupplierRow[] rows) {
        long[] outcomes = new long[4];
        long checksum = 0;
        for (SupplierRow row : rows) {
            RowResult r = set.apply(row);
            outcomes[r.outcome().ordinal()]++;
            if (r.quantity() != null) {
                checksum += r.quantity();
            }
        }
        if (checksum == 42) {
            System.out.print("");
        }
        return outcomes;
    }

    private static List<RuleDefinition> rules() {
        List<RuleDefinition> rules = new ArrayList<>();
        rules.add(new RuleDefinition("除外-見本品", new MatchDefinition("PREFIX", null, "SAMPLE-", null, null, null), true,
                null));
        for (int i = 0; i < 2_000; i++) {
            String code = String.format("%04d-%03d", i / 10, i % 1000);
            rules.add(new RuleDefinition("完全一致-" + i, new MatchDefinition("EXACT", code, null, null, "SG-" + i, null),
                    null, List.of(t(TransformType.TAX_INCLUDE).withRate(BigDecimal.TEN),
                            t(TransformType.ROUND).withRounding("FLOOR", 1))));
        }
        String[] prefixes = { "KT-", "YM-", "FD-", "OS-" };
        for (String prefix : prefixes) {
            rules.add(new RuleDefinition("接頭辞-" + prefix, new MatchDefinition("PREFIX", null, prefix, null, null,
                    "P{rest}"), null, List.of(t(TransformType.PACK).withUnitsPerCase(12),
                            t(TransformType.MARKUP_PERCENT).withPercent(new BigDecimal("15")),
                            t(TransformType.ROUND).withRounding("CEILING", 10), t(TransformType.CAP).withValue(500))));
        }
        rules.add(new RuleDefinition("正規表現-色", new MatchDefinition("REGEX", null, null,
                "(?<series>[A-Z]{2})(\\d{4})-(?<color>RED|BLU|GRN)", null, "{series}{2}-{color}"), null,
                List.of(t(TransformType.TAX_EXCLUDE).withRate(new BigDecimal("8")),
                        t(TransformType.ROUND).withRounding("HALF_UP", 1), t(TransformType.THRESHOLD).withValue(2))));
        rules.add(new RuleDefinition("正規表現-型番", new MatchDefinition("REGEX", null, null, "X(\\d{6})", null, "X-{1}"),
                null, List.of(t(TransformType.SAFETY_BUFFER).withValue(1))));
        rules.add(new RuleDefinition("正規表現-枝番", new MatchDefinition("REGEX", null, null, "Z(\\d+)_(\\d+)", null,
                "Z{1}-{2}"), null, List.of(t(TransformType.MARKUP_FIXED).withAmount(new BigDecimal("30")))));
        rules.add(new RuleDefinition("JAN一致", new MatchDefinition("JAN", null, null, null, null, null), null,
                List.of(t(TransformType.TAX_INCLUDE).withRate(new BigDecimal("8")))));
        return rules;
    }

    private static TransformDefinition t(TransformType type) {
        return TransformDefinition.of(type);
    }

    private static SupplierRow[] rows(int n, List<String> jans) {
        SplittableRandom random = new SplittableRandom(20260401);
        String[] stocks = { "○", "△", "×", "10+", "", "3", "12", "0", "150", "7" };
        SupplierRow[] rows = new SupplierRow[n];
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(100);
            String code;
            String jan = null;
            if (kind < 40) {
                int r = random.nextInt(2_000);
                code = String.format("%04d-%03d", r / 10, r % 1000);
            } else if (kind < 65) {
                code = new String[] { "KT-", "YM-", "FD-", "OS-" }[random.nextInt(4)] + random.nextInt(100_000);
            } else if (kind < 85) {
                int r = random.nextInt(3);
                code = r == 0 ? "AB" + (1000 + random.nextInt(9000)) + "-RED"
                        : r == 1 ? "X" + (100_000 + random.nextInt(900_000)) : "Z" + random.nextInt(1000) + "_" + random.nextInt(50);
            } else if (kind < 95) {
                jan = jans.get(random.nextInt(jans.size()));
                code = "J" + i;
            } else {
                code = "UNKNOWN-" + random.nextInt(1_000_000);
            }
            int yen = 50 + random.nextInt(20_000);
            String cost = random.nextInt(10) == 0 ? toFullWidth(Integer.toString(yen)) : String.format("%,d", yen);
            rows[i] = new SupplierRow(code, jan, "ｻﾝﾌﾟﾙ商品" + (i % 100), stocks[random.nextInt(stocks.length)], cost);
        }
        return rows;
    }

    private static String toFullWidth(String digits) {
        StringBuilder sb = new StringBuilder();
        for (char c : digits.toCharArray()) {
            sb.append((char) (c - '0' + '０'));
        }
        return sb.toString();
    }
}
