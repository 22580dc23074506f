package dev.auroraguard.domain.retention;

/**
 * What RDS answered to a delete-snapshot request, for the answers the cleanup run treats as outcomes
 * rather than errors. (Throttling, 5xx, transport errors the SDK could not retry away and refusals such
 * as AccessDenied arrive as exceptions instead.)
 */
public sealed interface SnapshotDeletion {

    /** RDS accepted the request; the snapshot is being deleted. */
    record Deleted() implements SnapshotDeletion {
    }

    /**
     * DBClusterSnapshotNotFound: the snapshot is already gone (someone else deleted it, or an earlier
     * attempt of the same request did): the goal is reached, so it counts as deleted.
     */
    record AlreadyGone(String message) implements SnapshotDeletion {
    }

    /**
     * InvalidDBClusterSnapshotState: the snapshot is not in a state that allows deletion (it changed
     * since it was listed). Skipped and reported; the next run plans it again.
     */
    record InvalidState(String message) implements SnapshotDeletion {
    }
}
