package jp.systemgear.ec.auth.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class InMemoryLoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-28T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void failuresCountWithinTheWindowAndVanishAfterIt() {
        ManualClock clock = new ManualClock();
        InMemoryLoginThrottle throttle = new InMemoryLoginThrottle(clock);
        Duration window = Duration.ofMinutes(15);

        assertEquals(1, throttle.recordFailure("account:tanaka", window).await().indefinitely().failures());
        clock.now = clock.now.plusSeconds(60);
        LoginThrottle.Count second = throttle.recordFailure("account:tanaka", window).await().indefinitely();
        assertEquals(2, second.failures());
        assertEquals(14 * 60, second.secondsLeft(), "the window runs from the first failure");

        clock.now = clock.now.plus(window);
        assertEquals(LoginThrottle.Count.NONE, throttle.current("account:tanaka").await().indefinitely());
        assertEquals(1, throttle.recordFailure("account:tanaka", window).await().indefinitely().failures());
    }

    @Test
    void resetForgetsOnlyThatKey() {
        InMemoryLoginThrottle throttle = new InMemoryLoginThrottle(new ManualClock());
        throttle.recordFailure("account:a", Duration.ofMinutes(1)).await().indefinitely();
        throttle.recordFailure("address:192.0.2.1", Duration.ofMinutes(1)).await().indefinitely();
        throttle.reset("account:a").await().indefinitely();
        assertEquals(0, throttle.current("account:a").await().indefinitely().failures());
        assertEquals(1, throttle.current("address:192.0.2.1").await().indefinitely().failures());
    }
}
