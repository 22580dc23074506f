package dev.auroraguard.port;

import dev.auroraguard.domain.Snapshot;
import dev.auroraguard.domain.restore.ClusterDetails;
import dev.auroraguard.domain.restore.DbInstance;
import dev.auroraguard.domain.restore.PlannedInstance;
import dev.auroraguard.domain.restore.RestoreSpec;
import dev.auroraguard.domain.restore.RestoredCluster;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the restore workflow does with RDS: read clusters, instances and snapshots; start a restore;
 * create a restored cluster's instances; tag a restored cluster. It has no operation that modifies,
 * stops or deletes a cluster, and tags only a {@link RestoredCluster}: the source cannot be touched.
 * Throws {@link ServiceCallException} when RDS cannot answer (after the SDK's retries).
 */
public interface ClusterRestores {

    Optional<ClusterDetails> describeCluster(String clusterId);

    /** Every DB cluster of the account and region (with their tags). */
    List<ClusterDetails> listClusters();

    /** The instances of {@code clusterId}. */
    List<DbInstance> instancesOf(String clusterId);

    Optional<DbInstance> describeInstance(String instanceId);

    Optional<Snapshot> describeSnapshot(String snapshotId);

    /** RestoreDBClusterToPointInTime or RestoreDBClusterFromSnapshot, tags in the call. */
    RestoreStart restore(RestoreSpec spec);

    /** CreateDBInstance of one planned instance in a restored cluster. */
    InstanceCreation createInstance(RestoredCluster cluster, PlannedInstance instance, Map<String, String> tags);

    /** Adds (or overwrites) tags on a restored cluster. */
    void tag(RestoredCluster cluster, Map<String, String> tags);

    /** What became of a restore call. */
    sealed interface RestoreStart {
    }

    record Started(ClusterDetails cluster) implements RestoreStart {
    }

    /** DBClusterAlreadyExists: the caller decides whether it is its own (a duplicate) or a conflict. */
    record ClusterAlreadyExists(String message) implements RestoreStart {
    }

    /** RDS refused the restore for a reason a retry does not change (InvalidRestore, quota, bad parameter, ...). */
    record RestoreRefused(String errorCode, String message) implements RestoreStart {
    }

    /** What became of one CreateDBInstance. */
    sealed interface InstanceCreation {
    }

    record InstanceCreated(DbInstance instance) implements InstanceCreation {
    }

    /** DBInstanceAlreadyExists: an earlier run (or a concurrent one) created it. */
    record InstanceAlreadyExists(String message) implements InstanceCreation {
    }

    /** InvalidDBClusterState: RDS does not take instances yet (the cluster is still creating or busy); try later. */
    record ClusterNotReady(String message) implements InstanceCreation {
    }

    /** RDS refused the instance for a reason a retry does not change. */
    record InstanceRefused(String errorCode, String message) implements InstanceCreation {
    }
}
