package dev.auroraguard.simulator.rds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** CreateDBClusterSnapshot, DescribeDBClusterSnapshots, DeleteDBClusterSnapshot, CopyDBClusterSnapshot. */
final class SnapshotOperations {

    private static final Set<String> SNAPSHOT_TYPES = Set.of("automated", "manual", "shared", "public", "awsbackup");
    private static final Set<String> SNAPSHOT_FILTERS = Set.of("db-cluster-id", "db-cluster-snapshot-id", "snapshot-type", "engine");

    private final RdsControlPlane plane;
    private final RdsShapes shapes;

    SnapshotOperations(RdsControlPlane plane, RdsShapes shapes) {
        this.plane = plane;
        this.shapes = shapes;
    }

    Map<String, Object> create(RdsInput in) {
        String identifier = RdsIdentifiers.valid("DBClusterSnapshotIdentifier", in.requiredString("DBClusterSnapshotIdentifier"));
        String clusterIdentifier = in.requiredString("DBClusterIdentifier");
        LinkedHashMap<String, String> tags = in.tags("Tags");
        RdsTags.checkCount(Map.of(), tags);
        ClusterRecord cluster = plane.requireCluster(clusterIdentifier);
        if (plane.state.snapshots.containsKey(identifier)) {
            throw plane.faults.snapshotAlreadyExists(identifier);
        }
        if (!cluster.status.equals("available")) {
            throw plane.faults.clusterNotAvailable(cluster.identifier, cluster.status);
        }
        plane.checkManualSnapshotQuota(1);

        Instant now = plane.now();
        SnapshotRecord snapshot = plane.snapshotOf(cluster, identifier, SnapshotRecord.MANUAL, now);
        // RDS copies the cluster's tags (CopyTagsToSnapshot) only when the request names no tags of its own.
        if (!tags.isEmpty()) {
            snapshot.tags = tags;
        } else if (cluster.copyTagsToSnapshot) {
            snapshot.tags.putAll(cluster.tags);
        }
        plane.state.snapshots.put(identifier, snapshot);
        cluster.status = "backing-up";
        cluster.backingUpSnapshot = identifier;
        plane.schedule(ScheduledTransition.Kind.SNAPSHOT_AVAILABLE, identifier, snapshot.completesAt);
        plane.emit(RdsEvent.MANUAL_SNAPSHOT_STARTED, now, plane.naming.snapshotArn(identifier), identifier, snapshot.tags);
        return Map.of("DBClusterSnapshot", shapes.snapshot(snapshot));
    }

    Map<String, Object> describe(RdsInput in) {
        int maxRecords = ResultPage.maxRecords(in);
        String snapshotType = in.string("SnapshotType").orElse(null);
        if (snapshotType != null && !SNAPSHOT_TYPES.contains(snapshotType)) {
            throw RdsFaults.invalidParameterValue("Invalid value " + snapshotType + " for SnapshotType. Valid values are "
                    + "automated, manual, shared, public and awsbackup.");
        }
        Predicate<SnapshotRecord> matches = listedFor(snapshotType, in.flag("IncludeShared"), in.flag("IncludePublic"));
        for (RdsInput.RequestFilter filter : in.filters("Filters")) {
            matches = matches.and(snapshotFilter(filter));
        }
        if (in.has("DBClusterIdentifier")) {
            String cluster = plane.ownIdentifier(in.requiredString("DBClusterIdentifier"), RdsArn.CLUSTER);
            matches = matches.and(s -> s.clusterIdentifier.equals(cluster));
        }
        if (in.has("DbClusterResourceId")) {
            String resourceId = in.requiredString("DbClusterResourceId");
            matches = matches.and(s -> resourceId.equals(s.clusterResourceId));
        }
        if (in.has("DBClusterSnapshotIdentifier")) {
            String requested = in.requiredString("DBClusterSnapshotIdentifier");
            SnapshotRecord named = plane.requireSnapshot(requested);
            matches = matches.and(s -> s == named);
        }
        List<SnapshotRecord> selected = plane.state.snapshots.values().stream().filter(matches).toList();
        ResultPage<SnapshotRecord> page = ResultPage.of(selected, s -> s.identifier, maxRecords, in.string("Marker").orElse(null));
        Map<String, Object> out = new LinkedHashMap<>();
        if (page.nextMarker() != null) {
            out.put("Marker", page.nextMarker());
        }
        out.put("DBClusterSnapshots", new ArrayList<Object>(page.records().stream().map(shapes::snapshot).toList()));
        return out;
    }

    /**
     * RDS's SnapshotType rules: without a type, the account's own snapshots (automated and manual), plus
     * shared ones with IncludeShared and public ones with IncludePublic; those two flags don't apply to
     * {@code manual} or {@code automated}, IncludePublic doesn't apply to {@code shared} and IncludeShared
     * doesn't apply to {@code public}.
     */
    private Predicate<SnapshotRecord> listedFor(String snapshotType, boolean includeShared, boolean includePublic) {
        Predicate<SnapshotRecord> own = s -> s.ownerAccount.equals(plane.accountId);
        Predicate<SnapshotRecord> shared = s -> !s.ownerAccount.equals(plane.accountId) && s.sharedWithThisAccount;
        Predicate<SnapshotRecord> publicOnes = s -> s.publicSnapshot;
        if (snapshotType == null) {
            Predicate<SnapshotRecord> listed = own;
            if (includeShared) {
                listed = listed.or(shared);
            }
            if (includePublic) {
                listed = listed.or(publicOnes);
            }
            return listed;
        }
        return switch (snapshotType) {
            case "manual" -> own.and(s -> SnapshotRecord.MANUAL.equals(s.snapshotType));
            case "automated" -> own.and(s -> SnapshotRecord.AUTOMATED.equals(s.snapshotType));
            case "awsbackup" -> own.and(s -> SnapshotRecord.AWS_BACKUP.equals(s.snapshotType));
            case "shared" -> shared;
            default -> publicOnes;
        };
    }

