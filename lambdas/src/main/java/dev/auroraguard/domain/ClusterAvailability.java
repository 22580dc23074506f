package dev.auroraguard.domain;

import java.util.Set;

/**
 * Whether a cluster that is not {@code available} becomes available by itself (a backup, a modification,
 * maintenance: worth waiting for) or only when a person acts (stopped, failed, lost its KMS key: report at
 * once). A status this class does not know counts as settling, so waiting stays bounded by the caller's limit.
 */
public enum ClusterAvailability {

    AVAILABLE,
    /** Busy for a while; RDS will make it available again. */
    SETTLING,
    /** Stays unavailable until someone acts. */
    BLOCKED;

    /** DB cluster statuses that do not resolve on their own. */
    static final Set<String> BLOCKED_STATUSES = Set.of("stopped", "stopping", "failed", "deleting",
            "inaccessible-encryption-credentials", "inaccessible-encryption-credentials-recoverable", "incompatible-network",
            "incompatible-parameters", "incompatible-restore", "cloning-failed", "migration-failed", "insufficient-capacity");

    public static ClusterAvailability of(String clusterStatus) {
        if (Cluster.AVAILABLE.equals(clusterStatus)) {
            return AVAILABLE;
        }
        return BLOCKED_STATUSES.contains(clusterStatus) ? BLOCKED : SETTLING;
    }
}
