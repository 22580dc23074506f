package dev.auroraguard.domain.retention;

import java.util.Objects;
import java.util.Optional;

/**
 * The keep rules of one snapshot kind, applied to each cluster's snapshots of that kind. They mean
 * what restic's {@code forget --keep-*} options mean; a snapshot is kept if any rule keeps it.
 * All counts zero and no {@code keepWithin} is the empty rule set, which keeps everything (restic
 * refuses to act on an empty policy for the same reason: it would delete every snapshot).
 */
public record KeepRules(
        int last,
        int hourly,
        int daily,
        int weekly,
        int monthly,
        int yearly,
        Optional<KeepWithin> within) {

    /** The empty rule set: keeps everything. */
    public static final KeepRules NONE = new KeepRules(0, 0, 0, 0, 0, 0, Optional.empty());

    public KeepRules {
        requireCount(last, "keepLast");
        requireCount(hourly, "keepHourly");
        requireCount(daily, "keepDaily");
        requireCount(weekly, "keepWeekly");
        requireCount(monthly, "keepMonthly");
        requireCount(yearly, "keepYearly");
        Objects.requireNonNull(within, "within");
    }

    public static KeepRules none() {
        return NONE;
    }

    /** True when no rule is set: the kind keeps all its snapshots. */
    public boolean isEmpty() {
        return last == 0 && hourly == 0 && daily == 0 && weekly == 0 && monthly == 0 && yearly == 0
                && within.isEmpty();
    }

    public int count(BucketRule rule) {
        return switch (rule) {
            case LAST -> last;
            case HOURLY -> hourly;
            case DAILY -> daily;
            case WEEKLY -> weekly;
            case MONTHLY -> monthly;
            case YEARLY -> yearly;
        };
    }

    /** A copy with one counted rule changed. */
    public KeepRules with(BucketRule rule, int count) {
        return new KeepRules(
                rule == BucketRule.LAST ? count : last,
                rule == BucketRule.HOURLY ? count : hourly,
                rule == BucketRule.DAILY ? count : daily,
                rule == BucketRule.WEEKLY ? count : weekly,
                rule == BucketRule.MONTHLY ? count : monthly,
                rule == BucketRule.YEARLY ? count : yearly,
                within);
    }

    public KeepRules withLast(int count) {
        return with(BucketRule.LAST, count);
    }

    public KeepRules withHourly(int count) {
        return with(BucketRule.HOURLY, count);
    }

    public KeepRules withDaily(int count) {
        return with(BucketRule.DAILY, count);
    }

    public KeepRules withWeekly(int count) {
        return with(BucketRule.WEEKLY, count);
    }

    public KeepRules withMonthly(int count) {
        return with(BucketRule.MONTHLY, count);
    }

    public KeepRules withYearly(int count) {
        return with(BucketRule.YEARLY, count);
    }

    public KeepRules withWithin(KeepWithin period) {
        return new KeepRules(last, hourly, daily, weekly, monthly, yearly, Optional.of(period));
    }

    /** A readable summary for logs and reports, e.g. {@code keepDaily=7 keepWithin=P14D}. */
    @Override
    public String toString() {
        if (isEmpty()) {
            return "no rules (keeps everything)";
        }
        StringBuilder s = new StringBuilder();
        for (BucketRule rule : BucketRule.values()) {
            if (count(rule) > 0) {
                String name = rule.label();
                s.append(s.length() == 0 ? "" : " ").append("keep")
                        .append(Character.toUpperCase(name.charAt(0))).append(name.substring(1))
                        .append('=').append(count(rule));
            }
        }
        within.ifPresent(w -> s.append(s.length() == 0 ? "" : " ").append("keepWithin=").append(w));
        return s.toString();
    }

    private static void requireCount(int count, String name) {
        if (count < 0) {
            throw new IllegalArgumentException(name + " must be zero or more, got " + count);
        }
    }
}
