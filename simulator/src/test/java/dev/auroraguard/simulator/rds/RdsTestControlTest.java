package dev.auroraguard.simulator.rds;

import static dev.auroraguard.simulator.rds.RdsFixture.assertFault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
