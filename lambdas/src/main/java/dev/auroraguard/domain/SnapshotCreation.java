package dev.auroraguard.domain;

import java.util.Optional;

/**
 * What RDS answered to a create-snapshot request, for the answers the run treats as outcomes rather
 * than errors. (Throttling, 5xx and transport errors the SDK could not retry away arrive as
 * exceptions instead.)
 */
public sealed interface SnapshotCreation {

    /** RDS accepted the request; the snapshot is {@code creating}. */
    record Created(Snapshot snapshot) implements SnapshotCreation {
    }

    /** DBClusterSnapshotAlreadyExists: a snapshot with this identifier exists (whose, the caller checks). */
    record AlreadyExists(String message) implements SnapshotCreation {
    }

    /** DBClusterNotFoundFault: the cluster vanished since it was described. */
    record ClusterNotFound(String message) implements SnapshotCreation {
    }

    /** InvalidDBClusterStateFault: the cluster is not in a state that allows a snapshot. */
    record ClusterNotAvailable(String message) implements SnapshotCreation {
    }

    /** SnapshotQuotaExceeded: the account's manual cluster snapshot quota is used up. */
    record QuotaExceeded(String message, Optional<QuotaUsage> quota) implements SnapshotCreation {
    }
}
