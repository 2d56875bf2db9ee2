package jp.systemgear.ec.common.db;

/**
 * The planner settings for a statement over a whole import run (catalog's apply and undo, import's guard
 * counts): hash joins (with statistics from before the load, a first import on a table not yet analysed,
 * the planner picked nested loops over stock while the same statement inserted into it, which grows
 * quadratically: a 100,000-row first import took minutes), and the memory to keep million-row hashes and
 * sorts off disk. For the transaction only (set_config's {@code is_local}); one round trip. A select list:
 * callers may add to it.
 */
public final class BulkStatementSettings {

    public static final String SQL = "select set_config('enable_nestloop', 'off', true), "
            + "set_config('work_mem', '256MB', true)";

    private BulkStatementSettings() {
    }
}
