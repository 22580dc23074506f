package dev.auroraguard.port;

import dev.auroraguard.domain.retention.SnapshotDeletion;

/** Deletes manual DB cluster snapshots (RDS DeleteDBClusterSnapshot). Throws {@link ServiceCallException} when RDS cannot answer. */
public interface SnapshotDeleter {

    /** Deletes one snapshot; "already gone" and "not in a deletable state" are answers, not exceptions. */
    SnapshotDeletion delete(String snapshotId);
}
