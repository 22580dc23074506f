package dev.auroraguard.handler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Spaces requests at a fixed interval: RDS allows each account only a modest sustained request rate,
 * shared with every other caller, so a cleanup run must not spend it in a burst. The first request
 * never waits; each later one starts no sooner than {@code interval} after the previous one started
 * (time already spent on the previous request counts). The clock and the sleeper are injected so that
 * tests pace without sleeping.
 */
public final class RequestPacer {

    /** Waits; {@link Thread#sleep} in production. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Duration interval;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant lastStart;

    public RequestPacer(Duration interval, Clock clock, Sleeper sleeper) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("the interval cannot be negative: " + interval);
        }
    }

    /** {@link Thread#sleep}: how production pacers wait (on the system clock). */
    public static final Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    public Duration interval() {
        return interval;
    }

    /**
     * Blocks until the next request may start, and records that it starts now.
     *
     * @return how long it waited
     * @throws InterruptedException when the wait was interrupted (no request may start)
     */
    public synchronized Duration awaitTurn() throws InterruptedException {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        if (lastStart != null) {
            Instant next = lastStart.plus(interval);
            if (now.isBefore(next)) {
                wait = Duration.between(now, next);
                sleeper.sleep(wait);
                now = clock.instant();
            }
        }
        lastStart = now;
        return wait;
    }
}
