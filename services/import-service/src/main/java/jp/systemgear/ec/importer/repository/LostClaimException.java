package jp.systemgear.ec.importer.repository;

/** Another replica took the run over (this one stalled past IMPORT_STALE_AFTER): stop, change nothing. */
public class LostClaimException extends RuntimeException {

    public LostClaimException(long runId) {
        super("Import run " + runId + " is no longer held by this replica");
    }
}
