package dev.auroraguard.bench.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;

/**
 * The naive program for {@code snapshot-cleanup}'s calls with a keep-last policy: clients from {@code create()}, the
 * cluster described, the account's manual snapshots listed, the cluster's aurora-guard scheduled snapshots beyond
 * the newest KEEP deleted oldest first, DELETE_INTERVAL_MS apart (the function's pacing), and one event published.
 * Arguments: CLUSTER KEEP DELETE_INTERVAL_MS EVENT_BUS.
 */
public final class NaiveSnapshotCleanup {

    private NaiveSnapshotCleanup() {
    }

    public static void main(String[] args) throws InterruptedException {
        String clusterId = args[0];
        int keep = Integer.parseInt(args[1]);
        long intervalMillis = Long.parseLong(args[2]);
        RdsClient rds = RdsClient.create();
        EventBridgeClient events = EventBridgeClient.create();
        DBCluster cluster = rds.describeDBClusters(r -> r.dbClusterIdentifier(clusterId)).dbClusters().get(0);
        List<DBClusterSnapshot> candidates = new ArrayList<>();
        for (DBClusterSnapshot s : rds.describeDBClusterSnapshots(r -> r.snapshotType("manual").maxRecords(100)).dbClusterSnapshots()) {
            boolean managed = s.tagList().stream().anyMatch(t -> t.key().equals("aurora-guard:managed") && t.value().equals("true"));
            boolean scheduled = s.tagList().stream().anyMatch(t -> t.key().equals("aurora-guard:kind") && t.value().equals("scheduled"));
            if (s.dbClusterIdentifier().equals(cluster.dbClusterIdentifier()) && managed && scheduled && "available".equals(s.status())) {
                candidates.add(s);
            }
        }
        candidates.sort(Comparator.comparing(DBClusterSnapshot::snapshotCreateTime).reversed());
        List<DBClusterSnapshot> doomed = new ArrayList<>(candidates.subList(Math.min(keep, candidates.size()), candidates.size()));
        doomed.sort(Comparator.comparing(DBClusterSnapshot::snapshotCreateTime));
        List<String> deleted = new ArrayList<>();
        long lastStart = 0;
        for (DBClusterSnapshot s : doomed) {
            long wait = lastStart == 0 ? 0 : lastStart + intervalMillis - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            lastStart = System.currentTimeMillis();
            rds.deleteDBClusterSnapshot(r -> r.dbClusterSnapshotIdentifier(s.dbClusterSnapshotIdentifier()));
            deleted.add("\"" + s.dbClusterSnapshotIdentifier() + "\"");
        }
        Baselines.requireAccepted(events.putEvents(r -> r.entries(e -> e.eventBusName(args[3]).source("aurora-guard")
                .detailType("Cleanup Completed").resources(cluster.dbClusterArn())
                .detail("{\"clusterId\":\"" + clusterId + "\",\"deleted\":" + deleted + ",\"kept\":" + (candidates.size() - doomed.size())
                        + "}"))));
    }
}
