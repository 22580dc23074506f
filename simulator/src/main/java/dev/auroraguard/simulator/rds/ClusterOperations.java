package dev.auroraguard.simulator.rds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** CreateDBCluster, DescribeDBClusters, DeleteDBCluster, StopDBCluster, StartDBCluster. */
final class ClusterOperations {

    /** Aurora starts a cluster that has been stopped for seven days by itself (RDS-EVENT-0153). */
    static final Duration MAX_STOPPED = Duration.ofDays(7);

    private static final Pattern MASTER_USERNAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,15}$");
    private static final Set<String> CLUSTER_FILTERS =
            Set.of("clone-group-id", "db-cluster-id", "db-cluster-resource-id", "domain", "engine");

    private final RdsControlPlane plane;
    private final RdsShapes shapes;

    ClusterOperations(RdsControlPlane plane, RdsShapes shapes) {
        this.plane = plane;
        this.shapes = shapes;
    }

    Map<String, Object> create(RdsInput in) {
        String identifier = RdsIdentifiers.valid("DBClusterIdentifier", in.requiredString("DBClusterIdentifier"));
        AuroraEngine engine = AuroraEngine.of(in.requiredString("Engine"));
        String version = in.string("EngineVersion").orElse(engine.defaultVersion);
        String masterUsername = in.requiredString("MasterUsername");
        if (!MASTER_USERNAME.matcher(masterUsername).matches()) {
            throw RdsFaults.invalidParameterValue("The parameter MasterUsername is not a valid user name: it must be 1 to 16 "
                    + "letters, digits or underscores and begin with a letter.");
        }
        boolean managedPassword = in.flag("ManageMasterUserPassword");
        if (managedPassword && in.has("MasterUserPassword")) {
            throw RdsFaults.invalidParameterCombination(
                    "MasterUserPassword can't be specified when ManageMasterUserPassword is enabled.");
        }
        if (!managedPassword) {
            String password = in.requiredString("MasterUserPassword");
            if (password.length() < 8) {
                throw RdsFaults.invalidParameterValue(
                        "The parameter MasterUserPassword is not a valid password because it is shorter than 8 characters.");
            }
        }
        int port = port(in).orElse(engine.defaultPort);
        int retention = retention(in).orElse(1);
        String backupWindow = in.string("PreferredBackupWindow").orElseGet(() -> plane.naming.defaultBackupWindow(identifier));
        BackupWindow.parse(backupWindow);
        LinkedHashMap<String, String> tags = in.tags("Tags");
        RdsTags.checkCount(Map.of(), tags);
        Optional<ServerlessV2Scaling> serverlessV2 = ServerlessV2Scaling.read(in);
        String engineMode = in.string("EngineMode").orElse("provisioned");
        if (!engineMode.equals("provisioned") && !engineMode.equals("serverless")) {
            throw RdsFaults.invalidParameterValue("Invalid engine mode: " + engineMode);
        }
        if (plane.state.clusters.containsKey(identifier)) {
            throw plane.faults.clusterAlreadyExists();
        }
        checkClusterQuota(plane);

        Instant now = plane.now();
        ClusterRecord c = new ClusterRecord();
        c.identifier = identifier;
        c.resourceId = plane.naming.clusterResourceId(identifier, plane.nextResourceSequence());
        c.engine = engine.engineName;
        c.engineVersion = version;
        c.engineMode = engineMode;
        c.port = port;
        c.masterUsername = masterUsername;
        c.databaseName = in.string("DatabaseName").orElse(null);
        c.parameterGroup = in.string("DBClusterParameterGroupName").orElse(engine.defaultParameterGroup(version));
        c.subnetGroup = in.string("DBSubnetGroupName").orElse("default");
        c.vpcId = plane.naming.defaultVpcId();
        List<String> securityGroups = in.strings("VpcSecurityGroupIds");
        c.vpcSecurityGroupIds = new ArrayList<>(securityGroups.isEmpty() ? List.of(plane.naming.defaultSecurityGroupId()) : securityGroups);
        List<String> zones = in.strings("AvailabilityZones");
        c.availabilityZones = new ArrayList<>(zones.isEmpty() ? plane.naming.availabilityZones() : zones);
        String kmsKeyId = in.string("KmsKeyId").orElse(null);
        c.storageEncrypted = in.flag("StorageEncrypted") || kmsKeyId != null;
        c.kmsKeyId = c.storageEncrypted ? (kmsKeyId == null ? plane.naming.defaultKmsKeyArn() : plane.naming.kmsKeyArn(kmsKeyId)) : null;
        c.iamDatabaseAuthentication = in.flag("EnableIAMDatabaseAuthentication");
        c.deletionProtection = in.flag("DeletionProtection");
        c.copyTagsToSnapshot = in.flag("CopyTagsToSnapshot");
        c.backupRetentionPeriod = retention;
        c.backupWindow = backupWindow;
        c.maintenanceWindow = in.string("PreferredMaintenanceWindow").orElseGet(() -> plane.naming.defaultMaintenanceWindow(identifier));
        c.backtrackWindow = in.longValue("BacktrackWindow").orElse(null);
        c.enabledCloudwatchLogsExports = new ArrayList<>(in.strings("EnableCloudwatchLogsExports"));
        c.storageType = in.string("StorageType").orElse("aurora");
        c.networkType = in.string("NetworkType").orElse("IPV4");
        c.tags = tags;
        serverlessV2.ifPresent(scaling -> scaling.applyTo(c));
        c.status = "creating";
        c.createTime = now;
        plane.state.clusters.put(identifier, c);
        plane.schedule(ScheduledTransition.Kind.CLUSTER_AVAILABLE, identifier, now.plus(plane.timings.clusterCreate()));
        return Map.of("DBCluster", shapes.cluster(c));
    }

    Map<String, Object> describe(RdsInput in) {
        int maxRecords = ResultPage.maxRecords(in);
        List<RdsInput.RequestFilter> filters = in.filters("Filters");
        Predicate<ClusterRecord> matches = c -> true;
        for (RdsInput.RequestFilter filter : filters) {
            matches = matches.and(clusterFilter(filter));
        }
        List<ClusterRecord> candidates;
        if (in.has("DBClusterIdentifier")) {
            candidates = List.of(plane.requireCluster(in.requiredString("DBClusterIdentifier")));
        } else {
            candidates = List.copyOf(plane.state.clusters.values());
        }
        List<ClusterRecord> selected = candidates.stream().filter(matches).toList();
        ResultPage<ClusterRecord> page = ResultPage.of(selected, c -> c.identifier, maxRecords, in.string("Marker").orElse(null));
        Map<String, Object> out = new LinkedHashMap<>();
        if (page.nextMarker() != null) {
            out.put("Marker", page.nextMarker());
        }
        out.put("DBClusters", new ArrayList<Object>(page.records().stream().map(shapes::cluster).toList()));
        return out;
    }

    private Predicate<ClusterRecord> clusterFilter(RdsInput.RequestFilter filter) {
        if (!CLUSTER_FILTERS.contains(filter.name())) {
            throw RdsFaults.invalidParameterValue("Unrecognized filter name: " + filter.name() + ".");
        }
        List<String> values = filter.values();
        return switch (filter.name()) {
            case "db-cluster-id" -> c -> values.stream().anyMatch(v -> plane.ownIdentifier(v, RdsArn.CLUSTER).equals(c.identifier));
            case "clone-group-id" -> c -> c.cloneGroupId != null && values.contains(c.cloneGroupId);
            case "db-cluster-resource-id" -> c -> values.contains(c.resourceId);
            case "engine" -> c -> values.contains(c.engine);
            default -> c -> false; // domain: the simulator has no Active Directory domains
        };
    }

    Map<String, Object> delete(RdsInput in) {
        ClusterRecord c = plane.requireCluster(in.requiredString("DBClusterIdentifier"));
        boolean skipFinalSnapshot = in.flag("SkipFinalSnapshot");
        String finalSnapshot = in.string("FinalDBSnapshotIdentifier").orElse(null);
        if (skipFinalSnapshot && finalSnapshot != null) {
            throw RdsFaults.invalidParameterCombination(
                    "FinalDBSnapshotIdentifier can't be specified when SkipFinalSnapshot is enabled.");
        }
        if (!skipFinalSnapshot && finalSnapshot == null) {
            throw RdsFaults.invalidParameterCombination("FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.");
        }
        String finalSnapshotId = finalSnapshot == null ? null : RdsIdentifiers.valid("FinalDBSnapshotIdentifier", finalSnapshot, 255);
        if (c.status.equals("deleting")) {
            throw plane.faults.invalidClusterState("DBCluster " + c.identifier + " is already being deleted.");
        }
        if (c.deletionProtection) {
            throw RdsFaults.invalidParameterCombination("Cannot delete protected Cluster, please disable deletion protection and try again.");
        }
        if (plane.members(c.identifier).stream().anyMatch(i -> !i.status.equals("deleting"))) {
            throw plane.faults.invalidClusterState("Cluster cannot be deleted, it still contains DB instances in non-deleting state.");
        }
        if (Set.of("backing-up", "stopping", "starting").contains(c.status)) {
            throw plane.faults.invalidClusterState("DBCluster " + c.identifier + " can't be deleted while it is " + c.status + ".");
        }
        if (finalSnapshotId != null) {
            if (plane.state.snapshots.containsKey(finalSnapshotId)) {
                throw plane.faults.snapshotAlreadyExists(finalSnapshotId);
            }
            plane.checkManualSnapshotQuota(1);
        }

        Instant now = plane.now();
        if (finalSnapshotId != null) {
            SnapshotRecord snapshot = plane.snapshotOf(c, finalSnapshotId, SnapshotRecord.MANUAL, now);
            if (c.copyTagsToSnapshot) {
                snapshot.tags.putAll(c.tags);
            }
            plane.state.snapshots.put(finalSnapshotId, snapshot);
            plane.schedule(ScheduledTransition.Kind.SNAPSHOT_AVAILABLE, finalSnapshotId, snapshot.completesAt);
            plane.emit(RdsEvent.MANUAL_SNAPSHOT_STARTED, now, plane.naming.snapshotArn(finalSnapshotId), finalSnapshotId, snapshot.tags);
        }
        plane.cancel(c.identifier, RdsControlPlane.CLUSTER_KINDS);
        c.status = "deleting";
        c.nextAutomatedBackupAt = null;
        plane.schedule(ScheduledTransition.Kind.CLUSTER_GONE, c.identifier, now.plus(plane.timings.deletion()));
        return Map.of("DBCluster", shapes.cluster(c));
    }

    Map<String, Object> stop(RdsInput in) {
        ClusterRecord c = plane.requireCluster(in.requiredString("DBClusterIdentifier"));
        if (!c.status.equals("available")) {
            throw plane.faults.invalidClusterState("DbCluster " + c.identifier + " is in " + c.status
                    + " state but expected it to be one of available.");
        }
        Instant now = plane.now();
        c.status = "stopping";
        c.stoppedAt = now;
        plane.members(c.identifier).stream().filter(i -> i.status.equals("available")).forEach(i -> i.status = "stopping");
        // Stopping and starting a cluster is stopping and starting its instances: it takes about as long.
        plane.schedule(ScheduledTransition.Kind.CLUSTER_STOPPED, c.identifier, now.plus(plane.timings.instanceCreate()));
        plane.schedule(ScheduledTransition.Kind.CLUSTER_AUTO_START, c.identifier, now.plus(MAX_STOPPED));
        return Map.of("DBCluster", shapes.cluster(c));
    }

    Map<String, Object> start(RdsInput in) {
        ClusterRecord c = plane.requireCluster(in.requiredString("DBClusterIdentifier"));
        if (!c.status.equals("stopped")) {
            throw plane.faults.invalidClusterState("DbCluster " + c.identifier + " is in " + c.status
                    + " state but expected it to be one of stopped.");
        }
        plane.cancel(c.identifier, Set.of(ScheduledTransition.Kind.CLUSTER_AUTO_START));
        plane.beginStart(c, plane.now());
        return Map.of("DBCluster", shapes.cluster(c));
    }

    static Optional<Integer> port(RdsInput in) {
        Optional<Integer> port = in.integer("Port");
        port.ifPresent(p -> {
            if (p < 1150 || p > 65535) {
                throw RdsFaults.invalidParameterValue("Invalid port " + p + ". Valid values are 1150-65535.");
            }
        });
        return port;
    }

    static Optional<Integer> retention(RdsInput in) {
        Optional<Integer> retention = in.integer("BackupRetentionPeriod");
        retention.ifPresent(days -> {
            if (days < 1 || days > 35) {
                throw RdsFaults.invalidParameterValue("Invalid backup retention period: " + days
                        + ". The value must be from 1 to 35 days.");
            }
        });
        return retention;
    }

    static void checkClusterQuota(RdsControlPlane plane) {
        if (plane.state.clusters.size() >= plane.clusterQuota) {
            throw plane.faults.clusterQuotaExceeded();
        }
    }
}
