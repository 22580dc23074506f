package dev.auroraguard.simulator.rds;

import static dev.auroraguard.simulator.rds.RdsFixture.assertFault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RdsTestControlTest {

    private final RdsFixture rds = new RdsFixture();

    @Test
    void forceSnapshotStatus_should_holdStatusAndReleaseBackingUpCluster_when_forcedToFailed() {
        rds.availableCluster("orders");
        rds.call("CreateDBClusterSnapshot", "DBClusterIdentifier", "orders", "DBClusterSnapshotIdentifier", "doomed");

        rds.rds.forceSnapshotStatus("doomed", "failed");
        rds.advance(rds.timings.snapshotCreate());

        assertThat(rds.snapshot("doomed")).containsEntry("Status", "failed");
        assertThat(rds.cluster("orders")).containsEntry("Status", "available");
        assertThat(rds.events.all()).noneMatch(e -> e.detailJson().contains("RDS-EVENT-0075"));
    }

    @Test
    void forceClusterStatus_should_makeApiCallsSeeTheForcedState_when_forced() {
        rds.availableCluster("orders");

        rds.rds.forceClusterStatus("orders", "inaccessible-encryption-credentials");

        assertThat(rds.rds.clusterStatus("orders")).contains("inaccessible-encryption-credentials");
        assertFault("InvalidDBClusterStateFault", 400, () -> rds.call("CreateDBClusterSnapshot",
                "DBClusterIdentifier", "orders", "DBClusterSnapshotIdentifier", "s"));
        rds.rds.forceClusterStatus("orders", "available");
        rds.call("CreateDBClusterSnapshot", "DBClusterIdentifier", "orders", "DBClusterSnapshotIdentifier", "s");
    }

    @Test
    void forceInstanceStatus_should_cancelPendingCreation_when_forcedToFailed() {
        rds.availableCluster("orders");
        rds.call("CreateDBInstance", "DBInstanceIdentifier", "orders-1", "DBInstanceClass", "db.r6g.large",
                "Engine", "aurora-postgresql", "DBClusterIdentifier", "orders");

        rds.rds.forceInstanceStatus("orders-1", "failed");
        rds.advance(rds.timings.instanceCreate());

        assertThat(rds.rds.instanceStatus("orders-1")).contains("failed");
        assertThat(rds.rds.instanceCount()).isOne();
    }

    @Test
    void testControl_should_refuseUnknownResources_when_named() {
        assertThatThrownBy(() -> rds.rds.forceClusterStatus("nope", "failed")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rds.rds.forceSnapshotStatus("nope", "failed")).isInstanceOf(IllegalArgumentException.class);
        assertThat(rds.rds.clusterStatus("nope")).isEmpty();
    }

    @Test
    void addManualSnapshot_should_listAnAvailableTaggedManualSnapshot_when_addedWithAPastCreateTime() {
        // GIVEN a cluster, the clock a day on
        rds.availableCluster("orders");
        rds.advance(Duration.ofDays(1));
        Instant yesterday = rds.clock.instant().minus(Duration.ofHours(20));

        // WHEN a snapshot from its history is added
        rds.rds.addManualSnapshot("orders", "Orders-Scheduled-1", yesterday, Map.of("aurora-guard:managed", "true"));

        // THEN the API lists it as RDS lists a finished manual snapshot, tags included, and it counts against the quota
        assertThat(rds.snapshot("orders-scheduled-1")).containsEntry("Status", "available")
                .containsEntry("SnapshotType", "manual").containsEntry("DBClusterIdentifier", "orders")
                .containsEntry("SnapshotCreateTime", yesterday)
                .containsEntry("TagList", List.of(Map.of("Key", "aurora-guard:managed", "Value", "true")));
        assertThat(rds.rds.manualSnapshotCount()).isOne();
        assertThat(rds.rds.manualSnapshotIds()).containsExactly("orders-scheduled-1");
        assertThat(rds.events.all()).noneMatch(e -> e.detailJson().contains("orders-scheduled-1"));
    }

    @Test
    void addManualSnapshot_should_refuse_when_itCannotExist() {
        RdsFixture small = new RdsFixture(1);
        small.availableCluster("orders");
        Instant now = small.clock.instant();
        small.rds.addManualSnapshot("orders", "first", now, Map.of());

        assertThatThrownBy(() -> small.rds.addManualSnapshot("nope", "s", now, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no DB cluster nope");
        assertThatThrownBy(() -> small.rds.addManualSnapshot("orders", "later", now.plusSeconds(1), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after now");
        assertThatThrownBy(() -> small.rds.addManualSnapshot("orders", "first", now, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
        assertFault("SnapshotQuotaExceeded", 400, () -> small.rds.addManualSnapshot("orders", "second", now, Map.of()));
    }

    @Test
    void addManualSnapshots_should_addNone_when_oneOfThemCannotBeAdded() {
        // GIVEN room for three
        RdsFixture small = new RdsFixture(3);
        small.availableCluster("orders");
        Instant now = small.clock.instant();

        // WHEN a batch names the same snapshot twice / THEN nothing is added
        assertThatThrownBy(() -> small.rds.addManualSnapshots(List.of(
                new RdsSimulator.HistoricSnapshot("orders", "a", now, Map.of()),
                new RdsSimulator.HistoricSnapshot("orders", "A", now, Map.of()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a cluster snapshot a already exists");
        // AND a batch over the quota adds nothing either
        assertFault("SnapshotQuotaExceeded", 400, () -> small.rds.addManualSnapshots(List.of(
                new RdsSimulator.HistoricSnapshot("orders", "a", now, Map.of()),
                new RdsSimulator.HistoricSnapshot("orders", "b", now, Map.of()),
                new RdsSimulator.HistoricSnapshot("orders", "c", now, Map.of()),
                new RdsSimulator.HistoricSnapshot("orders", "d", now, Map.of()))));
        assertThat(small.rds.manualSnapshotCount()).isZero();

        // WHEN a valid batch is added / THEN all of it, tags in key order
        small.rds.addManualSnapshots(List.of(
                new RdsSimulator.HistoricSnapshot("orders", "a", now, Map.of("b-key", "2", "a-key", "1")),
                new RdsSimulator.HistoricSnapshot("orders", "b", now.minusSeconds(60), Map.of())));
        assertThat(small.rds.manualSnapshotCount()).isEqualTo(2);
        assertThat(small.snapshot("a")).containsEntry("TagList",
                List.of(Map.of("Key", "a-key", "Value", "1"), Map.of("Key", "b-key", "Value", "2")));
    }
}
