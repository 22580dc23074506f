package dev.auroraguard.infra;

import dev.auroraguard.domain.ScheduledSlot;
import dev.auroraguard.domain.SnapshotKind;
import dev.auroraguard.domain.SnapshotNamer;
import dev.auroraguard.domain.restore.RestoreNamer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;

/**
 * The RDS ARNs aurora-guard's roles name, in the stack's partition, region and account. Snapshot ARNs
 * follow {@link SnapshotNamer}'s scheme {@code <cluster part>-<kind>-<yyyyMMdd>-<HHmm>}, so a role can be
 * limited to the snapshots aurora-guard names (and, with tag conditions, to those it tagged).
 */
final class RdsArns {

    private static final String SERVICE = "rds";
    private static final String CLUSTER = "cluster";
    private static final String CLUSTER_SNAPSHOT = "cluster-snapshot";

    /** What every identifier RestoreNamer gives a restored cluster (and its instances) contains. */
    private static final List<String> RESTORE_PATTERNS = List.of("*-pitr-*", "*-snap-*");

    private final Stack stack;

    RdsArns(Stack stack) {
        this.stack = stack;
    }

    IamResource cluster(String clusterId) {
        return arn(CLUSTER, clusterId);
    }

    List<IamResource> clusters(Collection<String> clusterIds) {
        return clusterIds.stream().map(this::cluster).toList();
    }

    /** Every cluster of the account in the region. */
    IamResource anyCluster() {
        return arn(CLUSTER, "*");
    }

    /** Every cluster snapshot of the account in the region. */
    IamResource anySnapshot() {
        return arn(CLUSTER_SNAPSHOT, "*");
    }

    /**
     * The snapshots aurora-guard names for {@code kind}: of the listed clusters only, or of any cluster
     * when {@code clusterIds} is empty (clusters selected by tag are not known at synth time).
     */
    List<IamResource> snapshotsOf(SnapshotKind kind, Collection<String> clusterIds) {
        if (clusterIds.isEmpty()) {
            return List.of(arn(CLUSTER_SNAPSHOT, "*-" + kind.word() + "-*"));
        }
        return clusterIds.stream().map(id -> arn(CLUSTER_SNAPSHOT, identifierPrefix(id, kind) + "*")).toList();
    }

    /** Every instance of the account in the region. */
    IamResource anyInstance() {
        return arn("db", "*");
    }

    /** Every DB subnet group: a restore names the source's (RDS authorizes it as a resource of the call). */
    IamResource anySubnetGroup() {
        return arn("subgrp", "*");
    }

    /** Every DB cluster parameter group: a restore names the source's. */
    IamResource anyClusterParameterGroup() {
        return arn("cluster-pg", "*");
    }

    /** Every DB parameter group: a restored instance names its source instance's. */
    IamResource anyParameterGroup() {
        return arn("pg", "*");
    }

    /** Clusters named by {@link RestoreNamer}: {@code <source>-pitr-<time>} and {@code <source>-snap-<time>}. */
    List<IamResource> restoredClusters() {
        return RESTORE_PATTERNS.stream().map(p -> arn(CLUSTER, p)).toList();
    }

    /** Instances of restored clusters ({@code <restored cluster>-<n>}). */
    List<IamResource> restoredInstances() {
        return RESTORE_PATTERNS.stream().map(p -> arn("db", p)).toList();
    }

    /** The snapshots aurora-guard names, of every kind and any cluster. */
    List<IamResource> snapshotsOfEveryKind() {
        return Arrays.stream(SnapshotKind.values()).flatMap(kind -> snapshotsOf(kind, List.of()).stream()).toList();
    }

    /**
     * What every identifier {@link SnapshotNamer} gives a cluster's snapshots of {@code kind} starts with:
     * the identifier for any slot without the slot's {@code yyyyMMdd-HHmm} (long cluster names are
     * shortened by the namer, so the prefix is not simply the cluster identifier).
     */
    static String identifierPrefix(String clusterId, SnapshotKind kind) {
        if (kind == SnapshotKind.PRE_DEPLOY) {
            // <cluster part>-pre-deploy-<request digest>: the cluster part has its own budget.
            String identifier = SnapshotNamer.preDeploySnapshotId(clusterId, "any request");
            return identifier.substring(0, identifier.length() - SnapshotNamer.requestDigest("any request").length());
        }
        ScheduledSlot slot = ScheduledSlot.containing(Instant.EPOCH);
        String identifier = SnapshotNamer.snapshotId(clusterId, kind, slot);
        String suffix = slot.compact();
        if (!identifier.endsWith(suffix)) {
            throw new IllegalStateException("SnapshotNamer no longer ends identifiers with the slot: " + identifier);
        }
        return identifier.substring(0, identifier.length() - suffix.length());
    }

    private IamResource arn(String resourceType, String resourceName) {
        String value = stack.formatArn(ArnComponents.builder()
                .service(SERVICE)
                .resource(resourceType)
                .resourceName(resourceName)
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
        return IamResource.arn(value, SERVICE, resourceType, resourceName);
    }
}
