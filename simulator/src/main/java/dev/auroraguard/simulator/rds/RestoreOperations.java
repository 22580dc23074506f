package dev.auroraguard.simulator.rds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RestoreDBClusterToPointInTime and RestoreDBClusterFromSnapshot. As in Aurora, both restore the cluster
 * only: it is {@code creating}, then {@code available} with no DB instances until CreateDBInstance.
 */
final class RestoreOperations {

    static final String FULL_COPY = "full-copy";
    static final String COPY_ON_WRITE = "copy-on-write";

    private final RdsControlPlane plane;
    private final RdsShapes shapes;

    RestoreOperations(RdsControlPlane plane, RdsShapes shapes) {
        this.plane = plane;
        this.shapes = shapes;
    }

    Map<String, Object> toPointInTime(RdsInput in) {
        String identifier = RdsIdentifiers.valid("DBClusterIdentifier", in.requiredString("DBClusterIdentifier"));
        String sourceName = in.string("SourceDBClusterIdentifier").orElse(null);
        String sourceResourceId = in.string("SourceDbClusterResourceId").orElse(null);
        if (sourceName == null && sourceResourceId == null) {
            throw RdsFaults.invalidParameterCombination("Either SourceDBClusterIdentifier or SourceDbClusterResourceId must be specified.");
        }
        if (sourceName != null && sourceResourceId != null) {
            throw RdsFaults.invalidParameterCombination("SourceDBClusterIdentifier and SourceDbClusterResourceId can't both be specified.");
        }
        String restoreType = in.string("RestoreType").orElse(FULL_COPY);
        if (!restoreType.equals(FULL_COPY) && !restoreType.equals(COPY_ON_WRITE)) {
            throw RdsFaults.invalidParameterValue("Invalid RestoreType " + restoreType + ". Valid values are full-copy and copy-on-write.");
        }
        boolean useLatest = in.flag("UseLatestRestorableTime");
        Instant restoreToTime = in.timestamp("RestoreToTime").orElse(null);
        if (useLatest && restoreToTime != null) {
            throw RdsFaults.invalidParameterCombination("RestoreToTime can't be specified when UseLatestRestorableTime is enabled.");
        }
        if (!useLatest && restoreToTime == null) {
            throw RdsFaults.invalidParameterCombination("Either RestoreToTime or UseLatestRestorableTime must be specified.");
        }
        if (restoreToTime != null && restoreType.equals(COPY_ON_WRITE)) {
            throw RdsFaults.invalidParameterCombination("RestoreToTime can't be specified when RestoreType is copy-on-write.");
        }
        ClusterSettings settings = ClusterSettings.read(in);

        ClusterRecord source = sourceName != null
                ? plane.requireCluster(sourceName)
                : plane.state.clusters.values().stream().filter(c -> c.resourceId.equals(sourceResourceId)).findFirst()
                        .orElseThrow(() -> plane.faults.clusterNotFound(sourceResourceId));
        if (plane.state.clusters.containsKey(identifier)) {
            throw plane.faults.clusterAlreadyExists();
        }
        ClusterOperations.checkClusterQuota(plane);
        if (!source.everAvailable || source.status.equals("deleting")) {
            throw plane.faults.invalidClusterState("DBCluster " + source.identifier + " is in " + source.status
                    + " state and can't be restored to a point in time.");
        }
        if (settings.kmsKeyId != null && !source.storageEncrypted) {
            throw RdsFaults.invalidParameterCombination("KmsKeyId can't be specified when restoring an unencrypted DB cluster ("
                    + source.identifier + ").");
        }
        Instant now = plane.now();
        Instant earliest = plane.earliestRestorableTime(source, now);
        Instant latest = plane.latestRestorableTime(source, now);
        Instant restoredTo = useLatest ? latest : restoreToTime;
        if (restoredTo.isBefore(earliest) || restoredTo.isAfter(latest)) {
            throw plane.faults.invalidRestore("The requested point in time " + restoredTo + " is outside the restorable window of DB cluster "
                    + source.identifier + " [" + earliest + ", " + latest + "].");
        }

        ClusterRecord c = newCluster(identifier, settings, now);
        c.engine = source.engine;
        c.engineVersion = source.engineVersion;
        c.engineMode = source.engineMode;
        c.port = settings.port != null ? settings.port : source.port;
        c.masterUsername = source.masterUsername;
        c.databaseName = source.databaseName;
        c.parameterGroup = settings.parameterGroup != null ? settings.parameterGroup : source.parameterGroup;
        c.subnetGroup = settings.subnetGroup != null ? settings.subnetGroup : source.subnetGroup;
        c.vpcId = source.vpcId;
        c.vpcSecurityGroupIds = new ArrayList<>(settings.securityGroups.isEmpty() ? source.vpcSecurityGroupIds : settings.securityGroups);
        c.availabilityZones = new ArrayList<>(source.availabilityZones);
        c.storageEncrypted = source.storageEncrypted;
        c.kmsKeyId = settings.kmsKeyId != null ? plane.naming.kmsKeyArn(settings.kmsKeyId) : source.kmsKeyId;
        c.iamDatabaseAuthentication = settings.iamAuthentication != null ? settings.iamAuthentication : source.iamDatabaseAuthentication;
        c.backupRetentionPeriod = settings.retention != null ? settings.retention : source.backupRetentionPeriod;
        c.backupWindow = settings.backupWindow != null ? settings.backupWindow : source.backupWindow;
        c.backtrackWindow = settings.backtrackWindow != null ? settings.backtrackWindow : source.backtrackWindow;
        c.enabledCloudwatchLogsExports = new ArrayList<>(settings.logExports != null ? settings.logExports : source.enabledCloudwatchLogsExports);
        c.storageType = settings.storageType != null ? settings.storageType : source.storageType;
        // Serverless v2 scaling is taken from the request only; aurora-guard names the source's explicitly.
        settings.serverlessV2.ifPresent(scaling -> scaling.applyTo(c));
        c.restoredFromClusterArn = plane.naming.clusterArn(source.identifier);
        c.restoredToTime = restoredTo;
        c.restoreType = restoreType;
        if (restoreType.equals(COPY_ON_WRITE)) {
            if (source.cloneGroupId == null) {
                source.cloneGroupId = plane.naming.cloneGroupId(source.identifier, plane.nextResourceSequence());
            }
            c.cloneGroupId = source.cloneGroupId;
        }
        plane.state.clusters.put(identifier, c);
        plane.schedule(ScheduledTransition.Kind.CLUSTER_AVAILABLE, identifier, now.plus(plane.timings.clusterRestore()));
        return Map.of("DBCluster", shapes.cluster(c));
    }

