package dev.auroraguard.port;

import dev.auroraguard.domain.Snapshot;
import dev.auroraguard.domain.SnapshotCreation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creates, reads and tags manual DB cluster snapshots. Throws {@link ServiceCallException} when RDS cannot answer. */
public interface ClusterSnapshots {

    /** CreateDBClusterSnapshot with {@code tags} set in the same call. */
    SnapshotCreation create(String clusterId, String snapshotId, Map<String, String> tags);

    /** The snapshot with this identifier, or empty if there is none. */
    Optional<Snapshot> describe(String snapshotId);

    /** Manual cluster snapshots created at or after {@code since} (those with no create time yet included). */
    List<Snapshot> listManual(Instant since);

    /** Adds (or overwrites) tags on an existing snapshot. */
    void addTags(String snapshotArn, Map<String, String> tags);
}
