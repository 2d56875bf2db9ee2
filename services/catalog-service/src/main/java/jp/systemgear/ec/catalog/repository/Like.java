package jp.systemgear.ec.catalog.repository;

/** ILIKE patterns from user text: %, _ and the escape character are literal there. */
public final class Like {

    private Like() {
    }

    public static String contains(String text) {
        return "%" + escape(text) + "%";
    }

    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
