package dev.auroraguard.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The minute a snapshot was scheduled for: the trigger's time truncated to the minute, in UTC. A
 * retried or duplicated delivery of the same trigger carries the same time, hence the same slot and
 * the same snapshot identifier.
 *
 * @param start the first instant of the minute
 */
public record ScheduledSlot(Instant start) {

    /** Years outside this range would not fit the eight-digit date of a snapshot identifier. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:00Z");

    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    public ScheduledSlot {
        if (start == null) {
            throw new IllegalArgumentException("a scheduled slot needs a time");
        }
        if (start.isBefore(EARLIEST) || start.isAfter(LATEST)) {
            throw new IllegalArgumentException("scheduled time " + start + " is outside " + EARLIEST + " .. " + LATEST);
        }
        if (!start.truncatedTo(ChronoUnit.MINUTES).equals(start)) {
            throw new IllegalArgumentException("a slot starts on a whole minute, not at " + start);
        }
    }

    /** The slot containing {@code time}. */
    public static ScheduledSlot containing(Instant time) {
        return new ScheduledSlot(time.truncatedTo(ChronoUnit.MINUTES));
    }

    /** {@code yyyyMMdd-HHmm} in UTC, as used in snapshot identifiers. */
    public String compact() {
        return COMPACT.format(LocalDateTime.ofInstant(start, ZoneOffset.UTC));
    }

    /** ISO-8601, e.g. {@code 2026-11-25T03:00:00Z}. */
    @Override
    public String toString() {
        return start.toString();
    }
}
