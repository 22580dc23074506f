package dev.auroraguard.bench.baseline;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * The naive program for {@code snapshot-available}'s calls on RDS-EVENT-0075: clients from {@code create()}, the
 * snapshot described, its announcement published, then the snapshot tagged announced. Arguments: SNAPSHOT EVENT_BUS.
 */
public final class NaiveSnapshotAvailable {

    private NaiveSnapshotAvailable() {
    }

    public static void main(String[] args) {
        String snapshotId = args[0];
        RdsClient rds = RdsClient.create();
        EventBridgeClient events = EventBridgeClient.create();
        DBClusterSnapshot snapshot = rds.describeDBClusterSnapshots(r -> r.dbClusterSnapshotIdentifier(snapshotId))
                .dbClusterSnapshots().get(0);
        Map<String, String> tags = new HashMap<>();
        snapshot.tagList().forEach(t -> tags.put(t.key(), t.value()));
        if (!"true".equals(tags.get("aurora-guard:managed")) || !"available".equals(snapshot.status())
                || tags.containsKey("aurora-guard:announced")) {
            throw new IllegalStateException("snapshot " + snapshotId + " is not an unannounced, available aurora-guard snapshot: "
                    + snapshot.status() + " " + tags);
        }
        Baselines.requireAccepted(events.putEvents(r -> r.entries(e -> e.eventBusName(args[1]).source("aurora-guard")
                .detailType("Snapshot Available").resources(snapshot.dbClusterSnapshotArn())
                .detail("{\"cluster\":\"" + snapshot.dbClusterIdentifier() + "\",\"snapshot\":\"" + snapshotId + "\",\"arn\":\""
                        + snapshot.dbClusterSnapshotArn() + "\"}"))));
        rds.addTagsToResource(r -> r.resourceName(snapshot.dbClusterSnapshotArn())
                .tags(Tag.builder().key("aurora-guard:announced").value(Instant.now().toString()).build()));
    }
}
