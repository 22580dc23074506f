package dev.auroraguard.domain.restore;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A cluster's restorable window as RDS reports it, {@code [EarliestRestorableTime, LatestRestorableTime]},
 * and what a requested instant becomes in it.
 */
public record RestoreWindow(Instant earliest, Instant latest) {

    public RestoreWindow {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        if (earliest.isAfter(latest)) {
            throw new IllegalArgumentException("earliest restorable time " + earliest + " is after the latest " + latest);
        }
    }

    /** The outcome of fitting a requested instant into the window. */
    public sealed interface Fit {
        /** The instant to restore to, when there is one. */
        default Instant instant() {
            throw new IllegalStateException(this + " has no instant to restore to");
        }
    }

    /** Inside the window: restored as asked (to the second). */
    public record Within(Instant instant) implements Fit {
    }

    /** After LatestRestorableTime: restored to the latest restorable time instead, and said so. */
    public record Clamped(Instant requested, Instant instant) implements Fit {
    }

    /** Before EarliestRestorableTime: nothing older than the retention period can be restored. */
    public record TooEarly(Instant requested, RestoreWindow window) implements Fit {
    }

    /**
     * Fits {@code requested} (truncated to the second) into the window. An instant after the latest
     * restorable time becomes the latest restorable time; one before the earliest is refused.
     */
    public Fit fit(Instant requested) {
        Instant wanted = requested.truncatedTo(ChronoUnit.SECONDS);
        Instant latestSecond = latest.truncatedTo(ChronoUnit.SECONDS);
        if (wanted.isAfter(latestSecond)) {
            return new Clamped(wanted, latestSecond);
        }
        if (wanted.isBefore(earliest)) {
            return new TooEarly(wanted, this);
        }
        return new Within(wanted);
    }

    /** The latest restorable time, to the second (what "latest" restores to). */
    public Instant latestSecond() {
        return latest.truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public String toString() {
        return "[" + earliest + ", " + latest + "]";
    }
}
