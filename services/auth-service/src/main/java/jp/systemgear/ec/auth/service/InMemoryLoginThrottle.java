package jp.systemgear.ec.auth.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.smallrye.mutiny.Uni;

/** Per-replica counters for a single instance or a stack without Redis. */
public class InMemoryLoginThrottle implements LoginThrottle {

    private record Window(long failures, Instant endsAt) {
    }

    /** Past this many keys, expired windows are swept, so a spray of addresses cannot grow the map forever. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryLoginThrottle(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Uni<Count> current(String key) {
        Instant now = clock.instant();
        Window window = windows.get(key);
        return Uni.createFrom().item(window == null || !window.endsAt().isAfter(now) ? Count.NONE : count(window, now));
    }

    @Override
    public Uni<Count> recordFailure(String key, Duration length) {
        Instant now = clock.instant();
        if (windows.size() > SWEEP_THRESHOLD) {
            windows.values().removeIf(w -> !w.endsAt().isAfter(now));
        }
        Window updated = windows.compute(key, (k, w) -> w == null || !w.endsAt().isAfter(now)
                ? new Window(1, now.plus(length))
                : new Window(w.failures() + 1, w.endsAt()));
        return Uni.createFrom().item(count(updated, now));
    }

    @Override
    public Uni<Void> reset(String key) {
        windows.remove(key);
        return Uni.createFrom().voidItem();
    }

    private static Count count(Window window, Instant now) {
        return new Count(window.failures(), Math.max(1, Duration.between(now, window.endsAt()).toSeconds()));
    }
}
