package dev.auroraguard.infra;

import dev.auroraguard.domain.ScheduledSlot;
import dev.auroraguard.domain.SnapshotKind;
import dev.auroraguard.domain.SnapshotNamer;
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
