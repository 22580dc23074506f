package dev.auroraguard.simulator.rds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders records as the model's output structures ({@code DBCluster}, {@code DBInstance}, {@code DBClusterSnapshot}). */
final class RdsShapes {

    private final RdsControlPlane plane;

    RdsShapes(RdsControlPlane plane) {
        this.plane = plane;
    }

    Map<String, Object> cluster(ClusterRecord c) {
        Instant now = plane.now();
        RdsNaming naming = plane.naming;
        List<InstanceRecord> members = plane.members(c.identifier);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("AllocatedStorage", 1);
        out.put("AvailabilityZones", new ArrayList<Object>(c.availabilityZones));
        out.put("BackupRetentionPeriod", c.backupRetentionPeriod);
        if (c.databaseName != null) {
            out.put("DatabaseName", c.databaseName);
        }
        out.put("DBClusterIdentifier", c.identifier);
        out.put("DBClusterParameterGroup", c.parameterGroup);
        out.put("DBSubnetGroup", c.subnetGroup);
        out.put("Status", c.status);
        if (c.everAvailable) {
            out.put("EarliestRestorableTime", plane.earliestRestorableTime(c, now));
        }
        out.put("Endpoint", naming.clusterEndpoint(c.identifier));
        out.put("ReaderEndpoint", naming.readerEndpoint(c.identifier));
        out.put("CustomEndpoints", new ArrayList<>());
        out.put("MultiAZ", members.size() > 1);
        out.put("Engine", c.engine);
        out.put("EngineVersion", c.engineVersion);
        if (c.everAvailable) {
            out.put("LatestRestorableTime", plane.latestRestorableTime(c, now));
        }
        out.put("Port", c.port);
        out.put("MasterUsername", c.masterUsername);
        out.put("DBClusterOptionGroupMemberships", new ArrayList<>());
        out.put("PreferredBackupWindow", c.backupWindow);
        out.put("PreferredMaintenanceWindow", c.maintenanceWindow);
        out.put("ReadReplicaIdentifiers", new ArrayList<>());
        List<Object> memberList = new ArrayList<>();
        for (InstanceRecord i : members) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("DBInstanceIdentifier", i.identifier);
            member.put("IsClusterWriter", i.writer);
            member.put("DBClusterParameterGroupStatus", "in-sync");
            member.put("PromotionTier", i.promotionTier);
            memberList.add(member);
        }
        out.put("DBClusterMembers", memberList);
        out.put("VpcSecurityGroups", securityGroups(c.vpcSecurityGroupIds));
        out.put("HostedZoneId", naming.hostedZoneId());
        out.put("StorageEncrypted", c.storageEncrypted);
        if (c.kmsKeyId != null) {
            out.put("KmsKeyId", c.kmsKeyId);
        }
        out.put("DbClusterResourceId", c.resourceId);
        out.put("DBClusterArn", naming.clusterArn(c.identifier));
        out.put("AssociatedRoles", new ArrayList<>());
        out.put("IAMDatabaseAuthenticationEnabled", c.iamDatabaseAuthentication);
        if (c.cloneGroupId != null) {
            out.put("CloneGroupId", c.cloneGroupId);
        }
        out.put("ClusterCreateTime", c.createTime);
        if (c.backtrackWindow != null) {
            out.put("BacktrackWindow", c.backtrackWindow);
        }
        if (!c.enabledCloudwatchLogsExports.isEmpty()) {
            out.put("EnabledCloudwatchLogsExports", new ArrayList<Object>(c.enabledCloudwatchLogsExports));
        }
        out.put("EngineMode", c.engineMode);
        out.put("StorageType", c.storageType);
        out.put("AutoMinorVersionUpgrade", true);
        out.put("DeletionProtection", c.deletionProtection);
        out.put("HttpEndpointEnabled", false);
        out.put("CopyTagsToSnapshot", c.copyTagsToSnapshot);
        out.put("CrossAccountClone", false);
        out.put("DomainMemberships", new ArrayList<>());
        out.put("TagList", RdsTags.tagList(c.tags));
        out.put("NetworkType", c.networkType);
        return out;
    }

    Map<String, Object> instance(InstanceRecord i) {
        ClusterRecord c = plane.state.clusters.get(i.clusterIdentifier);
        RdsNaming naming = plane.naming;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("DBInstanceIdentifier", i.identifier);
        out.put("DBInstanceClass", i.instanceClass);
        out.put("Engine", i.engine);
        out.put("DBInstanceStatus", i.status);
        if (c != null) {
            out.put("MasterUsername", c.masterUsername);
            if (c.databaseName != null) {
                out.put("DBName", c.databaseName);
            }
        }
        if (!i.status.equals("creating")) {
            Map<String, Object> endpoint = new LinkedHashMap<>();
            endpoint.put("Address", naming.instanceEndpoint(i.identifier));
            endpoint.put("Port", c == null ? AuroraEngine.of(i.engine).defaultPort : c.port);
            endpoint.put("HostedZoneId", naming.hostedZoneId());
            out.put("Endpoint", endpoint);
        }
        out.put("AllocatedStorage", 1);
        if (i.createTime != null) {
            out.put("InstanceCreateTime", i.createTime);
        }
        if (c != null) {
            out.put("PreferredBackupWindow", c.backupWindow);
            out.put("BackupRetentionPeriod", c.backupRetentionPeriod);
            out.put("VpcSecurityGroups", securityGroups(c.vpcSecurityGroupIds));
        }
        List<Object> parameterGroups = new ArrayList<>();
        Map<String, Object> parameterGroup = new LinkedHashMap<>();
        parameterGroup.put("DBParameterGroupName", i.parameterGroup);
        parameterGroup.put("ParameterApplyStatus", "in-sync");
        parameterGroups.add(parameterGroup);
        out.put("DBParameterGroups", parameterGroups);
        out.put("AvailabilityZone", i.availabilityZone);
        if (c != null) {
            Map<String, Object> subnetGroup = new LinkedHashMap<>();
            subnetGroup.put("DBSubnetGroupName", c.subnetGroup);
            subnetGroup.put("DBSubnetGroupDescription", c.subnetGroup);
            subnetGroup.put("VpcId", c.vpcId);
            subnetGroup.put("SubnetGroupStatus", "Complete");
            subnetGroup.put("Subnets", new ArrayList<>());
            out.put("DBSubnetGroup", subnetGroup);
            out.put("PreferredMaintenanceWindow", c.maintenanceWindow);
        }
        out.put("MultiAZ", false);
        out.put("EngineVersion", i.engineVersion);
        out.put("AutoMinorVersionUpgrade", i.autoMinorVersionUpgrade);
        out.put("LicenseModel", AuroraEngine.of(i.engine).licenseModel());
        out.put("PubliclyAccessible", i.publiclyAccessible);
        out.put("StorageType", "aurora");
        out.put("DbInstancePort", 0);
        out.put("DBClusterIdentifier", i.clusterIdentifier);
        if (c != null) {
            out.put("StorageEncrypted", c.storageEncrypted);
            if (c.kmsKeyId != null) {
                out.put("KmsKeyId", c.kmsKeyId);
            }
            out.put("IAMDatabaseAuthenticationEnabled", c.iamDatabaseAuthentication);
        }
        out.put("DbiResourceId", i.resourceId);
        out.put("CACertificateIdentifier", "rds-ca-rsa2048-g1");
        out.put("CopyTagsToSnapshot", false);
        out.put("MonitoringInterval", 0);
        out.put("PromotionTier", i.promotionTier);
        out.put("DBInstanceArn", naming.instanceArn(i.identifier));
        out.put("PerformanceInsightsEnabled", false);
        out.put("DeletionProtection", false);
        out.put("TagList", RdsTags.tagList(i.tags));
        out.put("NetworkType", "IPV4");
        return out;
    }

    Map<String, Object> snapshot(SnapshotRecord s) {
        Map<String, Object> out = new LinkedHashMap<>();
        putPresent(out, "AvailabilityZones", new ArrayList<Object>(s.availabilityZones));
        putPresent(out, "DBClusterSnapshotIdentifier", s.identifier);
        putPresent(out, "DBClusterIdentifier", s.clusterIdentifier);
        putPresent(out, "SnapshotCreateTime", s.createTime);
        putPresent(out, "Engine", s.engine);
        putPresent(out, "EngineMode", s.engineMode);
        putPresent(out, "AllocatedStorage", 1);
        putPresent(out, "Status", s.status);
        // Aurora cluster snapshots report port 0: the port belongs to the cluster restored from them.
        putPresent(out, "Port", 0);
        putPresent(out, "VpcId", s.vpcId);
        putPresent(out, "ClusterCreateTime", s.clusterCreateTime);
        putPresent(out, "MasterUsername", s.masterUsername);
        putPresent(out, "EngineVersion", s.engineVersion);
        putPresent(out, "LicenseModel", AuroraEngine.of(s.engine).licenseModel());
        putPresent(out, "SnapshotType", s.snapshotType);
        putPresent(out, "PercentProgress", percentProgress(s));
        putPresent(out, "StorageEncrypted", s.storageEncrypted);
        putPresent(out, "KmsKeyId", s.kmsKeyId);
        putPresent(out, "DBClusterSnapshotArn", arn(s));
        putPresent(out, "SourceDBClusterSnapshotArn", s.sourceSnapshotArn);
        putPresent(out, "IAMDatabaseAuthenticationEnabled", s.iamDatabaseAuthentication);
        putPresent(out, "TagList", RdsTags.tagList(s.tags));
        putPresent(out, "StorageType", s.storageType);
        putPresent(out, "DbClusterResourceId", s.clusterResourceId);
        return out;
    }

    String arn(SnapshotRecord s) {
        if (s.ownerAccount.equals(plane.accountId)) {
            return plane.naming.snapshotArn(s.identifier);
        }
        return s.identifier;
    }

    private int percentProgress(SnapshotRecord s) {
        if (s.status.equals("available")) {
            return 100;
        }
        if (s.completesAt == null || !(s.status.equals("creating") || s.status.equals("copying"))) {
            return 0;
        }
        long total = Duration.between(s.createTime, s.completesAt).toMillis();
        long done = Duration.between(s.createTime, plane.now()).toMillis();
        if (total <= 0) {
            return 99;
        }
        return (int) Math.max(0, Math.min(99, done * 100 / total));
    }

    /** RDS leaves out members it has no value for. */
    private static void putPresent(Map<String, Object> out, String member, Object value) {
        if (value != null) {
            out.put(member, value);
        }
    }

    private static List<Object> securityGroups(List<String> ids) {
        List<Object> groups = new ArrayList<>();
        for (String id : ids) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("VpcSecurityGroupId", id);
            group.put("Status", "active");
            groups.add(group);
        }
        return groups;
    }
}
