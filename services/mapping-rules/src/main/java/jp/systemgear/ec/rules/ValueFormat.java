package jp.systemgear.ec.rules;

import java.util.Map;

/**
 * What the supplier profile says about reading numbers: separators of the cost column and the table
 * that turns stock symbols (○, △, ×, "10+", blank) into quantities.
 */
public record ValueFormat(String decimalSeparator, String thousandsSeparator, Map<String, Integer> stockSymbols) {

    /** The table a profile gets when it names none: what Japanese wholesalers' symbols usually mean. */
    public static final Map<String, Integer> DEFAULT_STOCK_SYMBOLS = Map.of("○", 10, "◯", 10, "△", 3, "×", 0, "", 0);

    public static ValueFormat japaneseDefault() {
        return new ValueFormat(".", ",", DEFAULT_STOCK_SYMBOLS);
    }

    public ValueFormat {
        decimalSeparator = decimalSeparator == null || decimalSeparator.isEmpty() ? "." : decimalSeparator;
        thousandsSeparator = thousandsSeparator == null ? "" : thousandsSeparator;
        stockSymbols = stockSymbols == null ? DEFAULT_STOCK_SYMBOLS : Map.copyOf(stockSymbols);
    }
}
