package dev.auroraguard.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulator's notion of "now". A manual clock only moves when a test or the demo moves it, so a
 * state change that takes ten minutes in RDS takes no real time; the system clock follows wall time
 * (for {@code sandbox serve}) and can be jumped forward too, which is how {@code serve} seeds a cluster
 * with a week of history before catching up with now. It is a {@link Clock}, so the same instance can be
 * handed to code under test that takes a {@code java.time.Clock}.
 */
public final class SimClock extends Clock {

    private final boolean manual;
    private volatile Instant manualNow;
    /** For the system clock: how far ahead of (or, while seeding history, behind) wall time it runs. */
    private volatile Duration offset = Duration.ZERO;
    private final List<Runnable> advanceListeners = new CopyOnWriteArrayList<>();

    private SimClock(boolean manual, Instant start) {
        this.manual = manual;
        this.manualNow = start;
    }

    /** A clock that stands still at {@code start} until {@link #advance} or {@link #setInstant} moves it. */
    public static SimClock manual(Instant start) {
        return new SimClock(true, start);
    }

    /** A clock that follows the system's UTC wall time. */
    public static SimClock system() {
        return new SimClock(false, null);
    }

    /** A clock that ticks with wall time but starts at {@code start} (in the past, to seed history). */
    public static SimClock systemFrom(Instant start) {
        SimClock clock = new SimClock(false, null);
        clock.offset = Duration.between(Instant.now(), start);
        return clock;
    }

    public boolean isManual() {
        return manual;
    }

    @Override
    public Instant instant() {
        return manual ? manualNow : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("the simulator's clock is UTC only");
        }
        return this;
    }

    /** Moves the clock forward, then lets the simulated services apply every transition now due. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + duration);
        }
        setInstant(instant().plus(duration));
    }

    /** Moves the clock forward to {@code target}; moving it backwards is refused. */
    public void setInstant(Instant target) {
        synchronized (this) {
            Instant now = instant();
            if (target.isBefore(now)) {
                throw new IllegalArgumentException("time only moves forward: " + target + " is before " + now);
            }
            if (manual) {
                manualNow = target;
            } else {
                offset = offset.plus(Duration.between(now, target));
            }
        }
        advanceListeners.forEach(Runnable::run);
    }

    /** Called after every explicit move of the clock (the services settle their pending transitions). */
    public void onAdvance(Runnable listener) {
        advanceListeners.add(listener);
    }
}
