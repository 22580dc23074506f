package dev.auroraguard.simulator.rds;

import static dev.auroraguard.simulator.rds.RdsFixture.assertFault;
import static dev.auroraguard.simulator.rds.RdsFixture.clusterArn;
import static dev.auroraguard.simulator.rds.RdsFixture.filter;
import static dev.auroraguard.simulator.rds.RdsFixture.list;
import static dev.auroraguard.simulator.rds.RdsFixture.tags;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@SuppressWarnings("unchecked")
class RdsClusterTest {

    private final RdsFixture rds = new RdsFixture();

    @Test
    void createDBCluster_should_answerCreatingClusterWithRdsNames_when_valid() {
        // WHEN
        Map<String, Object> cluster = (Map<String, Object>) rds.createCluster("Orders-DB",
                "Tags", tags("team", "payments"), "StorageEncrypted", true).get("DBCluster");

        // THEN
        assertThat(cluster).containsEntry("DBClusterIdentifier", "orders-db")
                .containsEntry("Status", "creating")
                .containsEntry("Engine", "aurora-postgresql")
                .containsEntry("Port", 5432)
                .containsEntry("BackupRetentionPeriod", 1)
                .containsEntry("DBClusterArn", clusterArn("orders-db"))
                .containsEntry("StorageEncrypted", true)
                .containsEntry("ClusterCreateTime", RdsFixture.START)
                .containsEntry("DBClusterMembers", List.of())
                .doesNotContainKey("EarliestRestorableTime");
        assertThat((String) cluster.get("Endpoint")).matches("orders-db\\.cluster-[a-z0-9]{12}\\.us-east-1\\.rds\\.amazonaws\\.com");
        assertThat((String) cluster.get("ReaderEndpoint")).matches("orders-db\\.cluster-ro-[a-z0-9]{12}\\.us-east-1\\.rds\\.amazonaws\\.com");
        assertThat((String) cluster.get("DbClusterResourceId")).matches("cluster-[A-Z0-9]{26}");
        assertThat((String) cluster.get("KmsKeyId")).startsWith("arn:aws:kms:us-east-1:123456789012:key/");
        assertThat((String) cluster.get("PreferredBackupWindow")).matches("\\d\\d:\\d\\d-\\d\\d:\\d\\d");
        assertThat(cluster.get("TagList")).isEqualTo(tags("team", "payments"));
    }

