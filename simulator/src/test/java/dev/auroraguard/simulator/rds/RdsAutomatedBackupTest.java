package dev.auroraguard.simulator.rds;

import static dev.auroraguard.simulator.rds.RdsFixture.list;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.simulator.RecordedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RdsAutomatedBackupTest {

    private final RdsFixture rds = new RdsFixture();

    private List<Map<String, Object>> automated() {
        return list(rds.call("DescribeDBClusterSnapshots", "SnapshotType", "automated"), "DBClusterSnapshots");
    }

    @Test
    void automatedSnapshot_should_beTakenDailyWhenBackupWindowOpens_when_clusterIsAvailable() {
        // GIVEN a cluster whose backup window opens at 04:30 UTC (the clock starts at 12:00)
        rds.availableCluster("orders", "PreferredBackupWindow", "04:30-05:00", "BackupRetentionPeriod", 7);

        // WHEN three days pass
        rds.advance(Duration.ofDays(3));

        // THEN one automated snapshot per day, named after the cluster and the time it was taken
        assertThat(automated()).extracting(s -> s.get("DBClusterSnapshotIdentifier"))
                .containsExactly("rds:orders-2025-03-11-04-30", "rds:orders-2025-03-12-04-30", "rds:orders-2025-03-13-04-30");
        assertThat(automated()).allSatisfy(s -> assertThat(s).containsEntry("Status", "available")
                .containsEntry("SnapshotType", "automated").containsEntry("DBClusterIdentifier", "orders"));
        assertThat(automated().get(0)).containsEntry("SnapshotCreateTime", Instant.parse("2025-03-11T04:30:00Z"));
    }

    @Test
    void automatedSnapshot_should_publishRdsEvents0168And0169_when_takenAndFinished() {
        rds.availableCluster("orders", "PreferredBackupWindow", "04:30-05:00");

        rds.advance(Duration.ofDays(1));

        assertThat(rds.events.withDetailType("RDS DB Cluster Snapshot Event")).extracting(RecordedEvent::detailJson)
                .satisfiesExactly(
                        started -> assertThat(started).contains("RDS-EVENT-0168", "Creating automated cluster snapshot",
                                "\"SourceIdentifier\":\"rds:orders-2025-03-11-04-30\""),
                        finished -> assertThat(finished).contains("RDS-EVENT-0169", "Automated cluster snapshot created",
                                "cluster-snapshot:rds:orders-2025-03-11-04-30"));
        assertThat(rds.events.withDetailType("RDS DB Cluster Snapshot Event").get(1).time())
                .isEqualTo(Instant.parse("2025-03-11T04:30:00Z").plus(rds.timings.snapshotCreate()));
    }

    @Test
    void automatedSnapshot_should_expireAfterBackupRetentionPeriod_when_olderThanRetention() {
        rds.availableCluster("orders", "PreferredBackupWindow", "04:30-05:00", "BackupRetentionPeriod", 2);

        rds.advance(Duration.ofDays(10));

        assertThat(automated()).extracting(s -> s.get("DBClusterSnapshotIdentifier"))
                .containsExactly("rds:orders-2025-03-19-04-30", "rds:orders-2025-03-20-04-30");
    }

    @Test
    void automatedSnapshot_should_notBeTaken_when_clusterIsStopped() {
        rds.availableCluster("orders", "PreferredBackupWindow", "04:30-05:00", "BackupRetentionPeriod", 7);
        rds.call("StopDBCluster", "DBClusterIdentifier", "orders");

        rds.advance(Duration.ofDays(3));

        assertThat(automated()).isEmpty();
    }

    @Test
    void automatedSnapshots_should_disappearWithCluster_when_clusterDeleted() {
        rds.availableCluster("orders", "PreferredBackupWindow", "04:30-05:00", "BackupRetentionPeriod", 7);
        rds.advance(Duration.ofDays(2));
        rds.availableSnapshot("orders", "manual-kept");

        rds.call("DeleteDBCluster", "DBClusterIdentifier", "orders", "SkipFinalSnapshot", true);
        rds.advance(rds.timings.deletion());

        assertThat(automated()).isEmpty();
        assertThat(list(rds.call("DescribeDBClusterSnapshots"), "DBClusterSnapshots"))
                .extracting(s -> s.get("DBClusterSnapshotIdentifier")).containsExactly("manual-kept");
    }

    @Test
    void automatedSnapshot_should_copyClusterTags_when_copyTagsToSnapshotIsOn() {
        rds.availableCluster("orders", "PreferredBackupWindow", "04:30-05:00", "CopyTagsToSnapshot", true,
                "Tags", RdsFixture.tags("env", "prod"));

        rds.advance(Duration.ofDays(1));

        assertThat(automated()).singleElement().satisfies(s -> assertThat(s.get("TagList")).isEqualTo(RdsFixture.tags("env", "prod")));
    }
}
