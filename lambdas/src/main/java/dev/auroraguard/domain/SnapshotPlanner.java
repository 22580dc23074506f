package dev.auroraguard.domain;

import dev.auroraguard.domain.ClusterOutcome.Reason;
import dev.auroraguard.domain.ClusterOutcome.Status;
import dev.auroraguard.domain.TagScheme.NewSnapshotTags;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, before any call to RDS, what each selected cluster's snapshot for the slot is (identifier,
 * tags), and settles the clusters that need no call (a listed cluster that does not exist).
 */
public final class SnapshotPlanner {

    private final SnapshotKind kind;
    private final UnavailableClusterPolicy unavailablePolicy;
    private final boolean copyClusterTags;

    /**
     * @param copyClusterTags copy every cluster's own tags to its snapshots; clusters with
     *                        CopyTagsToSnapshot on get theirs copied regardless, because RDS skips its
     *                        own copying when the create call sets tags, as ours always does
     */
    public SnapshotPlanner(SnapshotKind kind, UnavailableClusterPolicy unavailablePolicy, boolean copyClusterTags) {
        this.kind = kind;
        this.unavailablePolicy = unavailablePolicy;
        this.copyClusterTags = copyClusterTags;
    }

    /**
     * The snapshot {@code cluster} gets for the trigger's slot. A cluster that is not available still gets
     * a plan: whether that is a failure, a skip or (when our snapshot for the slot already exists, e.g.
     * the cluster is {@code backing-up} because of it) a success, is decided once RDS has been asked.
     */
    public SnapshotPlan plan(Cluster cluster, SnapshotTrigger trigger) {
        String snapshotId = SnapshotNamer.snapshotId(cluster.id(), kind, trigger.slot());
        boolean copy = copyClusterTags || cluster.copyTagsToSnapshot();
        NewSnapshotTags tags = TagScheme.forNewSnapshot(kind, trigger.reference(), trigger.slot(),
                copy ? cluster.tags() : Map.of());
        return new SnapshotPlan(cluster, snapshotId, tags);
    }

    /** A listed cluster RDS does not know: reported, and retrying will not make it appear. */
    public ClusterOutcome missing(String clusterId, SnapshotTrigger trigger) {
        String snapshotId = SnapshotNamer.snapshotId(clusterId, kind, trigger.slot());
        return new ClusterOutcome(clusterId, Optional.empty(), snapshotId, Optional.empty(), Optional.empty(),
                Status.FAILED, Reason.CLUSTER_NOT_FOUND,
                "cluster '" + clusterId + "' is listed for snapshots but does not exist in this account and region",
                false, false, Optional.empty(), List.of());
    }

    /** An unavailable cluster, settled by the configured policy. */
    public ClusterOutcome unavailable(String clusterId, Optional<String> clusterArn, String snapshotId, String message) {
        boolean skip = unavailablePolicy == UnavailableClusterPolicy.SKIP;
        return new ClusterOutcome(clusterId, clusterArn, snapshotId, Optional.empty(), Optional.empty(),
                skip ? Status.SKIPPED : Status.FAILED, Reason.CLUSTER_NOT_AVAILABLE, message,
                !skip, false, Optional.empty(), List.of());
    }

    public SnapshotKind kind() {
        return kind;
    }

    /** Create the snapshot {@code snapshotId} of {@code cluster} with {@code tags}. */
    public record SnapshotPlan(Cluster cluster, String snapshotId, NewSnapshotTags tags) {
    }
}
