package jp.systemgear.ec.rules;

import java.math.BigDecimal;
import java.math.MathContext;

/** A compiled value transform: changes the cost and/or the quantity of a row in {@link Values}. */
abstract class Transform {

    /** Costs carry four decimals, like the staging and stock columns (numeric(15, 4)). */
    static final int COST_SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The row's values while transforms run. Quantity is a long so that overflow is detected, not wrapped. */
    static final class Values {
        BigDecimal cost;
        long quantity;
        boolean hasQuantity;
    }

    abstract void apply(Values v);

    static Transform taxInclude(BigDecimal rate) {
        BigDecimal factor = HUNDRED.add(rate).divide(HUNDRED, MathContext.DECIMAL64);
        return costTransform(cost -> cost.multiply(factor).setScale(COST_SCALE, java.math.RoundingMode.HALF_UP));
    }

    static Transform taxExclude(BigDecimal rate) {
        BigDecimal divisor = HUNDRED.add(rate);
        return costTransform(cost -> cost.multiply(HUNDRED).divide(divisor, COST_SCALE, java.math.RoundingMode.HALF_UP));
    }

    static Transform markupPercent(BigDecimal percent) {
        BigDecimal factor = HUNDRED.add(percent).divide(HUNDRED, MathContext.DECIMAL64);
        return costTransform(cost -> cost.multiply(factor).setScale(COST_SCALE, java.math.RoundingMode.HALF_UP));
    }

    static Transform markupFixed(BigDecimal amount) {
        return costTransform(cost -> cost.add(amount).max(BigDecimal.ZERO));
    }

    static Transform round(RoundingMode mode, int unit) {
        BigDecimal u = BigDecimal.valueOf(unit);
        return costTransform(cost -> cost.divide(u, 0, mode.math).multiply(u));
    }

    static Transform pack(int unitsPerCase) {
        BigDecimal n = BigDecimal.valueOf(unitsPerCase);
        return new Transform() {
            @Override
            void apply(Values v) {
                if (v.cost != null) {
                    v.cost = v.cost.divide(n, COST_SCALE, java.math.RoundingMode.HALF_UP);
                }
                if (v.hasQuantity) {
                    v.quantity = v.quantity * unitsPerCase;
                }
            }
        };
    }

    static Transform threshold(int atOrBelow) {
        return quantityTransform(q -> q <= atOrBelow ? 0 : q);
    }

    static Transform safetyBuffer(int units) {
        return quantityTransform(q -> Math.max(0, q - units));
    }

    static Transform cap(int max) {
        return quantityTransform(q -> Math.min(q, max));
    }

    private static Transform costTransform(java.util.function.UnaryOperator<BigDecimal> f) {
        return new Transform() {
            @Override
            void apply(Values v) {
                if (v.cost != null) {
                    v.cost = f.apply(v.cost);
                }
            }
        };
    }

    private static Transform quantityTransform(java.util.function.LongUnaryOperator f) {
        return new Transform() {
            @Override
            void apply(Values v) {
                if (v.hasQuantity) {
                    v.quantity = f.applyAsLong(v.quantity);
                }
            }
        };
    }
}