    @Test
    void createDBCluster_should_becomeAvailableAndPublishRdsEvent0170_when_creationTimeHasPassed() {
        // GIVEN
        rds.createCluster("orders");
        rds.advance(rds.timings.clusterCreate().minusSeconds(1));
        assertThat(rds.cluster("orders")).containsEntry("Status", "creating");

        // WHEN
        rds.advance(Duration.ofSeconds(1));

        // THEN
        Map<String, Object> cluster = rds.cluster("orders");
        assertThat(cluster).containsEntry("Status", "available").containsKey("LatestRestorableTime");
        assertThat(rds.events.withDetailType("RDS DB Cluster Event")).singleElement().satisfies(event -> {
            assertThat(event.detailJson()).contains("\"EventID\":\"RDS-EVENT-0170\"", "\"Message\":\"DB cluster created\"",
                    "\"SourceIdentifier\":\"orders\"", "\"SourceType\":\"CLUSTER\"");
            assertThat(event.time()).isEqualTo(RdsFixture.START.plus(rds.timings.clusterCreate()));
            assertThat(event.resources()).containsExactly(clusterArn("orders"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1orders", "orders-", "ord--ers", "ord_ers", "ordérs", "a234567890123456789012345678901234567890123456789012345678901234"})
    void createDBCluster_should_refuseWithInvalidParameterValue_when_identifierBreaksRdsRules(String identifier) {
        assertFault("InvalidParameterValue", 400, () -> rds.createCluster(identifier));
        assertThat(rds.rds.clusterCount()).isZero();
    }

    @Test
    void createDBCluster_should_acceptSixtyThreeCharacters_when_identifierIsAtTheLimit() {
        String identifier = "a".repeat(63);

        rds.createCluster(identifier);

        assertThat(rds.rds.clusterCount()).isOne();
    }

    @Test
    void createDBCluster_should_refuseWithDBClusterAlreadyExistsFault_when_identifierDiffersOnlyInCase() {
        rds.createCluster("orders");

        assertFault("DBClusterAlreadyExistsFault", 400, () -> rds.createCluster("ORDERS"));
    }

    @Test
    void createDBCluster_should_refuseWithMissingParameter_when_engineIsMissing() {
        assertFault("MissingParameter", 400, () -> rds.call("CreateDBCluster", "DBClusterIdentifier", "orders"));
    }

    @Test
    void createDBCluster_should_refuseWithInvalidParameterValue_when_engineIsNotAurora() {
        assertFault("InvalidParameterValue", 400, () -> rds.call("CreateDBCluster", "DBClusterIdentifier", "orders",
                "Engine", "oracle-ee", "MasterUsername", "admin", "MasterUserPassword", "correct-horse"));
    }

    @Test
    void createDBCluster_should_refuseWithInvalidParameterValue_when_retentionOrPortOrWindowOutOfRange() {
        assertFault("InvalidParameterValue", 400, () -> rds.createCluster("a", "BackupRetentionPeriod", 36));
        assertFault("InvalidParameterValue", 400, () -> rds.createCluster("b", "Port", 80));
        assertFault("InvalidParameterValue", 400, () -> rds.createCluster("c", "PreferredBackupWindow", "03:00-03:10"));
        assertFault("InvalidParameterValue", 400, () -> rds.createCluster("d", "MasterUserPassword", "short"));
        assertThat(rds.rds.clusterCount()).isZero();
    }

    @Test
    void createDBCluster_should_refuseWithDBClusterQuotaExceededFault_when_fortyClustersExist() {
        for (int i = 0; i < 40; i++) {
            rds.createCluster("c" + i);
        }

        assertFault("DBClusterQuotaExceededFault", 403, () -> rds.createCluster("one-too-many"));
    }

    @Test
    void describeDBClusters_should_findCluster_when_namedByIdentifierInAnyCaseOrArn() {
        rds.createCluster("orders");
        rds.createCluster("billing");

        assertThat(list(rds.call("DescribeDBClusters", "DBClusterIdentifier", "ORDERS"), "DBClusters"))
                .extracting(c -> c.get("DBClusterIdentifier")).containsExactly("orders");
        assertThat(list(rds.call("DescribeDBClusters", "DBClusterIdentifier", clusterArn("billing")), "DBClusters"))
                .extracting(c -> c.get("DBClusterIdentifier")).containsExactly("billing");
        assertThat(list(rds.call("DescribeDBClusters"), "DBClusters")).hasSize(2);
    }

    @Test
    void describeDBClusters_should_refuseWithDBClusterNotFoundFault_when_clusterDoesNotExist() {
        assertFault("DBClusterNotFoundFault", 404, () -> rds.call("DescribeDBClusters", "DBClusterIdentifier", "nope"));
    }

    @Test
    void describeDBClusters_should_filterByDbClusterIdAndEngine_when_filtersGiven() {
        rds.createCluster("orders");
        rds.createCluster("billing");
        rds.call("CreateDBCluster", "DBClusterIdentifier", "legacy", "Engine", "aurora-mysql", "MasterUsername", "admin",
                "MasterUserPassword", "correct-horse");

        assertThat(list(rds.call("DescribeDBClusters", "Filters", List.of(filter("db-cluster-id", "orders", clusterArn("legacy")))),
                "DBClusters")).extracting(c -> c.get("DBClusterIdentifier")).containsExactly("legacy", "orders");
        assertThat(list(rds.call("DescribeDBClusters", "Filters", List.of(filter("engine", "aurora-mysql"))), "DBClusters"))
                .extracting(c -> c.get("DBClusterIdentifier")).containsExactly("legacy");
        assertFault("InvalidParameterValue", 400, () -> rds.call("DescribeDBClusters", "Filters", List.of(filter("colour", "red"))));
    }

    @Test
    void describeDBClusters_should_pageWithMarker_when_moreThanMaxRecords() {
        for (int i = 0; i < 25; i++) {
            rds.createCluster(String.format("c%02d", i));
        }

        Map<String, Object> first = rds.call("DescribeDBClusters", "MaxRecords", 20);
        Map<String, Object> second = rds.call("DescribeDBClusters", "MaxRecords", 20, "Marker", first.get("Marker"));

        assertThat(list(first, "DBClusters")).hasSize(20);
        assertThat(list(second, "DBClusters")).hasSize(5).first().extracting(c -> c.get("DBClusterIdentifier")).isEqualTo("c20");
        assertThat(second).doesNotContainKey("Marker");
        assertFault("InvalidParameterValue", 400, () -> rds.call("DescribeDBClusters", "MaxRecords", 10));
    }

    @Test
    void deleteDBCluster_should_goDeletingThenDisappearWithRdsEvent0171_when_skippingFinalSnapshot() {
        // GIVEN
        rds.availableCluster("orders");

        // WHEN
        Map<String, Object> deleted = (Map<String, Object>) rds.call("DeleteDBCluster", "DBClusterIdentifier", "orders",
                "SkipFinalSnapshot", true).get("DBCluster");

        // THEN
        assertThat(deleted).containsEntry("Status", "deleting");
        rds.advance(rds.timings.deletion());
        assertFault("DBClusterNotFoundFault", 404, () -> rds.cluster("orders"));
        assertThat(rds.events.withDetailType("RDS DB Cluster Event")).last()
                .satisfies(e -> assertThat(e.detailJson()).contains("RDS-EVENT-0171", "DB cluster deleted"));
    }

    @Test
    void deleteDBCluster_should_takeFinalManualSnapshot_when_finalSnapshotIdentifierGiven() {
        rds.availableCluster("orders", "CopyTagsToSnapshot", true, "Tags", tags("env", "prod"));

        rds.call("DeleteDBCluster", "DBClusterIdentifier", "orders", "FinalDBSnapshotIdentifier", "orders-final");
        rds.advance(rds.timings.snapshotCreate());

        assertThat(rds.snapshot("orders-final")).containsEntry("Status", "available").containsEntry("SnapshotType", "manual")
                .containsEntry("DBClusterIdentifier", "orders").containsEntry("TagList", tags("env", "prod"));
        assertThat(rds.rds.clusterCount()).isZero();
    }

    @Test
    void deleteDBCluster_should_refuseWithInvalidParameterCombination_when_finalSnapshotChoiceIsContradictory() {
        rds.availableCluster("orders");

        assertFault("InvalidParameterCombination", 400, () -> rds.call("DeleteDBCluster", "DBClusterIdentifier", "orders"));
        assertFault("InvalidParameterCombination", 400, () -> rds.call("DeleteDBCluster", "DBClusterIdentifier", "orders",
                "SkipFinalSnapshot", true, "FinalDBSnapshotIdentifier", "final"));
        assertThat(rds.cluster("orders")).containsEntry("Status", "available");
    }

    @Test
    void deleteDBCluster_should_refuseWithInvalidParameterCombination_when_deletionProtectionIsOn() {
        rds.availableCluster("orders", "DeletionProtection", true);

        assertFault("InvalidParameterCombination", 400,
                () -> rds.call("DeleteDBCluster", "DBClusterIdentifier", "orders", "SkipFinalSnapshot", true));
        assertThat(rds.cluster("orders")).containsEntry("Status", "available");
    }

    @Test
    void deleteDBCluster_should_refuseWithInvalidDBClusterStateFault_when_instancesRemainOrAlreadyDeleting() {
        rds.availableCluster("orders");
        rds.call("CreateDBInstance", "DBInstanceIdentifier", "orders-1", "DBInstanceClass", "db.r6g.large",
                "Engine", "aurora-postgresql", "DBClusterIdentifier", "orders");

        assertFault("InvalidDBClusterStateFault", 400,
                () -> rds.call("DeleteDBCluster", "DBClusterIdentifier", "orders", "SkipFinalSnapshot", true));

        rds.call("DeleteDBInstance", "DBInstanceIdentifier", "orders-1");
        rds.call("DeleteDBCluster", "DBClusterIdentifier", "orders", "SkipFinalSnapshot", true);
        assertFault("InvalidDBClusterStateFault", 400,
                () -> rds.call("DeleteDBCluster", "DBClusterIdentifier", "orders", "SkipFinalSnapshot", true));
    }

    @Test
    void deleteDBCluster_should_refuseWithSnapshotQuotaExceeded_when_finalSnapshotWouldExceedQuota() {
        RdsFixture small = new RdsFixture(1);
        small.availableCluster("orders");
        small.availableSnapshot("orders", "only-one");

        assertFault("SnapshotQuotaExceeded", 400, () -> small.call("DeleteDBCluster", "DBClusterIdentifier", "orders",
                "FinalDBSnapshotIdentifier", "final"));
        assertThat(small.cluster("orders")).containsEntry("Status", "available");
    }

    @Test
    void stopAndStartDBCluster_should_passThroughStoppingStoppedStartingAvailable_when_clusterIsAvailable() {
        // GIVEN
        rds.availableCluster("orders");
        rds.call("CreateDBInstance", "DBInstanceIdentifier", "orders-1", "DBInstanceClass", "db.r6g.large",
                "Engine", "aurora-postgresql", "DBClusterIdentifier", "orders");
        rds.advance(rds.timings.instanceCreate());

        // WHEN / THEN
        assertThat(((Map<String, Object>) rds.call("StopDBCluster", "DBClusterIdentifier", "orders").get("DBCluster")))
                .containsEntry("Status", "stopping");
        rds.advance(rds.timings.instanceCreate());
        assertThat(rds.cluster("orders")).containsEntry("Status", "stopped");
        assertThat(rds.instance("orders-1")).containsEntry("DBInstanceStatus", "stopped");
        assertFault("InvalidDBClusterStateFault", 400, () -> rds.call("StopDBCluster", "DBClusterIdentifier", "orders"));

        assertThat(((Map<String, Object>) rds.call("StartDBCluster", "DBClusterIdentifier", "orders").get("DBCluster")))
                .containsEntry("Status", "starting");
        rds.advance(rds.timings.instanceCreate());
        assertThat(rds.cluster("orders")).containsEntry("Status", "available");
        assertThat(rds.instance("orders-1")).containsEntry("DBInstanceStatus", "available");
        assertThat(rds.events.withDetailType("RDS DB Cluster Event")).extracting(e -> e.detailJson())
                .anySatisfy(d -> assertThat(d).contains("RDS-EVENT-0150", "DB cluster stopped"))
                .anySatisfy(d -> assertThat(d).contains("RDS-EVENT-0151", "DB cluster started"));
    }

    @Test
    void startDBCluster_should_refuseWithInvalidDBClusterStateFault_when_clusterIsNotStopped() {
        rds.availableCluster("orders");

        assertFault("InvalidDBClusterStateFault", 400, () -> rds.call("StartDBCluster", "DBClusterIdentifier", "orders"));
        assertFault("DBClusterNotFoundFault", 404, () -> rds.call("StartDBCluster", "DBClusterIdentifier", "nope"));
    }

    @Test
    void stoppedCluster_should_startByItselfWithRdsEvent0153_when_stoppedForSevenDays() {
        rds.availableCluster("orders");
        rds.call("StopDBCluster", "DBClusterIdentifier", "orders");

        rds.advance(Duration.ofDays(7));

        assertThat(rds.cluster("orders")).containsEntry("Status", "starting");
        assertThat(rds.events.withDetailType("RDS DB Cluster Event")).extracting(e -> e.detailJson())
                .anySatisfy(d -> assertThat(d).contains("RDS-EVENT-0153"));
        rds.advance(rds.timings.instanceCreate());
        assertThat(rds.cluster("orders")).containsEntry("Status", "available");
    }

    @Test
    void restorableWindow_should_trailNowAndBeBoundedByRetention_when_timePasses() {
        // GIVEN a cluster with 3 days of backup retention
        rds.availableCluster("orders", "BackupRetentionPeriod", 3);

        // WHEN ten days pass
        rds.advance(Duration.ofDays(10));

        // THEN latest is now - lag and earliest is now - 3 days
        Instant now = rds.clock.instant();
        assertThat(rds.cluster("orders"))
                .containsEntry("LatestRestorableTime", now.minus(rds.timings.latestRestorableLag()))
                .containsEntry("EarliestRestorableTime", now.minus(Duration.ofDays(3)));
    }

    @Test
    void restorableWindow_should_startAtCreation_when_clusterIsYoung() {
        rds.availableCluster("orders", "BackupRetentionPeriod", 7);

        assertThat(rds.cluster("orders"))
                .containsEntry("EarliestRestorableTime", RdsFixture.START)
                .containsEntry("LatestRestorableTime", rds.clock.instant().minus(rds.timings.latestRestorableLag()));
    }
}
