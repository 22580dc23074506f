package dev.auroraguard.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The token bucket behind a {@link RequestRateLimit}: full at the start, one token per request, refilled
 * at the sustained rate up to its capacity (tokens arriving at a full bucket are lost). Refills are
 * computed from the clock when a token is asked for, so on a manual {@link SimClock} the bucket only
 * refills when a test moves the clock: fully deterministic.
 *
 * <p>Tokens are counted in billionths so that whole rates refill exactly (12 per second is 12 tokens
 * after one second, 3 after 250 ms, none before 1/12 s), with no floating-point drift.
 */
public final class TokenBucket {

    private static final long UNIT = 1_000_000_000L;

    private final RequestRateLimit limit;
    private final Clock clock;
    private final long capacity;
    /** Time in nanoseconds an empty bucket takes to fill: any longer pause fills it. */
    private final long fillNanos;
    private long tokens;
    private Instant refilledAt;

    public TokenBucket(RequestRateLimit limit, Clock clock) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.capacity = limit.burst() * UNIT;
        this.fillNanos = (long) Math.ceil(limit.burst() / limit.perSecond() * UNIT);
        this.tokens = capacity;
        this.refilledAt = clock.instant();
    }

    public RequestRateLimit limit() {
        return limit;
    }

    /** Takes one token if there is one: true when the request may go ahead, false when it is over the limit. */
    public synchronized boolean tryTake() {
        refill();
        if (tokens < UNIT) {
            return false;
        }
        tokens -= UNIT;
        return true;
    }

    /** Whole tokens in the bucket now: requests that could go ahead at once. */
    public synchronized long available() {
        refill();
        return tokens / UNIT;
    }

    private void refill() {
        Instant now = clock.instant();
        if (!now.isAfter(refilledAt)) {
            return;
        }
        Duration elapsed = Duration.between(refilledAt, now);
        refilledAt = now;
        if (elapsed.compareTo(Duration.ofNanos(fillNanos)) >= 0) {
            tokens = capacity;
            return;
        }
        // elapsed < fillNanos, so the product stays far below 2^53 for any sane limit: exact for whole rates.
        long added = (long) Math.floor(elapsed.toNanos() * limit.perSecond());
        tokens = Math.min(capacity, tokens + added);
    }

    @Override
    public String toString() {
        return "TokenBucket[" + limit + ", " + available() + " available]";
    }
}
