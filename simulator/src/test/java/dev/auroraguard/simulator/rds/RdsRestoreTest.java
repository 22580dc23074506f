package dev.auroraguard.simulator.rds;

import static dev.auroraguard.simulator.rds.RdsFixture.assertFault;
import static dev.auroraguard.simulator.rds.RdsFixture.clusterArn;
import static dev.auroraguard.simulator.rds.RdsFixture.snapshotArn;
import static dev.auroraguard.simulator.rds.RdsFixture.tags;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class RdsRestoreTest {

    private final RdsFixture rds = new RdsFixture();

    @BeforeEach
    void sourceCluster() {
        // GIVEN a source cluster with settings a restore must carry over, two days old
        rds.availableCluster("orders", "BackupRetentionPeriod", 7, "Port", 6543, "StorageEncrypted", true,
                "KmsKeyId", "1234abcd-12ab-34cd-56ef-1234567890ab", "EnableIAMDatabaseAuthentication", true,
                "DBClusterParameterGroupName", "orders-params", "DBSubnetGroupName", "orders-subnets",
                "VpcSecurityGroupIds", List.of("sg-0123456789abcdef0"), "DatabaseName", "orders",
                "Tags", tags("env", "prod"));
        rds.advance(Duration.ofDays(2));
    }

    private Map<String, Object> restoreToPointInTime(Object... args) {
        return (Map<String, Object>) rds.call("RestoreDBClusterToPointInTime", args).get("DBCluster");
    }

    @Test
    void restoreDBClusterToPointInTime_should_createClusterWithSourceSettingsAndNoInstances_when_timeInWindow() {
        // GIVEN
        Instant target = rds.clock.instant().minus(Duration.ofHours(6));

        // WHEN
        Map<String, Object> restored = restoreToPointInTime("DBClusterIdentifier", "orders-restored",
                "SourceDBClusterIdentifier", "orders", "RestoreToTime", target, "Tags", tags("restored-by", "aurora-guard"));

        // THEN
        assertThat(restored).containsEntry("DBClusterIdentifier", "orders-restored").containsEntry("Status", "creating")
                .containsEntry("Engine", "aurora-postgresql").containsEntry("Port", 6543).containsEntry("StorageEncrypted", true)
                .containsEntry("KmsKeyId", "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")
                .containsEntry("IAMDatabaseAuthenticationEnabled", true).containsEntry("DBClusterParameterGroup", "orders-params")
                .containsEntry("DBSubnetGroup", "orders-subnets").containsEntry("DatabaseName", "orders")
                .containsEntry("BackupRetentionPeriod", 7).containsEntry("DBClusterMembers", List.of())
                .containsEntry("TagList", tags("restored-by", "aurora-guard"));
        assertThat(RdsFixture.list(restored, "VpcSecurityGroups")).extracting(g -> g.get("VpcSecurityGroupId"))
                .containsExactly("sg-0123456789abcdef0");
        assertThat(rds.rds.restoreOrigin("orders-restored")).hasValue(
                new RdsSimulator.RestoreOrigin(clusterArn("orders"), null, target, "full-copy"));

        rds.advance(rds.timings.clusterRestore());
        assertThat(rds.cluster("orders-restored")).containsEntry("Status", "available").containsEntry("DBClusterMembers", List.of());
        assertThat(rds.events.withDetailType("RDS DB Cluster Event")).last()
                .satisfies(e -> assertThat(e.detailJson()).contains("RDS-EVENT-0170", "\"SourceIdentifier\":\"orders-restored\""));
    }

    @Test
    void restoreDBClusterToPointInTime_should_restoreToLatestRestorableTime_when_useLatestRestorableTime() {
        Instant latest = (Instant) rds.cluster("orders").get("LatestRestorableTime");

        restoreToPointInTime("DBClusterIdentifier", "latest", "SourceDBClusterIdentifier", clusterArn("orders"),
                "UseLatestRestorableTime", true, "Port", 5433);

        assertThat(rds.rds.restoreOrigin("latest")).get().extracting(RdsSimulator.RestoreOrigin::restoredToTime).isEqualTo(latest);
        assertThat(rds.cluster("latest")).containsEntry("Port", 5433);
    }

    @Test
    void restoreDBClusterToPointInTime_should_shareCloneGroup_when_copyOnWrite() {
        Map<String, Object> clone = restoreToPointInTime("DBClusterIdentifier", "clone", "SourceDBClusterIdentifier", "orders",
                "RestoreType", "copy-on-write", "UseLatestRestorableTime", true);

        assertThat(clone.get("CloneGroupId")).isNotNull().isEqualTo(rds.cluster("orders").get("CloneGroupId"));
    }

    @Test
    void restoreDBClusterToPointInTime_should_refuseWithInvalidParameterCombination_when_timeChoiceIsBothOrNeither() {
        Instant target = rds.clock.instant().minus(Duration.ofHours(1));

        assertFault("InvalidParameterCombination", 400, () -> restoreToPointInTime("DBClusterIdentifier", "r",
                "SourceDBClusterIdentifier", "orders", "RestoreToTime", target, "UseLatestRestorableTime", true));
        assertFault("InvalidParameterCombination", 400, () -> restoreToPointInTime("DBClusterIdentifier", "r",
                "SourceDBClusterIdentifier", "orders"));
        assertFault("InvalidParameterCombination", 400, () -> restoreToPointInTime("DBClusterIdentifier", "r",
                "SourceDBClusterIdentifier", "orders", "UseLatestRestorableTime", false));
        assertFault("InvalidParameterCombination", 400, () -> restoreToPointInTime("DBClusterIdentifier", "r",
                "SourceDBClusterIdentifier", "orders", "RestoreType", "copy-on-write", "RestoreToTime", target));
        assertFault("InvalidParameterValue", 400, () -> restoreToPointInTime("DBClusterIdentifier", "r",
                "SourceDBClusterIdentifier", "orders", "RestoreType", "snapshot", "UseLatestRestorableTime", true));
        assertThat(rds.rds.clusterCount()).isOne();
    }

    @Test
    void restoreDBClusterToPointInTime_should_refuseWithInvalidRestoreFault_when_timeOutsideRestorableWindow() {
        Instant now = rds.clock.instant();

        assertFault("InvalidRestoreFault", 400, () -> restoreToPointInTime("DBClusterIdentifier", "r",
                "SourceDBClusterIdentifier", "orders", "RestoreToTime", now.minusSeconds(60)));
        assertFault("InvalidRestoreFault", 400, () -> restoreToPointInTime("DBClusterIdentifier", "r",
                "SourceDBClusterIdentifier", "orders", "RestoreToTime", RdsFixture.START.minusSeconds(1)));
        assertFault("InvalidRestoreFault", 400, () -> restoreToPointInTime("DBClusterIdentifier", "r",
                "SourceDBClusterIdentifier", "orders", "RestoreToTime", now.plus(Duration.ofDays(1))));
    }

    @Test
    void restoreDBClusterToPointInTime_should_refuse_when_sourceMissingOrTargetTaken() {
        assertFault("DBClusterNotFoundFault", 404, () -> restoreToPointInTime("DBClusterIdentifier", "r",
                "SourceDBClusterIdentifier", "nope", "UseLatestRestorableTime", true));
        assertFault("DBClusterAlreadyExistsFault", 400, () -> restoreToPointInTime("DBClusterIdentifier", "ORDERS",
                "SourceDBClusterIdentifier", "orders", "UseLatestRestorableTime", true));
        assertFault("InvalidParameterValue", 400, () -> restoreToPointInTime("DBClusterIdentifier", "-r",
                "SourceDBClusterIdentifier", "orders", "UseLatestRestorableTime", true));
    }

    @Test
    void restoreDBClusterToPointInTime_should_refuseWithInvalidDBClusterStateFault_when_sourceStillCreating() {
        rds.createCluster("young");

        assertFault("InvalidDBClusterStateFault", 400, () -> restoreToPointInTime("DBClusterIdentifier", "r",
                "SourceDBClusterIdentifier", "young", "UseLatestRestorableTime", true));
    }

    @Test
    void restoreDBClusterToPointInTime_should_refuseCreateDBInstance_until_restoredClusterAvailable() {
        restoreToPointInTime("DBClusterIdentifier", "restored", "SourceDBClusterIdentifier", "orders", "UseLatestRestorableTime", true);

        assertFault("InvalidDBClusterStateFault", 400, () -> rds.call("CreateDBInstance", "DBInstanceIdentifier", "restored-1",
                "DBInstanceClass", "db.r6g.large", "Engine", "aurora-postgresql", "DBClusterIdentifier", "restored"));
        rds.advance(rds.timings.clusterRestore());
        rds.call("CreateDBInstance", "DBInstanceIdentifier", "restored-1", "DBInstanceClass", "db.r6g.large",
                "Engine", "aurora-postgresql", "DBClusterIdentifier", "restored");
        assertThat(RdsFixture.list(rds.cluster("restored"), "DBClusterMembers")).hasSize(1);
    }

    @Test
    void restoreDBClusterFromSnapshot_should_createClusterFromSnapshotByIdOrArn_when_snapshotAvailable() {
        // GIVEN
        rds.availableSnapshot("orders", "before-migration");

        // WHEN
        Map<String, Object> byId = (Map<String, Object>) rds.call("RestoreDBClusterFromSnapshot", "DBClusterIdentifier", "from-id",
                "SnapshotIdentifier", "before-migration", "Engine", "aurora-postgresql").get("DBCluster");
        Map<String, Object> byArn = (Map<String, Object>) rds.call("RestoreDBClusterFromSnapshot", "DBClusterIdentifier", "from-arn",
                "SnapshotIdentifier", snapshotArn("before-migration"), "Engine", "aurora-postgresql", "Port", 5440).get("DBCluster");

        // THEN
        assertThat(byId).containsEntry("Status", "creating").containsEntry("Port", 5432).containsEntry("StorageEncrypted", true)
                .containsEntry("KmsKeyId", "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")
                .containsEntry("MasterUsername", "postgres").containsEntry("DBClusterMembers", List.of());
        assertThat(byArn).containsEntry("Port", 5440);
        assertThat(rds.rds.restoreOrigin("from-id")).hasValue(
                new RdsSimulator.RestoreOrigin(null, snapshotArn("before-migration"), null, null));
        rds.advance(rds.timings.clusterRestore());
        assertThat(rds.cluster("from-id")).containsEntry("Status", "available");
    }

    @Test
    void restoreDBClusterFromSnapshot_should_refuse_when_snapshotMissingOrNotAvailableOrEngineMissing() {
        rds.call("CreateDBClusterSnapshot", "DBClusterIdentifier", "orders", "DBClusterSnapshotIdentifier", "busy");

        assertFault("DBClusterSnapshotNotFoundFault", 404, () -> rds.call("RestoreDBClusterFromSnapshot",
                "DBClusterIdentifier", "r", "SnapshotIdentifier", "nope", "Engine", "aurora-postgresql"));
        assertFault("InvalidDBClusterSnapshotStateFault", 400, () -> rds.call("RestoreDBClusterFromSnapshot",
                "DBClusterIdentifier", "r", "SnapshotIdentifier", "busy", "Engine", "aurora-postgresql"));
        assertFault("MissingParameter", 400, () -> rds.call("RestoreDBClusterFromSnapshot",
                "DBClusterIdentifier", "r", "SnapshotIdentifier", "busy"));
        rds.advance(rds.timings.snapshotCreate());
        assertFault("InvalidParameterCombination", 400, () -> rds.call("RestoreDBClusterFromSnapshot",
                "DBClusterIdentifier", "r", "SnapshotIdentifier", "busy", "Engine", "aurora-mysql"));
        assertFault("DBClusterAlreadyExistsFault", 400, () -> rds.call("RestoreDBClusterFromSnapshot",
                "DBClusterIdentifier", "orders", "SnapshotIdentifier", "busy", "Engine", "aurora-postgresql"));
        assertThat(rds.rds.clusterCount()).isOne();
    }
}
