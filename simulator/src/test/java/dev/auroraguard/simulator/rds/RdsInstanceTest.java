package dev.auroraguard.simulator.rds;

import static dev.auroraguard.simulator.rds.RdsFixture.assertFault;
import static dev.auroraguard.simulator.rds.RdsFixture.filter;
import static dev.auroraguard.simulator.rds.RdsFixture.instanceArn;
import static dev.auroraguard.simulator.rds.RdsFixture.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class RdsInstanceTest {

    private final RdsFixture rds = new RdsFixture();

    private Map<String, Object> createInstance(String identifier, String cluster, Object... extra) {
        List<Object> args = new java.util.ArrayList<>(List.of("DBInstanceIdentifier", identifier, "DBInstanceClass",
                "db.r6g.large", "Engine", "aurora-postgresql", "DBClusterIdentifier", cluster));
        args.addAll(List.of(extra));
        return (Map<String, Object>) rds.call("CreateDBInstance", args.toArray()).get("DBInstance");
    }

    @Test
    void createDBInstance_should_refuseWithInvalidDBClusterStateFault_when_clusterIsStillCreating() {
        rds.createCluster("orders");

        assertFault("InvalidDBClusterStateFault", 400, () -> createInstance("orders-1", "orders"));
        assertThat(rds.rds.instanceCount()).isZero();
    }

    @Test
    void createDBInstance_should_joinClusterAsWriterThenBecomeAvailableWithRdsEvent0005_when_clusterIsAvailable() {
        // GIVEN
        rds.availableCluster("orders");

        // WHEN
        Map<String, Object> instance = createInstance("Orders-1", "orders");

        // THEN
        assertThat(instance).containsEntry("DBInstanceIdentifier", "orders-1").containsEntry("DBInstanceStatus", "creating")
                .containsEntry("DBClusterIdentifier", "orders").containsEntry("DBInstanceArn", instanceArn("orders-1"))
                .doesNotContainKey("Endpoint");
        assertThat(list(rds.cluster("orders"), "DBClusterMembers")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("DBInstanceIdentifier", "orders-1").containsEntry("IsClusterWriter", true));

        rds.advance(rds.timings.instanceCreate());
        Map<String, Object> available = rds.instance("orders-1");
        assertThat(available).containsEntry("DBInstanceStatus", "available").containsKey("InstanceCreateTime");
        assertThat(((Map<String, Object>) available.get("Endpoint")).get("Address")).asString()
                .matches("orders-1\\.[a-z0-9]{12}\\.us-east-1\\.rds\\.amazonaws\\.com");
        assertThat((String) available.get("DbiResourceId")).matches("db-[A-Z0-9]{26}");
        assertThat(rds.events.withDetailType("RDS DB Instance Event")).singleElement()
                .satisfies(e -> assertThat(e.detailJson()).contains("RDS-EVENT-0005", "DB instance created", "\"SourceType\":\"DB_INSTANCE\""));
    }

    @Test
    void createDBInstance_should_makeLaterInstancesReaders_when_clusterAlreadyHasWriter() {
        rds.availableCluster("orders");
        createInstance("orders-1", "orders");
        createInstance("orders-2", "orders");

        assertThat(list(rds.cluster("orders"), "DBClusterMembers"))
                .extracting(m -> m.get("DBInstanceIdentifier") + "=" + m.get("IsClusterWriter"))
                .containsExactly("orders-1=true", "orders-2=false");
        assertThat(rds.cluster("orders")).containsEntry("MultiAZ", true);
    }

    @Test
    void createDBInstance_should_refuseWithDBClusterNotFoundFault_when_clusterDoesNotExist() {
        assertFault("DBClusterNotFoundFault", 404, () -> createInstance("orders-1", "nope"));
    }

    @Test
    void createDBInstance_should_refuseWithDBInstanceAlreadyExists_when_identifierTaken() {
        rds.availableCluster("orders");
        createInstance("orders-1", "orders");

        assertFault("DBInstanceAlreadyExists", 400, () -> createInstance("ORDERS-1", "orders"));
    }

    @Test
    void createDBInstance_should_refuseWithInvalidParameterCombination_when_clusterSettingsOrOtherEngineGiven() {
        rds.availableCluster("orders");

        assertFault("InvalidParameterCombination", 400, () -> createInstance("orders-1", "orders", "MasterUsername", "admin"));
        assertFault("InvalidParameterCombination", 400, () -> createInstance("orders-1", "orders", "BackupRetentionPeriod", 7));
        assertFault("InvalidParameterCombination", 400, () -> rds.call("CreateDBInstance", "DBInstanceIdentifier", "orders-1",
                "DBInstanceClass", "db.r6g.large", "Engine", "aurora-mysql", "DBClusterIdentifier", "orders"));
        assertFault("InvalidParameterValue", 400, () -> rds.call("CreateDBInstance", "DBInstanceIdentifier", "orders-1",
                "DBInstanceClass", "db.r6g.large", "Engine", "aurora-postgresql"));
        assertFault("InvalidParameterValue", 400, () -> createInstance("orders--1", "orders"));
        assertThat(rds.rds.instanceCount()).isZero();
    }

    @Test
    void describeDBInstances_should_filterByClusterAndRefuseUnknownInstance_when_asked() {
        rds.availableCluster("orders");
        rds.availableCluster("billing");
        createInstance("orders-1", "orders");
        createInstance("billing-1", "billing");

        assertThat(list(rds.call("DescribeDBInstances", "Filters", List.of(filter("db-cluster-id", "orders"))), "DBInstances"))
                .extracting(i -> i.get("DBInstanceIdentifier")).containsExactly("orders-1");
        assertThat(list(rds.call("DescribeDBInstances", "DBInstanceIdentifier", instanceArn("billing-1")), "DBInstances"))
                .extracting(i -> i.get("DBInstanceIdentifier")).containsExactly("billing-1");
        assertFault("DBInstanceNotFound", 404, () -> rds.call("DescribeDBInstances", "DBInstanceIdentifier", "nope"));
    }

    @Test
    void deleteDBInstance_should_disappearWithRdsEvent0003AndHandOverWriter_when_writerDeleted() {
        // GIVEN
        rds.availableCluster("orders");
        createInstance("orders-1", "orders");
        createInstance("orders-2", "orders");
        rds.advance(rds.timings.instanceCreate());

        // WHEN
        Map<String, Object> deleting = (Map<String, Object>) rds.call("DeleteDBInstance", "DBInstanceIdentifier", "orders-1")
                .get("DBInstance");
        rds.advance(rds.timings.deletion());

        // THEN
        assertThat(deleting).containsEntry("DBInstanceStatus", "deleting");
        assertFault("DBInstanceNotFound", 404, () -> rds.instance("orders-1"));
        assertThat(list(rds.cluster("orders"), "DBClusterMembers")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("DBInstanceIdentifier", "orders-2").containsEntry("IsClusterWriter", true));
        assertThat(rds.events.withDetailType("RDS DB Instance Event")).last()
                .satisfies(e -> assertThat(e.detailJson()).contains("RDS-EVENT-0003", "DB instance deleted"));
    }

    @Test
    void deleteDBInstance_should_refuse_when_alreadyDeletingOrFinalSnapshotRequested() {
        rds.availableCluster("orders");
        createInstance("orders-1", "orders");

        assertFault("InvalidParameterCombination", 400, () -> rds.call("DeleteDBInstance", "DBInstanceIdentifier", "orders-1",
                "FinalDBSnapshotIdentifier", "final"));
        rds.call("DeleteDBInstance", "DBInstanceIdentifier", "orders-1");
        assertFault("InvalidDBInstanceState", 400, () -> rds.call("DeleteDBInstance", "DBInstanceIdentifier", "orders-1"));
        assertFault("DBInstanceNotFound", 404, () -> rds.call("DeleteDBInstance", "DBInstanceIdentifier", "nope"));
    }
}
