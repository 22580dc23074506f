package dev.auroraguard.simulator.rds;

import static dev.auroraguard.simulator.rds.RdsFixture.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Aurora Serverless v2 scaling on clusters, their restores, and db.serverless instances. */
class RdsServerlessV2Test {

    private final RdsFixture rds = new RdsFixture();

    private static Map<String, Object> scaling(double min, double max) {
        return Map.of("MinCapacity", min, "MaxCapacity", max);
    }

    @Test
    void createDBCluster_should_reportScalingConfiguration_when_given() {
        // WHEN
        rds.createCluster("orders", "ServerlessV2ScalingConfiguration", scaling(0.5, 16));

        // THEN
        assertThat(rds.cluster("orders")).containsEntry("ServerlessV2ScalingConfiguration",
                Map.of("MinCapacity", 0.5, "MaxCapacity", 16.0));
    }

    @Test
    void createDBCluster_should_refuseCapacity_when_notHalfStepOrMinAboveMax() {
        assertFault("InvalidParameterValue", 400, () -> rds.createCluster("a", "ServerlessV2ScalingConfiguration", scaling(0.3, 4)));
        assertFault("InvalidParameterCombination", 400, () -> rds.createCluster("b", "ServerlessV2ScalingConfiguration", scaling(8, 4)));
        assertFault("InvalidParameterValue", 400, () -> rds.createCluster("c", "ServerlessV2ScalingConfiguration", scaling(0, 300)));
    }

    @Test
    void createDBInstance_should_refuseServerlessInstance_when_clusterHasNoScalingConfiguration() {
        // GIVEN
        rds.availableCluster("orders");

        // WHEN / THEN
        assertFault("InvalidParameterCombination", 400, () -> rds.call("CreateDBInstance", "DBInstanceIdentifier", "orders-1",
                "DBClusterIdentifier", "orders", "Engine", "aurora-postgresql", "DBInstanceClass", "db.serverless"));
    }

    @Test
    void restoreDBClusterToPointInTime_should_takeScalingFromRequest_when_named() {
        // GIVEN a Serverless v2 source cluster a day old
        rds.availableCluster("orders", "ServerlessV2ScalingConfiguration", scaling(1, 8));
        rds.advance(Duration.ofDays(1));

        // WHEN restored once without and once with the scaling configuration
        rds.call("RestoreDBClusterToPointInTime", "DBClusterIdentifier", "plain", "SourceDBClusterIdentifier", "orders",
                "UseLatestRestorableTime", true);
        rds.call("RestoreDBClusterToPointInTime", "DBClusterIdentifier", "scaled", "SourceDBClusterIdentifier", "orders",
                "UseLatestRestorableTime", true, "ServerlessV2ScalingConfiguration", scaling(1, 8));
        rds.advance(rds.timings.clusterRestore());

        // THEN only the second takes db.serverless instances
        assertThat(rds.cluster("plain")).doesNotContainKey("ServerlessV2ScalingConfiguration");
        assertFault("InvalidParameterCombination", 400, () -> rds.call("CreateDBInstance", "DBInstanceIdentifier", "plain-1",
                "DBClusterIdentifier", "plain", "Engine", "aurora-postgresql", "DBInstanceClass", "db.serverless"));
        rds.call("CreateDBInstance", "DBInstanceIdentifier", "scaled-1", "DBClusterIdentifier", "scaled",
                "Engine", "aurora-postgresql", "DBInstanceClass", "db.serverless");
        assertThat(rds.instance("scaled-1")).containsEntry("DBInstanceClass", "db.serverless");
    }
}
