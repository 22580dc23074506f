package dev.auroraguard.domain;

/**
 * How much of an RDS account quota is used, as DescribeAccountAttributes reports it.
 *
 * @param name the quota name, e.g. {@code ManualClusterSnapshots}
 * @param used the amount used
 * @param max  the quota (greater than zero)
 */
public record QuotaUsage(String name, long used, long max) {

    public static final String MANUAL_CLUSTER_SNAPSHOTS = "ManualClusterSnapshots";

    public QuotaUsage {
        if (max <= 0) {
            throw new IllegalArgumentException("quota " + name + " has no positive maximum: " + max);
        }
        if (used < 0) {
            throw new IllegalArgumentException("quota " + name + " reports negative usage: " + used);
        }
    }

    /** The used share of the quota, 0.0 to 1.0 (or above, if the account is over quota). */
    public double share() {
        return (double) used / max;
    }

    /** Whether usage is at or above {@code warningShare} of the quota. */
    public boolean reaches(double warningShare) {
        // Compared in whole units so that 80 of 100 reaches 0.8 exactly, without floating-point surprises.
        return used * 1_000_000L >= Math.round(warningShare * 1_000_000L) * max;
    }
}
