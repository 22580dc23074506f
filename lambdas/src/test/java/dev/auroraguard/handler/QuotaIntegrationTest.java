package dev.auroraguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.event.OutcomeEventSchema;
import dev.auroraguard.simulator.junit.AwsTarget;
import dev.auroraguard.testing.SimulatedAws;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The manual cluster snapshot quota, read through DescribeAccountAttributes and met in CreateDBClusterSnapshot. */
class QuotaIntegrationTest {

    private static final Map<String, String> BACKUP = Map.of("aurora-guard:backup", "true");

    @RegisterExtension
    final AwsTarget aws = AwsTarget.create(o -> o.toBuilder().eventBus(SimulatedAws.BUS).manualClusterSnapshotQuota(5).build());

    private SimulatedAws sim;

    @BeforeEach
    void simulator() {
        sim = new SimulatedAws(aws);
        sim.createClusters(Map.of("a-db", BACKUP, "b-db", BACKUP, "filler-db", Map.of()));
    }

    private void fillWithSnapshots(int count) {
        for (int i = 0; i < count; i++) {
            String id = "filler-" + i;
            sim.rds().createDBClusterSnapshot(b -> b.dbClusterIdentifier("filler-db").dbClusterSnapshotIdentifier(id));
            sim.simulator().clock().advance(sim.simulator().options().timings().snapshotCreate().plusSeconds(1));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> result, String key) {
        return (List<Map<String, Object>>) result.get(key);
    }

    @Test
    void handleRequest_should_publishQuotaWarning_when_usageReachesEightyPercent() {
        // GIVEN 4 of 5 manual cluster snapshots used (80%)
        fillWithSnapshots(2);
        sim.rds().createDBClusterSnapshot(b -> b.dbClusterIdentifier("filler-db").dbClusterSnapshotIdentifier("filler-x"));
        sim.simulator().clock().advance(sim.simulator().options().timings().snapshotCreate().plusSeconds(1));
        sim.rds().createDBClusterSnapshot(b -> b.dbClusterIdentifier("filler-db").dbClusterSnapshotIdentifier("filler-y"));
        sim.simulator().clock().advance(sim.simulator().options().timings().snapshotCreate().plusSeconds(1));

        // WHEN the schedule fires for two clusters
        Map<String, Object> result = sim.scheduledSnapshot(Map.of("SNAPSHOT_CLUSTERS", "a-db", "SNAPSHOT_SELECTION_TAG", "none"), 3)
                .handleRequest(sim.scheduledEventNow("evt-warn"), null);

        // THEN a quota warning with usage is published, and the snapshot still taken
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_QUOTA_WARNING)).singleElement().satisfies(d -> {
            assertThat(d.get("quota")).isEqualTo(Map.of("name", "ManualClusterSnapshots", "used", 4L, "max", 5L));
            assertThat(d).containsEntry("snapshotsPlanned", 1L);
        });
        assertThat(list(result, "succeeded")).hasSize(1);
    }

    @Test
    void handleRequest_should_reportQuotaAndCountWithoutRetry_when_quotaIsExceeded() {
        // GIVEN 4 of 5 used and two clusters to snapshot: the second one cannot fit
        fillWithSnapshots(4);

        // WHEN the schedule fires
        Map<String, Object> result = sim.scheduledSnapshot(Map.of(), 3).handleRequest(sim.scheduledEventNow("evt-full"), null);

        // THEN one snapshot is taken; the other fails without retry, reporting the quota and the count
        assertThat(list(result, "succeeded")).extracting(m -> m.get("cluster")).containsExactly("a-db");
        assertThat(list(result, "failed")).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("cluster", "b-db").containsEntry("reason", "quota-exceeded").containsEntry("retryable", false);
            assertThat(m.get("quota")).isEqualTo(Map.of("used", 5L, "max", 5L));
        });
        assertThat(result.get("retry")).isEqualTo(false);
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_FAILED)).singleElement()
                .satisfies(d -> assertThat(d.get("quota")).isEqualTo(Map.of("name", "ManualClusterSnapshots", "used", 5L, "max", 5L)));
        // AND no call was retried by the SDK: SnapshotQuotaExceeded is not a transient error
        assertThat(sim.simulator().faults().calls("CreateDBClusterSnapshot")).isEqualTo(4 + 2);
    }
}