    Map<String, Object> fromSnapshot(RdsInput in) {
        String identifier = RdsIdentifiers.valid("DBClusterIdentifier", in.requiredString("DBClusterIdentifier"));
        String snapshotName = in.requiredString("SnapshotIdentifier");
        AuroraEngine engine = AuroraEngine.of(in.requiredString("Engine"));
        ClusterSettings settings = ClusterSettings.read(in);
        SnapshotRecord snapshot = plane.requireSnapshot(snapshotName);
        if (!snapshot.engine.equals(engine.engineName)) {
            throw RdsFaults.invalidParameterCombination("The engine " + engine.engineName
                    + " doesn't match the engine of DB cluster snapshot " + snapshot.identifier + " (" + snapshot.engine + ").");
        }
        if (!snapshot.status.equals("available")) {
            throw plane.faults.invalidSnapshotState("DBClusterSnapshot " + snapshot.identifier + " is not in available state (current state: "
                    + snapshot.status + ").");
        }
        if (plane.state.clusters.containsKey(identifier)) {
            throw plane.faults.clusterAlreadyExists();
        }
        ClusterOperations.checkClusterQuota(plane);

        Instant now = plane.now();
        ClusterRecord c = newCluster(identifier, settings, now);
        c.engine = engine.engineName;
        c.engineVersion = in.string("EngineVersion").orElse(snapshot.engineVersion);
        c.engineMode = in.string("EngineMode").orElse(snapshot.engineMode);
        // A cluster snapshot has no port of its own: the restored cluster gets the engine's default.
        c.port = settings.port != null ? settings.port : engine.defaultPort;
        c.masterUsername = snapshot.masterUsername;
        c.databaseName = in.string("DatabaseName").orElse(snapshot.databaseName);
        c.parameterGroup = settings.parameterGroup != null ? settings.parameterGroup : engine.defaultParameterGroup(c.engineVersion);
        c.subnetGroup = settings.subnetGroup != null ? settings.subnetGroup : "default";
        c.vpcId = snapshot.vpcId != null ? snapshot.vpcId : plane.naming.defaultVpcId();
        c.vpcSecurityGroupIds = new ArrayList<>(settings.securityGroups.isEmpty()
                ? List.of(plane.naming.defaultSecurityGroupId()) : settings.securityGroups);
        List<String> zones = in.strings("AvailabilityZones");
        c.availabilityZones = new ArrayList<>(zones.isEmpty() ? plane.naming.availabilityZones() : zones);
        c.storageEncrypted = snapshot.storageEncrypted || settings.kmsKeyId != null;
        c.kmsKeyId = settings.kmsKeyId != null ? plane.naming.kmsKeyArn(settings.kmsKeyId) : snapshot.kmsKeyId;
        c.iamDatabaseAuthentication = settings.iamAuthentication != null ? settings.iamAuthentication : snapshot.iamDatabaseAuthentication;
        c.backupRetentionPeriod = settings.retention != null ? settings.retention : 1;
        c.backupWindow = settings.backupWindow != null ? settings.backupWindow : plane.naming.defaultBackupWindow(identifier);
        c.backtrackWindow = settings.backtrackWindow;
        c.enabledCloudwatchLogsExports = new ArrayList<>(settings.logExports != null ? settings.logExports : List.of());
        c.storageType = settings.storageType != null ? settings.storageType : snapshot.storageType;
        settings.serverlessV2.ifPresent(scaling -> scaling.applyTo(c));
        c.restoredFromSnapshotArn = shapes.arn(snapshot);
        plane.state.clusters.put(identifier, c);
        plane.schedule(ScheduledTransition.Kind.CLUSTER_AVAILABLE, identifier, now.plus(plane.timings.clusterRestore()));
        return Map.of("DBCluster", shapes.cluster(c));
    }

