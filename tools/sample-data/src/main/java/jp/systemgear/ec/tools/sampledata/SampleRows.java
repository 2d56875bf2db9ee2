package jp.systemgear.ec.tools.sampledata;

import java.util.SplittableRandom;

/**
 * Deterministic, realistic supplier rows: item codes with leading zeros, valid JAN-13 codes
 * (prefix 49/45), Japanese names with the characters plain Shift_JIS lacks (①, 髙, ～) and
 * half-width katakana, stock as numbers or ○/△/×, costs with thousands separators.
 */
public final class SampleRows {

    private static final String[] MAKERS = { "髙島屋", "ﾐﾄﾞﾘ商事", "山﨑製作所", "東京ｻﾌﾟﾗｲ", "大阪物産", "北海道乳業" };
    private static final String[] ITEMS = { "ボールペン", "ﾉｰﾄ A5", "緑茶ティーバッグ", "タオル", "乾電池", "マグカップ",
            "ｺｰﾋｰ豆", "醤油", "せっけん", "ハンドクリーム" };
    private static final String[] VARIANTS = { "①", "②", "③", "～限定～", "（黒）", "（白）", "大", "小", "" };
    private static final String[] SYMBOLS = { "○", "△", "×", "10+", "" };

    private final SplittableRandom random;
    private final double symbolShare;

    /** {@code symbolShare}: the part of rows whose stock is a symbol rather than a number. */
    public SampleRows(long seed, double symbolShare) {
        this.random = new SplittableRandom(seed);
        this.symbolShare = symbolShare;
    }

    public SampleRow row(long index) {
        String itemCode = String.format("%08d", index + 1);
        String jan = jan13((random.nextBoolean() ? "49" : "45") + String.format("%010d", index % 10_000_000_000L));
        String name = MAKERS[random.nextInt(MAKERS.length)] + " " + ITEMS[random.nextInt(ITEMS.length)]
                + VARIANTS[random.nextInt(VARIANTS.length)];
        String stock = random.nextDouble() < symbolShare ? SYMBOLS[random.nextInt(SYMBOLS.length)]
                : Integer.toString(random.nextInt(0, 500));
        int yen = random.nextInt(50, 50_000);
        String cost = yen >= 1000 ? String.format("%,d", yen) : Integer.toString(yen);
        int pack = random.nextInt(4) == 0 ? 12 : 1;
        return new SampleRow(itemCode, jan, name, stock, cost, pack);
    }

    /** The twelve digits and their check digit (modulus 10, weights 1 and 3). */
    public static String jan13(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = twelveDigits.charAt(i) - '0';
            sum += i % 2 == 0 ? digit : digit * 3;
        }
        return twelveDigits + (10 - sum % 10) % 10;
    }
}
