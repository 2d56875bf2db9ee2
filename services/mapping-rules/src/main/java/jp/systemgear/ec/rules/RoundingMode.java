package jp.systemgear.ec.rules;

/** 端数処理: 切り捨て, 切り上げ, 四捨五入. */
public enum RoundingMode {
    FLOOR(java.math.RoundingMode.FLOOR),
    CEILING(java.math.RoundingMode.CEILING),
    HALF_UP(java.math.RoundingMode.HALF_UP);

    final java.math.RoundingMode math;

    RoundingMode(java.math.RoundingMode math) {
        this.math = math;
    }
}
