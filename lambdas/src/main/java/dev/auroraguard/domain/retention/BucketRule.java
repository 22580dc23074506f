package dev.auroraguard.domain.retention;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * The counted keep rules: {@code keepLast} and the calendar buckets of {@code keepHourly} ...
 * {@code keepYearly}. A bucket rule keeps the newest snapshot of each of the newest {@code n}
 * buckets that hold a snapshot (restic's {@code forget}); {@code keepLast} is the degenerate rule
 * where every snapshot is its own bucket.
 */
public enum BucketRule {

    LAST("last"),
    HOURLY("hourly"),
    DAILY("daily"),
    WEEKLY("weekly"),
    MONTHLY("monthly"),
    YEARLY("yearly");

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:00XXX");

    private final String label;

    BucketRule(String label) {
        this.label = label;
    }

    /** The word used in reasons: {@code last}, {@code hourly}, ... */
    public String label() {
        return label;
    }

    /**
     * The bucket a snapshot falls into, as the label reasons show. Buckets are calendar periods of
     * the local time in the policy's zone: a 23- or 25-hour DST day is one daily bucket; weeks are
     * ISO weeks (Monday to Sunday, numbered in the week-based year, so 1 January 2027 is in
     * {@code 2026-W53}). An hourly bucket is one local hour at one UTC offset, so the hour a DST
     * change repeats counts as two buckets, one per real hour.
     *
     * @throws UnsupportedOperationException for {@link #LAST}, which has no calendar bucket
     */
    public String bucketOf(ZonedDateTime local) {
        return switch (this) {
            case LAST -> throw new UnsupportedOperationException("keepLast has no calendar bucket");
            case HOURLY -> HOUR.format(local);
            case DAILY -> local.toLocalDate().toString();
            case WEEKLY -> String.format(Locale.ROOT, "%d-W%02d",
                    local.get(IsoFields.WEEK_BASED_YEAR), local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTHLY -> String.format(Locale.ROOT, "%d-%02d", local.getYear(), local.getMonthValue());
            case YEARLY -> Integer.toString(local.getYear());
        };
    }

    /**
     * A number for the bucket of a time, cheaper to compute than {@link #bucketOf}: two times with the
     * same key are in the same bucket (have the same label). The planner compares keys first and formats
     * a label only when the key differs.
     *
     * @param localSecond the time as seconds since 1970-01-01T00:00 local time (epoch second plus offset)
     * @param offsetSeconds the UTC offset at that time in the policy's zone
     * @throws UnsupportedOperationException for {@link #LAST}, which has no calendar bucket
     */
    long bucketKey(long localSecond, int offsetSeconds) {
        long day = Math.floorDiv(localSecond, 86_400L);
        return switch (this) {
            case LAST -> throw new UnsupportedOperationException("keepLast has no calendar bucket");
            // The local hour and the UTC offset (within +-18 h, so less than 2^17 s either way), packed.
            case HOURLY -> Math.floorDiv(localSecond, 3_600L) * (1L << 18) + offsetSeconds + (1L << 17);
            case DAILY -> day;
            // ISO weeks run Monday to Sunday; epoch day 0 (1 January 1970) is a Thursday.
            case WEEKLY -> Math.floorDiv(day + 3, 7L);
            case MONTHLY -> {
                LocalDate date = LocalDate.ofEpochDay(day);
                yield date.getYear() * 12L + date.getMonthValue() - 1;
            }
            case YEARLY -> LocalDate.ofEpochDay(day).getYear();
        };
    }
}