    private ClusterRecord newCluster(String identifier, ClusterSettings settings, Instant now) {
        ClusterRecord c = new ClusterRecord();
        c.identifier = identifier;
        c.resourceId = plane.naming.clusterResourceId(identifier, plane.nextResourceSequence());
        c.maintenanceWindow = plane.naming.defaultMaintenanceWindow(identifier);
        c.deletionProtection = settings.deletionProtection;
        c.copyTagsToSnapshot = settings.copyTagsToSnapshot;
        c.networkType = settings.networkType != null ? settings.networkType : "IPV4";
        c.tags = settings.tags;
        c.status = "creating";
        c.createTime = now;
        return c;
    }

    /** The settings both restores accept; absent ones are null (or empty) so the caller picks RDS's default. */
    private static final class ClusterSettings {
        Integer port;
        Integer retention;
        String backupWindow;
        String parameterGroup;
        String subnetGroup;
        List<String> securityGroups;
        String kmsKeyId;
        Boolean iamAuthentication;
        Long backtrackWindow;
        List<String> logExports;
        String storageType;
        String networkType;
        boolean deletionProtection;
        boolean copyTagsToSnapshot;
        LinkedHashMap<String, String> tags;
        java.util.Optional<ServerlessV2Scaling> serverlessV2;

        static ClusterSettings read(RdsInput in) {
            ClusterSettings s = new ClusterSettings();
            s.serverlessV2 = ServerlessV2Scaling.read(in);
            s.port = ClusterOperations.port(in).orElse(null);
            s.retention = ClusterOperations.retention(in).orElse(null);
            s.backupWindow = in.string("PreferredBackupWindow").orElse(null);
            if (s.backupWindow != null) {
                BackupWindow.parse(s.backupWindow);
            }
            s.parameterGroup = in.string("DBClusterParameterGroupName").orElse(null);
            s.subnetGroup = in.string("DBSubnetGroupName").orElse(null);
            s.securityGroups = in.strings("VpcSecurityGroupIds");
            s.kmsKeyId = in.string("KmsKeyId").orElse(null);
            s.iamAuthentication = in.bool("EnableIAMDatabaseAuthentication").orElse(null);
            s.backtrackWindow = in.longValue("BacktrackWindow").orElse(null);
            s.logExports = in.has("EnableCloudwatchLogsExports") ? in.strings("EnableCloudwatchLogsExports") : null;
            s.storageType = in.string("StorageType").orElse(null);
            s.networkType = in.string("NetworkType").orElse(null);
            s.deletionProtection = in.flag("DeletionProtection");
            s.copyTagsToSnapshot = in.flag("CopyTagsToSnapshot");
            s.tags = in.tags("Tags");
            RdsTags.checkCount(Map.of(), s.tags);
            return s;
        }
    }
}
