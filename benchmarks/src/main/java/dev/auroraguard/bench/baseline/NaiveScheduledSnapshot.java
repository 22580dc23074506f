package dev.auroraguard.bench.baseline;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The naive program for {@code scheduled-snapshot}'s calls, written as most samples show it: clients from
 * {@code create()} (SDK defaults: Apache HTTP client, default credential and region chains), then the
 * same calls the function makes. Arguments: CLUSTER SNAPSHOT_NAME EVENT_BUS.
 */
public final class NaiveScheduledSnapshot {

    private NaiveScheduledSnapshot() {
    }

    public static void main(String[] args) {
        String cluster = args[0];
        String snapshot = args[1];
        RdsClient rds = RdsClient.create();
        EventBridgeClient events = EventBridgeClient.create();
        var found = rds.describeDBClusters(r -> r.dbClusterIdentifier(cluster)).dbClusters().get(0);
        rds.describeAccountAttributes(r -> { });
        rds.createDBClusterSnapshot(r -> r.dbClusterIdentifier(found.dbClusterIdentifier())
                .dbClusterSnapshotIdentifier(snapshot)
                .tags(t -> t.key("aurora-guard:managed").value("true")));
        Baselines.requireAccepted(events.putEvents(r -> r.entries(e -> e.eventBusName(args[2]).source("aurora-guard")
                .detailType("Snapshot Started").detail("{\"cluster\":\"" + cluster + "\",\"snapshot\":\"" + snapshot + "\"}"))));
    }
}
