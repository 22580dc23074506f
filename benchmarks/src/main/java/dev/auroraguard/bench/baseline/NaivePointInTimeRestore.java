package dev.auroraguard.bench.baseline;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * The naive program for {@code point-in-time-restore}'s calls: clients from {@code create()}; the source described
 * (the instant must lie in its restorable window), every cluster listed (the target must be free), the source's
 * instances described (the writer's class), the restore started with the source's settings, {@code Restore Started}
 * published. Arguments: SOURCE TARGET RESTORE_TO EVENT_BUS.
 */
public final class NaivePointInTimeRestore {

    private NaivePointInTimeRestore() {
    }

    public static void main(String[] args) {
        String sourceId = args[0];
        String target = args[1];
        Instant restoreTo = Instant.parse(args[2]);
        RdsClient rds = RdsClient.create();
        EventBridgeClient events = EventBridgeClient.create();
        DBCluster source = rds.describeDBClusters(r -> r.dbClusterIdentifier(sourceId)).dbClusters().get(0);
        if (restoreTo.isBefore(source.earliestRestorableTime()) || restoreTo.isAfter(source.latestRestorableTime())) {
            throw new IllegalStateException(restoreTo + " is outside the restorable window of " + sourceId + ": "
                    + source.earliestRestorableTime() + " to " + source.latestRestorableTime());
        }
        if (rds.describeDBClusters().dbClusters().stream().anyMatch(c -> c.dbClusterIdentifier().equals(target))) {
            throw new IllegalStateException("cluster " + target + " exists already");
        }
        List<DBInstance> instances = rds.describeDBInstances(r -> r.filters(f -> f.name("db-cluster-id").values(sourceId)))
                .dbInstances();
        String writer = source.dbClusterMembers().stream().filter(m -> Boolean.TRUE.equals(m.isClusterWriter())).findFirst()
                .orElseThrow(() -> new IllegalStateException(sourceId + " has no writer")).dbInstanceIdentifier();
        String writerClass = instances.stream().filter(i -> i.dbInstanceIdentifier().equals(writer)).findFirst()
                .orElseThrow(() -> new IllegalStateException("writer " + writer + " not described")).dbInstanceClass();
        DBCluster restored = rds.restoreDBClusterToPointInTime(r -> r.dbClusterIdentifier(target).sourceDBClusterIdentifier(sourceId)
                .restoreToTime(restoreTo).restoreType("full-copy").port(source.port())
                .dbSubnetGroupName(source.dbSubnetGroup())
                .vpcSecurityGroupIds(source.vpcSecurityGroups().stream().map(g -> g.vpcSecurityGroupId()).toList())
                .kmsKeyId(source.kmsKeyId()).deletionProtection(true)
                .tags(Tag.builder().key("restored-from").value(sourceId).build(),
                        Tag.builder().key("restore-instance-class").value(writerClass).build())).dbCluster();
        Baselines.requireAccepted(events.putEvents(r -> r.entries(e -> e.eventBusName(args[3]).source("aurora-guard")
                .detailType("Restore Started").resources(restored.dbClusterArn())
                .detail("{\"sourceCluster\":\"" + sourceId + "\",\"restoredCluster\":\"" + target + "\",\"restoreTime\":\"" + restoreTo
                        + "\",\"writerClass\":\"" + writerClass + "\"}"))));
    }
}
