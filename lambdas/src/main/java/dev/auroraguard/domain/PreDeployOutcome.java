package dev.auroraguard.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Where one pre-deploy request stands after one look at RDS: the unit of the function's result, its log
 * lines, its outcome events and its answer to CodePipeline.
 *
 * @param clusterArn     the cluster's ARN, when RDS described the cluster
 * @param snapshot       the snapshot as RDS last described it, when it exists
 * @param alreadyExisted the snapshot was created by an earlier delivery of the same request
 * @param retryable      a later attempt may succeed without anyone changing anything
 */
public record PreDeployOutcome(Status status, Reason reason, String message, String clusterId, Optional<String> clusterArn,
                               String snapshotId, Optional<Snapshot> snapshot, boolean alreadyExisted, boolean retryable) {

    public PreDeployOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(clusterArn, "clusterArn");
        Objects.requireNonNull(snapshot, "snapshot");
    }

    /** A failure that has no snapshot to show. */
    public static PreDeployOutcome failure(PreDeployRequest request, Optional<String> clusterArn, Reason reason, String message,
                                           boolean retryable) {
        return new PreDeployOutcome(Status.FAILED, reason, message, request.clusterId(), clusterArn, request.snapshotId(),
                Optional.empty(), false, retryable);
    }

    /** Nothing happened yet and nothing is wrong for good: look again later. */
    public static PreDeployOutcome waiting(PreDeployRequest request, Optional<String> clusterArn, Reason reason, String message) {
        return new PreDeployOutcome(Status.WAITING, reason, message, request.clusterId(), clusterArn, request.snapshotId(),
                Optional.empty(), false, true);
    }

    /** Whether the request is still under way (the snapshot is being created, or will be started). */
    public boolean isPending() {
        return status == Status.CREATING || status == Status.WAITING;
    }

    public enum Status {
        /** The snapshot exists and is being created. */
        CREATING("creating"),
        /** Not started yet: the cluster is busy, or RDS did not answer. */
        WAITING("waiting"),
        /** The snapshot is available: a complete rollback point. */
        AVAILABLE("available"),
        /** The request failed; it will not complete without a new attempt. */
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

    /** Stable, documented reason codes. */
    public enum Reason {
        CREATED("created"),
        ALREADY_EXISTS("already-exists"),
        CREATING("creating"),
        AVAILABLE("available"),
        CLUSTER_BUSY("cluster-busy"),
        INVALID_REQUEST("invalid-request"),
        CLUSTER_NOT_FOUND("cluster-not-found"),
        CLUSTER_NOT_AVAILABLE("cluster-not-available"),
        QUOTA_EXCEEDED("quota-exceeded"),
        IDENTIFIER_CONFLICT("identifier-conflict"),
        SNAPSHOT_FAILED("snapshot-failed"),
        SNAPSHOT_MISSING("snapshot-missing"),
        WAIT_LIMIT_REACHED("wait-limit-reached"),
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
