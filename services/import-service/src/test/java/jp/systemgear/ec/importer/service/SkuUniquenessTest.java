package jp.systemgear.ec.importer.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SkuUniquenessTest {

    @Test
    void distinctSkusAreUniqueAcrossGrowth() {
        SkuUniqueness skus = new SkuUniqueness();
        for (int i = 0; i < 200_000; i++) {
            skus.add("SG-" + String.format("%08d", i));
        }
        assertTrue(skus.unique());
    }

    @Test
    void oneRepeatAnywhereMakesTheRunNotUnique() {
        List<String> japanese = List.of("髙島屋-①", "ﾀｵﾙ-大", "お茶～煎茶", "0001234", "001234", "1234");
        SkuUniqueness distinct = new SkuUniqueness();
        japanese.forEach(distinct::add);
        assertTrue(distinct.unique(), "leading zeros and full/half-width forms are different SKUs");

        SplittableRandom random = new SplittableRandom(42);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + random.nextInt(50_000);
            int repeatAt = random.nextInt(n);
            SkuUniqueness skus = new SkuUniqueness();
            for (int i = 0; i < n; i++) {
                skus.add("X" + i);
            }
            skus.add("X" + repeatAt);
            for (int i = n; i < n + 100; i++) {
                skus.add("X" + i);
            }
            assertFalse(skus.unique(), "repeat of X" + repeatAt + " among " + n);
        }
    }

    @Test
    void hashesOfAMillionRealisticSkusDoNotCollide() {
        // The 'unique' answer relies on 64-bit hashes: check them on the shapes suppliers send.
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            String sku = (i % 3 == 0 ? "SG-" : i % 3 == 1 ? "49" : "商品-") + String.format("%010d", i);
            assertTrue(seen.add(SkuUniqueness.hash(sku)), sku);
        }
    }

    @Test
    void pastTheLimitItIsNotKnown() {
        SkuUniqueness skus = new SkuUniqueness();
        for (int i = 0; i <= SkuUniqueness.MAX_SKUS; i++) {
            skus.add(Integer.toString(i));
        }
        assertFalse(skus.unique());
    }
}
