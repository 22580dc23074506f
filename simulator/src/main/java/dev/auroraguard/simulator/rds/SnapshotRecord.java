package dev.auroraguard.simulator.rds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** One DB cluster snapshot: manual, automated, AWS Backup, or shared with this account by another one. */
final class SnapshotRecord {

    static final String MANUAL = "manual";
    static final String AUTOMATED = "automated";
    static final String AWS_BACKUP = "awsbackup";

    /** As RDS lists it; for snapshots shared by another account, their ARN. */
    public String identifier;
    /** The account that owns it; another account's snapshots are only listed as shared or public. */
    public String ownerAccount;
    public boolean sharedWithThisAccount;
    public boolean publicSnapshot;
    public String snapshotType;
    public boolean copy;

    public String clusterIdentifier;
    public String clusterResourceId;
    public Instant clusterCreateTime;
    public String engine;
    public String engineVersion;
    public String engineMode = "provisioned";
    public String vpcId;
    public String masterUsername;
    public String databaseName;
    public boolean storageEncrypted;
    public String kmsKeyId;
    public boolean iamDatabaseAuthentication;
    public List<String> availabilityZones = new ArrayList<>();
    public String sourceSnapshotArn;
    public String storageType = "aurora";
    public LinkedHashMap<String, String> tags = new LinkedHashMap<>();

    public String status;
    public Instant createTime;
    public Instant completesAt;
    /** Automated snapshots: when the retention period removes it. */
    public Instant expiresAt;
}
