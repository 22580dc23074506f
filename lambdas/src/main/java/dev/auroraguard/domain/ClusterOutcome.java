package dev.auroraguard.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one cluster in one run: the unit of the run's result, its log lines and its
 * outcome events.
 *
 * @param clusterId      the cluster
 * @param clusterArn     its ARN, when RDS described it
 * @param snapshotId     the snapshot identifier for this cluster and slot (known even when nothing was created)
 * @param snapshotArn    the snapshot's ARN, when a snapshot exists
 * @param snapshotStatus the snapshot's status, when a snapshot exists
 * @param status         started, skipped or failed
 * @param reason         the machine-readable reason
 * @param message        a sentence for a human at 3 a.m.
 * @param retryable      whether retrying the invocation can fix it (only for failures)
 * @param alreadyExisted true when the snapshot was already ours (a retried or duplicated trigger)
 * @param quota          the manual cluster snapshot quota, when relevant (quota exceeded)
 * @param droppedTagKeys cluster tags that could not be copied under the 50-tag limit
 */
public record ClusterOutcome(String clusterId, Optional<String> clusterArn, String snapshotId,
                             Optional<String> snapshotArn, Optional<String> snapshotStatus, Status status,
                             Reason reason, String message, boolean retryable, boolean alreadyExisted,
                             Optional<QuotaUsage> quota, List<String> droppedTagKeys) {

    public ClusterOutcome {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        if (retryable && status != Status.FAILED) {
            throw new IllegalArgumentException("only a failure can be retryable");
        }
        droppedTagKeys = List.copyOf(droppedTagKeys);
    }

    public enum Status {
        STARTED("started"),
        SKIPPED("skipped"),
        FAILED("failed");

        private final String word;

        Status(String word) {
            this.word = word;
        }

        @Override
        public String toString() {
            return word;
        }
    }

    /** Stable, documented reason codes; consumers of the outcome events match on them. */
    public enum Reason {
        CREATED("created"),
        ALREADY_EXISTS("already-exists"),
        CLUSTER_NOT_AVAILABLE("cluster-not-available"),
        CLUSTER_NOT_FOUND("cluster-not-found"),
        QUOTA_EXCEEDED("quota-exceeded"),
        IDENTIFIER_CONFLICT("identifier-conflict"),
        AWS_ERROR("aws-error"),
        INTERNAL_ERROR("internal-error");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        @Override
        public String toString() {
            return code;
        }
    }
}
