package dev.auroraguard.simulator.rds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** One DB cluster as the simulator holds it (public fields: it is saved and restored as JSON). */
final class ClusterRecord {

    public String identifier;
    public String resourceId;
    public String engine;
    public String engineVersion;
    public String engineMode = "provisioned";
    public int port;
    public String masterUsername;
    public String databaseName;
    public String parameterGroup;
    public String subnetGroup;
    public String vpcId;
    public List<String> vpcSecurityGroupIds = new ArrayList<>();
    public List<String> availabilityZones = new ArrayList<>();
    public boolean storageEncrypted;
    public String kmsKeyId;
    public boolean iamDatabaseAuthentication;
    public boolean deletionProtection;
    public boolean copyTagsToSnapshot;
    public int backupRetentionPeriod;
    public String backupWindow;
    public String maintenanceWindow;
    public Long backtrackWindow;
    public String storageType = "aurora";
    public String networkType = "IPV4";
    public List<String> enabledCloudwatchLogsExports = new ArrayList<>();
    public LinkedHashMap<String, String> tags = new LinkedHashMap<>();
    /** Aurora Serverless v2 capacity range in ACUs; null when the cluster has no Serverless v2 scaling configuration. */
    public Double serverlessV2MinCapacity;
    public Double serverlessV2MaxCapacity;
    public Integer serverlessV2SecondsUntilAutoPause;

    public String status;
    public Instant createTime;
    /** Set once the cluster first became available: only then does RDS report a restorable window. */
    public boolean everAvailable;
    /** When StopDBCluster was called; the cluster takes no writes after it, so LatestRestorableTime stops there. */
    public Instant stoppedAt;
    /** When the next daily backup window opens (null while no automated backups are being scheduled). */
    public Instant nextAutomatedBackupAt;
    /** The manual snapshot that keeps the cluster in {@code backing-up}. */
    public String backingUpSnapshot;
    public String cloneGroupId;

    public String restoredFromClusterArn;
    public String restoredFromSnapshotArn;
    public Instant restoredToTime;
    public String restoreType;
}
