package jp.systemgear.ec.importer.service;

/**
 * Tells, while a file is parsed, whether every mapped SKU appeared on one row only. When it did, the
 * guard pairs the run's rows with stock without first sorting them to keep the last line per SKU, and a
 * first import counts its SKUs without reading them again.
 *
 * Keeps 64-bit hashes of the SKUs in an open-addressing table of primitive longs (16 bytes per SKU at
 * most), never the strings. A repeated hash answers "not unique": a real duplicate or, about once in
 * 10^7 million-SKU files, two SKUs with the same hash; either way the caller takes the exact path, so
 * an answer of "unique" is always right. Past {@link #MAX_SKUS} SKUs it stops and answers "not known".
 */
final class SkuUniqueness {

    /** 2^22 slots at most: 32 MiB of heap at the largest, enough for 3 million SKUs at 3/4 load. */
    static final int MAX_SKUS = 3 << 20;
    private static final int MAX_SLOTS = 1 << 22;
    private static final long EMPTY = 0L;

    private long[] slots = new long[1 << 12];
    private int size;
    private boolean repeated;
    private boolean gaveUp;

    /** Notes one mapped row's SKU. */
    void add(String sku) {
        if (repeated || gaveUp) {
            return;
        }
        if (size >= MAX_SKUS) {
            gaveUp = true;
            slots = null;
            return;
        }
        if (size + 1 > slots.length / 4 * 3) {
            grow();
        }
        if (!insert(slots, hash(sku))) {
            repeated = true;
            slots = null;
        } else {
            size++;
        }
    }

    /** True only when every SKU noted was seen once. */
    boolean unique() {
        return !repeated && !gaveUp;
    }

    private void grow() {
        long[] bigger = new long[Math.min(slots.length * 2, MAX_SLOTS)];
        for (long h : slots) {
            if (h != EMPTY) {
                insert(bigger, h);
            }
        }
        slots = bigger;
    }

    /** False when the hash is there already. */
    private static boolean insert(long[] table, long h) {
        int mask = table.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != EMPTY) {
            if (table[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = h;
        return true;
    }

    /** FNV-1a over the UTF-16 units, then a 64-bit finaliser (murmur3's fmix64); never the empty marker. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1L : h;
    }
}
