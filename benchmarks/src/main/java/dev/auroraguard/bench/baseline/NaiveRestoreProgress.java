package dev.auroraguard.bench.baseline;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;

/**
 * The naive program for {@code restore-progress}'s calls on "DB cluster created" for a restored cluster: clients from
 * {@code create()}; the cluster described (it must be available), its instances described (it must have none yet),
 * its writer created, {@code Restore Progress} published. Arguments: RESTORED_CLUSTER INSTANCE_CLASS EVENT_BUS.
 */
public final class NaiveRestoreProgress {

    private NaiveRestoreProgress() {
    }

    public static void main(String[] args) {
        String clusterId = args[0];
        RdsClient rds = RdsClient.create();
        EventBridgeClient events = EventBridgeClient.create();
        DBCluster cluster = rds.describeDBClusters(r -> r.dbClusterIdentifier(clusterId)).dbClusters().get(0);
        if (!"available".equals(cluster.status())) {
            throw new IllegalStateException("restored cluster " + clusterId + " is " + cluster.status() + ", not available");
        }
        int existing = rds.describeDBInstances(r -> r.filters(f -> f.name("db-cluster-id").values(clusterId))).dbInstances().size();
        if (existing != 0) {
            throw new IllegalStateException("restored cluster " + clusterId + " has " + existing + " instances already");
        }
        String writer = clusterId + "-1";
        rds.createDBInstance(r -> r.dbInstanceIdentifier(writer).dbClusterIdentifier(clusterId).engine(cluster.engine())
                .dbInstanceClass(args[1]).promotionTier(1));
        Baselines.requireAccepted(events.putEvents(r -> r.entries(e -> e.eventBusName(args[2]).source("aurora-guard")
                .detailType("Restore Progress").resources(cluster.dbClusterArn())
                .detail("{\"restoredCluster\":\"" + clusterId + "\",\"step\":\"instances-requested\",\"instances\":[\"" + writer
                        + "\"]}"))));
    }
}
