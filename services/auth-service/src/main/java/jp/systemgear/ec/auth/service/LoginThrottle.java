package jp.systemgear.ec.auth.service;

import java.time.Duration;

import io.smallrye.mutiny.Uni;

/**
 * Counts failed logins per key (an account or a client address) over a fixed window. Backed by
 * Redis when REDIS_URL is set, so every replica sees the same counts; in-process otherwise.
 */
public interface LoginThrottle {

    /** The failures counted for {@code key} in its current window and the seconds the window has left. */
    record Count(long failures, long secondsLeft) {
        public static final Count NONE = new Count(0, 0);
    }

    Uni<Count> current(String key);

    /** Adds one failure; the window starts with the first failure. */
    Uni<Count> recordFailure(String key, Duration window);

    Uni<Void> reset(String key);
}
