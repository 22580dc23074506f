package dev.auroraguard.sandbox;

import dev.auroraguard.simulator.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * The realistic Aurora PostgreSQL cluster the demo and {@code sandbox serve} start from, created through
 * the same RDS API calls a platform team's infrastructure code makes.
 */
final class SandboxSeed {

    static final String CLUSTER = "orders-db";
    static final String WRITER = "orders-db-1";
    static final String READER = "orders-db-2";
    static final String ENGINE_VERSION = "16.4";
    static final String INSTANCE_CLASS = "db.r6g.large";
    static final String KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/4f0c9a61-2b7d-4e8a-9c1e-7d3b5a2f8e10";
    static final String SECURITY_GROUP = "sg-0a1b2c3d4e5f67890";
    static final String SUBNET_GROUP = "orders-db-subnets";
    static final String CLUSTER_PARAMETER_GROUP = "orders-db-aurora-pg16";

    private SandboxSeed() {
    }

    static String describeSeed() {
        return "Aurora PostgreSQL " + ENGINE_VERSION + " cluster " + CLUSTER + " (writer " + WRITER + ", reader " + READER
                + ", " + INSTANCE_CLASS + ", encrypted, backups kept 7 days, tagged aurora-guard:backup=true)";
    }

    static List<Tag> clusterTags() {
        return List.of(
                Tag.builder().key("team").value("payments").build(),
                Tag.builder().key("environment").value("production").build(),
                Tag.builder().key("cost-center").value("cc-4410").build(),
                Tag.builder().key("aurora-guard:backup").value("true").build());
    }

    /** How much history the seeded cluster has when {@code sandbox serve} starts: more than its backup retention. */
    static final Duration SERVE_HISTORY = Duration.ofDays(8);

    /**
     * Seeds the cluster on a clock that stands {@link #SERVE_HISTORY} in the past, letting RDS's minutes
     * pass as the calls need them, then catches the clock up with {@code now}: the cluster is available with
     * a full week of restorable time and automated backups, as a cluster in production would be.
     *
     * @return false when the state already had clusters (a restarted sandbox with --state)
     */
    static boolean seedIfEmpty(RdsClient rds, SimClock clock, Instant now) {
        if (!rds.describeDBClusters().dbClusters().isEmpty()) {
            return false;
        }
        createCluster(rds);
        clock.advance(Duration.ofMinutes(10));
        createInstances(rds);
        clock.advance(Duration.ofMinutes(8));
        clock.setInstant(now);
        return true;
    }

    /** CreateDBCluster as a platform team would call it (the cluster then is {@code creating}). */
    static void createCluster(RdsClient rds) {
        rds.createDBCluster(b -> b
                .dbClusterIdentifier(CLUSTER)
                .engine("aurora-postgresql")
                .engineVersion(ENGINE_VERSION)
                .masterUsername("orders_admin")
                .manageMasterUserPassword(true)
                .port(5432)
                .dbSubnetGroupName(SUBNET_GROUP)
                .vpcSecurityGroupIds(SECURITY_GROUP)
                .dbClusterParameterGroupName(CLUSTER_PARAMETER_GROUP)
                .storageEncrypted(true)
                .kmsKeyId(KMS_KEY)
                .backupRetentionPeriod(7)
                .preferredBackupWindow("02:00-02:30")
                .preferredMaintenanceWindow("sun:05:00-sun:05:30")
                .enableIAMDatabaseAuthentication(true)
                .enableCloudwatchLogsExports("postgresql")
                .copyTagsToSnapshot(true)
                .deletionProtection(true)
                .tags(clusterTags()));
    }

    /** The writer and the reader, once the cluster is available. */
    static void createInstances(RdsClient rds) {
        for (String instance : List.of(WRITER, READER)) {
            rds.createDBInstance(b -> b
                    .dbInstanceIdentifier(instance)
                    .dbClusterIdentifier(CLUSTER)
                    .engine("aurora-postgresql")
                    .dbInstanceClass(INSTANCE_CLASS)
                    .dbParameterGroupName("default.aurora-postgresql16")
                    .promotionTier(1)
                    .tags(Tag.builder().key("team").value("payments").build()));
        }
    }
}