    private Predicate<SnapshotRecord> snapshotFilter(RdsInput.RequestFilter filter) {
        if (!SNAPSHOT_FILTERS.contains(filter.name())) {
            throw RdsFaults.invalidParameterValue("Unrecognized filter name: " + filter.name() + ".");
        }
        List<String> values = filter.values();
        return switch (filter.name()) {
            case "db-cluster-id" -> s -> values.stream().anyMatch(v -> plane.ownIdentifier(v, RdsArn.CLUSTER).equals(s.clusterIdentifier));
            case "db-cluster-snapshot-id" -> s -> values.stream().anyMatch(v -> v.equals(s.identifier)
                    || plane.ownIdentifier(v, RdsArn.CLUSTER_SNAPSHOT).equals(s.identifier));
            case "snapshot-type" -> s -> values.contains(typeAsListed(s));
            default -> s -> values.contains(s.engine);
        };
    }

    private String typeAsListed(SnapshotRecord s) {
        if (!s.ownerAccount.equals(plane.accountId)) {
            return s.publicSnapshot ? "public" : "shared";
        }
        return s.snapshotType;
    }

    Map<String, Object> delete(RdsInput in) {
        String requested = in.requiredString("DBClusterSnapshotIdentifier");
        SnapshotRecord snapshot = plane.findSnapshot(requested)
                .filter(s -> s.ownerAccount.equals(plane.accountId))
                .orElseThrow(() -> plane.faults.snapshotNotFound(requested));
        if (!SnapshotRecord.MANUAL.equals(snapshot.snapshotType)) {
            throw plane.faults.invalidSnapshotState("Only manual snapshots may be deleted.");
        }
        // Deleting a copy in progress cancels the copy; a snapshot still being created can't be deleted.
        if (!snapshot.status.equals("available") && !snapshot.status.equals("copying")) {
            throw plane.faults.invalidSnapshotState("Cannot delete DB cluster snapshot " + snapshot.identifier
                    + " because it is in " + snapshot.status + " state; it must be available.");
        }
        plane.state.snapshots.remove(snapshot.identifier);
        plane.cancel(snapshot.identifier, RdsControlPlane.SNAPSHOT_KINDS);
        Map<String, Object> rendered = shapes.snapshot(snapshot);
        rendered.put("Status", "deleted");
        return Map.of("DBClusterSnapshot", rendered);
    }

    Map<String, Object> copy(RdsInput in) {
        String sourceName = in.requiredString("SourceDBClusterSnapshotIdentifier");
        String target = RdsIdentifiers.valid("TargetDBClusterSnapshotIdentifier", in.requiredString("TargetDBClusterSnapshotIdentifier"));
        boolean copyTags = in.flag("CopyTags");
        LinkedHashMap<String, String> tags = in.tags("Tags");
        String kmsKeyId = in.string("KmsKeyId").orElse(null);
        SnapshotRecord source = plane.requireSnapshot(sourceName);
        if (!source.status.equals("available")) {
            throw plane.faults.invalidSnapshotState("DBClusterSnapshot " + source.identifier + " is not in available state (current state: "
                    + source.status + ").");
        }
        if (kmsKeyId != null && !source.storageEncrypted) {
            throw RdsFaults.invalidParameterValue("KmsKeyId can't be specified when copying an unencrypted DB cluster snapshot.");
        }
        if (plane.state.snapshots.containsKey(target)) {
            throw plane.faults.snapshotAlreadyExists(target);
        }
        LinkedHashMap<String, String> targetTags = new LinkedHashMap<>();
        if (copyTags) {
            targetTags.putAll(source.tags);
        }
        targetTags.putAll(tags);
        RdsTags.checkCount(Map.of(), targetTags);
        plane.checkManualSnapshotQuota(1);

        Instant now = plane.now();
        SnapshotRecord copy = new SnapshotRecord();
        copy.identifier = target;
        copy.ownerAccount = plane.accountId;
        copy.snapshotType = SnapshotRecord.MANUAL;
        copy.copy = true;
        copy.clusterIdentifier = source.clusterIdentifier;
        copy.clusterResourceId = source.clusterResourceId;
        copy.clusterCreateTime = source.clusterCreateTime;
        copy.engine = source.engine;
        copy.engineVersion = source.engineVersion;
        copy.engineMode = source.engineMode;
        copy.vpcId = source.vpcId;
        copy.masterUsername = source.masterUsername;
        copy.databaseName = source.databaseName;
        copy.storageEncrypted = source.storageEncrypted;
        copy.kmsKeyId = kmsKeyId != null ? plane.naming.kmsKeyArn(kmsKeyId) : source.kmsKeyId;
        copy.iamDatabaseAuthentication = source.iamDatabaseAuthentication;
        copy.availabilityZones = new ArrayList<>(source.availabilityZones);
        copy.storageType = source.storageType;
        copy.sourceSnapshotArn = shapes.arn(source);
        copy.tags = targetTags;
        copy.status = "copying";
        copy.createTime = now;
        copy.completesAt = now.plus(plane.timings.snapshotCreate());
        plane.state.snapshots.put(target, copy);
        plane.schedule(ScheduledTransition.Kind.SNAPSHOT_AVAILABLE, target, copy.completesAt);
        return Map.of("DBClusterSnapshot", shapes.snapshot(copy));
    }
}
