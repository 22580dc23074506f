package dev.auroraguard.domain.retention;

import dev.auroraguard.domain.TagScheme;
import java.time.Instant;
import java.util.Objects;

/**
 * One reason of a decision: a stable code and the sentence operators read, e.g.
 * {@code kept: daily 2026-11-24} or {@code deleted: outside all rules}. Texts are built only by the
 * factories here so the vocabulary stays fixed.
 */
public record Reason(ReasonCode code, String text) {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }

    static Reason last(int position, int count) {
        return new Reason(ReasonCode.LAST, "kept: last " + position + " of " + count);
    }

    static Reason bucket(BucketRule rule, String bucket) {
        return new Reason(ReasonCode.valueOf(rule.name()), "kept: " + rule.label() + " " + bucket);
    }

    static Reason oldest(BucketRule rule, String bucket, int count) {
        return new Reason(ReasonCode.OLDEST, "kept: oldest " + rule.label() + " " + bucket
                + " (fewer than " + count + " " + rule.label() + " buckets)");
    }

    static Reason within(KeepWithin period, Instant newest) {
        return new Reason(ReasonCode.WITHIN, "kept: within " + period + " of newest " + newest);
    }

    static Reason withinWithoutReference(KeepWithin period) {
        return new Reason(ReasonCode.WITHIN, "kept: within " + period + " (no snapshot created before now)");
    }

    static Reason noKind() {
        return new Reason(ReasonCode.NO_KIND, "kept: no " + TagScheme.KIND + " tag");
    }

    static Reason noRules(String kind) {
        return new Reason(ReasonCode.NO_RULES, "kept: no rules for kind " + kind);
    }

    static Reason unmanaged() {
        return new Reason(ReasonCode.UNMANAGED, "kept: unmanaged (no " + TagScheme.MANAGED + "=true tag)");
    }

    static Reason notManual(String type) {
        return new Reason(ReasonCode.NOT_MANUAL,
                "kept: snapshot type " + type + " (only manual snapshots are deleted)");
    }

    static Reason notAvailable(String status) {
        return new Reason(ReasonCode.NOT_AVAILABLE,
                "kept: status " + status + " (only available snapshots are deleted)");
    }

    static Reason retained(String value) {
        return new Reason(ReasonCode.RETAINED, "kept: retained (" + TagScheme.RETAIN + "=" + value + ")");
    }

    static Reason createdAfterNow(Instant now) {
        return new Reason(ReasonCode.CREATED_AFTER_NOW, "kept: created after now (" + now + ")");
    }

    static Reason newestOfCluster(String cluster) {
        return new Reason(ReasonCode.NEWEST_OF_CLUSTER, "kept: newest managed snapshot of cluster " + cluster);
    }

    static Reason listingIncomplete() {
        return new Reason(ReasonCode.LISTING_INCOMPLETE, "kept: listing incomplete, nothing is deleted");
    }

    static Reason budgetExhausted(DeletionBudget budget) {
        return new Reason(ReasonCode.BUDGET_EXHAUSTED,
                "kept: deletion budget of " + budget + " used up, deferred to a later run");
    }

    static Reason outsideAllRules() {
        return new Reason(ReasonCode.OUTSIDE_ALL_RULES, "deleted: outside all rules");
    }

    @Override
    public String toString() {
        return text;
    }
}
