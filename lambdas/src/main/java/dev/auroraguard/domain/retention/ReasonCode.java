package dev.auroraguard.domain.retention;

/** Why a snapshot is kept or deleted, as a stable code for logs, events and tests. */
public enum ReasonCode {

    /** Among the newest {@code keepLast}. */
    LAST(Source.POLICY),
    /** Newest of one of the newest {@code keepHourly} hourly buckets. */
    HOURLY(Source.POLICY),
    DAILY(Source.POLICY),
    WEEKLY(Source.POLICY),
    MONTHLY(Source.POLICY),
    YEARLY(Source.POLICY),
    /** The group's oldest snapshot, kept because a bucket rule had fewer buckets than it asks for. */
    OLDEST(Source.POLICY),
    /** Created within {@code keepWithin} of the group's newest snapshot. */
    WITHIN(Source.POLICY),

    /** A managed snapshot without a kind tag: no rules apply to it, so it is kept. */
    NO_KIND(Source.NO_POLICY),
    /** The policy has no rules for the snapshot's kind (or only empty ones): kept. */
    NO_RULES(Source.NO_POLICY),

    UNMANAGED(Source.SAFETY),
    NOT_MANUAL(Source.SAFETY),
    NOT_AVAILABLE(Source.SAFETY),
    RETAINED(Source.SAFETY),
    CREATED_AFTER_NOW(Source.SAFETY),
    NEWEST_OF_CLUSTER(Source.SAFETY),
    LISTING_INCOMPLETE(Source.SAFETY),
    BUDGET_EXHAUSTED(Source.SAFETY),

    /** The only reason to delete: no rule keeps the snapshot and no safety rule protects it. */
    OUTSIDE_ALL_RULES(Source.POLICY);

    /** Where a reason comes from. */
    public enum Source {
        /** The kind's keep rules. */
        POLICY,
        /** No rules apply to the snapshot. */
        NO_POLICY,
        /** A hard safety rule that overrides every policy. */
        SAFETY
    }

    private final Source source;

    ReasonCode(Source source) {
        this.source = source;
    }

    public Source source() {
        return source;
    }

    public boolean keeps() {
        return this != OUTSIDE_ALL_RULES;
    }
}
