package jp.systemgear.ec.catalog.service;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;

/** Optimistic concurrency checks shared by the versioned resources. */
final class Versions {

    private Versions() {
    }

    /**
     * If-Match that names another version → 412 (the client's precondition failed); a body version that
     * is not the current one → 409 (the client edited a stale copy).
     */
    static void check(String what, int current, Integer ifMatch, Integer bodyVersion) {
        if (ifMatch != null && ifMatch != current) {
            throw new ApiException(ErrorCode.PRECONDITION_FAILED, what + " is at version " + current
                    + ", not " + ifMatch + "; reload it and apply the change again");
        }
        if (bodyVersion != null && bodyVersion != current) {
            throw ApiException.conflict(what + " was changed meanwhile: version " + current + ", not " + bodyVersion
                    + "; reload it and apply the change again");
        }
    }

    /** Hibernate reports a lost race on the version column this way; it is a conflict, not a failure. */
    static Throwable lostRace(Throwable failure, String what) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.endsWith("StaleObjectStateException") || name.endsWith("OptimisticLockException")
                    || name.endsWith("StaleStateException")) {
                return ApiException.conflict(what + " was changed by someone else at the same time; reload and retry");
            }
        }
        return failure;
    }
}
