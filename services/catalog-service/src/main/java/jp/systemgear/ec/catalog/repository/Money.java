package jp.systemgear.ec.catalog.repository;

import java.math.BigDecimal;

/** Yen amounts as the API shows them: numeric(15,4) without its padding zeros (1280, not 1280.0000). */
public final class Money {

    private Money() {
    }

    public static BigDecimal plain(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
