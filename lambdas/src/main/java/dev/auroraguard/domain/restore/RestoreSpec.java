package dev.auroraguard.domain.restore;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Exactly what the restore call asks RDS for: the new cluster, what it restores, and every setting copied
 * from the source (subnet group, VPC security groups, cluster parameter group, KMS key, port, IAM database
 * authentication, Serverless v2 scaling, CloudWatch log exports, copy-tags-to-snapshot) with deletion
 * protection on.
 *
 * @param restoreToTime set for a point-in-time full copy (also for "latest", resolved when validated)
 * @param useLatest     set for a copy-on-write clone (RDS clones only the latest state)
 * @param snapshotId    set for a restore from a snapshot
 * @param engineVersion the source's engine version, for a restore from a snapshot (a point-in-time restore keeps the source's)
 */
public record RestoreSpec(String targetCluster, String sourceCluster, Optional<Instant> restoreToTime, boolean useLatest,
                          Optional<String> snapshotId, RestoreType restoreType, String engine, Optional<String> engineVersion, int port,
                          Optional<String> subnetGroup, List<String> vpcSecurityGroupIds, Optional<String> clusterParameterGroup,
                          Optional<String> kmsKeyId, boolean iamDatabaseAuthentication,
                          Optional<ClusterDetails.ServerlessV2Scaling> serverlessV2, List<String> cloudwatchLogsExports,
                          boolean copyTagsToSnapshot, boolean deletionProtection, Map<String, String> tags) {

    public RestoreSpec {
        Objects.requireNonNull(targetCluster, "targetCluster");
        Objects.requireNonNull(sourceCluster, "sourceCluster");
        vpcSecurityGroupIds = List.copyOf(vpcSecurityGroupIds);
        cloudwatchLogsExports = List.copyOf(cloudwatchLogsExports);
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
        int points = (restoreToTime.isPresent() ? 1 : 0) + (useLatest ? 1 : 0) + (snapshotId.isPresent() ? 1 : 0);
        if (points != 1) {
            throw new IllegalArgumentException("a restore names exactly one of a time, the latest time or a snapshot");
        }
    }

    /** The restore of {@code source} into {@code target} as the request asks, settings copied from the source. */
    public static RestoreSpec of(RestoreRequest request, ClusterDetails source, String target, Instant restoreTime,
                                 Map<String, String> tags) {
        Optional<Instant> toTime = Optional.empty();
        boolean useLatest = false;
        Optional<String> snapshot = Optional.empty();
        if (request.point() instanceof RestorePoint.FromSnapshot fromSnapshot) {
            snapshot = Optional.of(fromSnapshot.snapshotId());
        } else if (request.restoreType() == RestoreType.COPY_ON_WRITE) {
            useLatest = true;
        } else {
            toTime = Optional.of(restoreTime);
        }
        return new RestoreSpec(target, source.id(), toTime, useLatest, snapshot, request.restoreType(), source.engine(),
                snapshot.isPresent() ? Optional.ofNullable(source.engineVersion()) : Optional.empty(), source.port(),
                source.subnetGroup(), source.vpcSecurityGroupIds(), source.clusterParameterGroup(),
                source.storageEncrypted() ? source.kmsKeyId() : Optional.empty(), source.iamDatabaseAuthentication(),
                source.serverlessV2(), source.cloudwatchLogsExports(), source.copyTagsToSnapshot(), true, tags);
    }
}
