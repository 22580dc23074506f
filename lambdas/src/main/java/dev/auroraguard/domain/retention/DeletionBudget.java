package dev.auroraguard.domain.retention;

/**
 * The most snapshots one cleanup run may delete. A small budget bounds the damage of a wrong policy
 * to a few snapshots per run, leaving time to notice; the rest waits for the next run.
 *
 * @param maxDeletions zero or more; {@link Integer#MAX_VALUE} means unlimited
 */
public record DeletionBudget(int maxDeletions) {

    /** The default: a handful per run; a daily run still works off a full 100-snapshot quota in days. */
    public static final DeletionBudget DEFAULT = new DeletionBudget(10);

    public DeletionBudget {
        if (maxDeletions < 0) {
            throw new IllegalArgumentException("the deletion budget must be zero or more, got " + maxDeletions);
        }
    }

    public static DeletionBudget of(int maxDeletions) {
        return new DeletionBudget(maxDeletions);
    }

    public static DeletionBudget unlimited() {
        return new DeletionBudget(Integer.MAX_VALUE);
    }

    public boolean isUnlimited() {
        return maxDeletions == Integer.MAX_VALUE;
    }

    @Override
    public String toString() {
        return isUnlimited() ? "unlimited" : maxDeletions + " per run";
    }
}
