package dev.auroraguard.domain.retention;

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
}
