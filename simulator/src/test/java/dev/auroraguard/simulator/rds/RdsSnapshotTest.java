package dev.auroraguard.simulator.rds;

import static dev.auroraguard.simulator.rds.RdsFixture.assertFault;
import static dev.auroraguard.simulator.rds.RdsFixture.snapshotArn;
import static dev.auroraguard.simulator.rds.RdsFixture.tags;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.simulator.RecordedEvent;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class RdsSnapshotTest {

    private final RdsFixture rds = new RdsFixture();

    private Map<String, Object> createSnapshot(String cluster, String snapshot, Object... extra) {
        Object[] args = new Object[4 + extra.length];
        args[0] = "DBClusterIdentifier";
        args[1] = cluster;
        args[2] = "DBClusterSnapshotIdentifier";
        args[3] = snapshot;
        System.arraycopy(extra, 0, args, 4, extra.length);
        return (Map<String, Object>) rds.call("CreateDBClusterSnapshot", args).get("DBClusterSnapshot");
    }

    @Test
    void createDBClusterSnapshot_should_goCreatingWithProgressThenAvailable_when_clusterIsAvailable() {
        // GIVEN
        rds.availableCluster("orders");

        // WHEN
        Map<String, Object> created = createSnapshot("orders", "Pre-Deploy-1");

        // THEN
        assertThat(created).containsEntry("DBClusterSnapshotIdentifier", "pre-deploy-1").containsEntry("Status", "creating")
                .containsEntry("SnapshotType", "manual").containsEntry("PercentProgress", 0)
                .containsEntry("DBClusterSnapshotArn", snapshotArn("pre-deploy-1")).containsEntry("Engine", "aurora-postgresql")
                .containsEntry("SnapshotCreateTime", rds.clock.instant()).containsKey("TagList");
        assertThat(rds.cluster("orders")).containsEntry("Status", "backing-up");

        rds.advance(rds.timings.snapshotCreate().dividedBy(2));
        assertThat(rds.snapshot("pre-deploy-1")).containsEntry("Status", "creating").containsEntry("PercentProgress", 50);

        rds.advance(rds.timings.snapshotCreate().dividedBy(2));
        assertThat(rds.snapshot("pre-deploy-1")).containsEntry("Status", "available").containsEntry("PercentProgress", 100);
        assertThat(rds.cluster("orders")).containsEntry("Status", "available");
    }

    @Test
    void createDBClusterSnapshot_should_publishRdsEvents0074And0075_when_snapshotStartsAndFinishes() {
        rds.availableCluster("orders");

        createSnapshot("orders", "nightly", "Tags", tags("purpose", "nightly"));
        rds.advance(rds.timings.snapshotCreate());

        assertThat(rds.events.withDetailType("RDS DB Cluster Snapshot Event")).extracting(RecordedEvent::detailJson)
                .satisfiesExactly(
                        started -> assertThat(started).contains("\"EventID\":\"RDS-EVENT-0074\"",
                                "\"Message\":\"Creating manual cluster snapshot\"", "\"SourceIdentifier\":\"nightly\"",
                                "\"Tags\":{\"purpose\":\"nightly\"}"),
                        finished -> assertThat(finished).contains("\"EventID\":\"RDS-EVENT-0075\"",
                                "\"Message\":\"Manual cluster snapshot created\"", "\"SourceArn\":\"" + snapshotArn("nightly") + "\""));
    }

    @Test
    void createDBClusterSnapshot_should_refuseWithInvalidDBClusterStateFault_when_clusterIsBackingUpOrNotAvailable() {
        rds.availableCluster("orders");
        createSnapshot("orders", "first");

        assertFault("InvalidDBClusterStateFault", 400, () -> createSnapshot("orders", "second"));

        rds.createCluster("fresh");
        assertFault("InvalidDBClusterStateFault", 400, () -> createSnapshot("fresh", "too-early"));
        assertThat(rds.rds.manualSnapshotCount()).isOne();
    }

    @Test
    void createDBClusterSnapshot_should_refuse_when_clusterMissingOrSnapshotExistsOrIdentifierInvalid() {
        rds.availableCluster("orders");
        rds.availableSnapshot("orders", "taken");

        assertFault("DBClusterNotFoundFault", 404, () -> createSnapshot("nope", "s1"));
        assertFault("DBClusterSnapshotAlreadyExistsFault", 400, () -> createSnapshot("orders", "TAKEN"));
        assertFault("InvalidParameterValue", 400, () -> createSnapshot("orders", "bad_name"));
        assertFault("MissingParameter", 400, () -> rds.call("CreateDBClusterSnapshot", "DBClusterIdentifier", "orders"));
        assertThat(rds.cluster("orders")).containsEntry("Status", "available");
    }

    @Test
    void createDBClusterSnapshot_should_copyClusterTags_when_copyTagsToSnapshotAndNoTagsGiven() {
        rds.availableCluster("orders", "CopyTagsToSnapshot", true, "Tags", tags("env", "prod", "team", "payments"));

        assertThat(createSnapshot("orders", "copied").get("TagList")).isEqualTo(tags("env", "prod", "team", "payments"));
    }

    @Test
    void createDBClusterSnapshot_should_useOnlyRequestTags_when_tagsGivenEvenWithCopyTagsToSnapshot() {
        rds.availableCluster("orders", "CopyTagsToSnapshot", true, "Tags", tags("env", "prod"));

        assertThat(createSnapshot("orders", "explicit", "Tags", tags("purpose", "pre-deploy")).get("TagList"))
                .isEqualTo(tags("purpose", "pre-deploy"));
    }

    @Test
    void createDBClusterSnapshot_should_notCopyClusterTags_when_copyTagsToSnapshotIsOff() {
        rds.availableCluster("orders", "Tags", tags("env", "prod"));

        assertThat(createSnapshot("orders", "plain").get("TagList")).isEqualTo(tags());
    }

    @Test
    void createDBClusterSnapshot_should_refuseWithSnapshotQuotaExceeded_when_quotaReachedCountingCreatingAndCopies() {
        // GIVEN a quota of 3: one available, one copy in progress, one creating
        RdsFixture small = new RdsFixture(3);
        small.availableCluster("orders");
        small.availableSnapshot("orders", "one");
        small.call("CopyDBClusterSnapshot", "SourceDBClusterSnapshotIdentifier", "one", "TargetDBClusterSnapshotIdentifier", "two");
        small.call("CreateDBClusterSnapshot", "DBClusterIdentifier", "orders", "DBClusterSnapshotIdentifier", "three");
        small.advance(small.timings.snapshotCreate());

        // WHEN / THEN
        assertFault("SnapshotQuotaExceeded", 400, () -> small.call("CreateDBClusterSnapshot",
                "DBClusterIdentifier", "orders", "DBClusterSnapshotIdentifier", "four"));
        assertFault("SnapshotQuotaExceeded", 400, () -> small.call("CopyDBClusterSnapshot",
                "SourceDBClusterSnapshotIdentifier", "one", "TargetDBClusterSnapshotIdentifier", "four"));
        small.call("DeleteDBClusterSnapshot", "DBClusterSnapshotIdentifier", "two");
        small.call("CreateDBClusterSnapshot", "DBClusterIdentifier", "orders", "DBClusterSnapshotIdentifier", "four");
        assertThat(small.rds.manualSnapshotCount()).isEqualTo(3);
    }

    @Test
    void createDBClusterSnapshot_should_notCountAutomatedSnapshotsAgainstQuota_when_automatedExist() {
        RdsFixture small = new RdsFixture(1);
        small.availableCluster("orders", "BackupRetentionPeriod", 5);
        small.advance(Duration.ofDays(3));

        small.call("CreateDBClusterSnapshot", "DBClusterIdentifier", "orders", "DBClusterSnapshotIdentifier", "manual-one");

        assertThat(small.rds.snapshotCount()).isEqualTo(4);
        assertThat(small.rds.manualSnapshotCount()).isOne();
    }

    @Test
    void deleteDBClusterSnapshot_should_removeManualSnapshot_when_available() {
        rds.availableCluster("orders");
        rds.availableSnapshot("orders", "old");

        Map<String, Object> deleted = (Map<String, Object>) rds.call("DeleteDBClusterSnapshot",
                "DBClusterSnapshotIdentifier", snapshotArn("old")).get("DBClusterSnapshot");

        assertThat(deleted).containsEntry("DBClusterSnapshotIdentifier", "old").containsEntry("Status", "deleted");
        assertFault("DBClusterSnapshotNotFoundFault", 404, () -> rds.snapshot("old"));
        assertFault("DBClusterSnapshotNotFoundFault", 404,
                () -> rds.call("DeleteDBClusterSnapshot", "DBClusterSnapshotIdentifier", "old"));
    }

    @Test
    void deleteDBClusterSnapshot_should_refuseWithInvalidDBClusterSnapshotStateFault_when_automatedOrStillCreating() {
        rds.availableCluster("orders");
        rds.advance(Duration.ofDays(1));
        String automated = (String) RdsFixture.list(rds.call("DescribeDBClusterSnapshots", "SnapshotType", "automated"),
                "DBClusterSnapshots").get(0).get("DBClusterSnapshotIdentifier");
        createSnapshot("orders", "in-progress");

        assertFault("InvalidDBClusterSnapshotStateFault", 400,
                () -> rds.call("DeleteDBClusterSnapshot", "DBClusterSnapshotIdentifier", automated));
        assertFault("InvalidDBClusterSnapshotStateFault", 400,
                () -> rds.call("DeleteDBClusterSnapshot", "DBClusterSnapshotIdentifier", "in-progress"));
        assertThat(rds.rds.snapshotStatus(automated)).contains("available");
    }

    @Test
    void copyDBClusterSnapshot_should_makeManualCopyWithSourceArnAndTags_when_sourceAvailable() {
        // GIVEN
        rds.availableCluster("orders", "CopyTagsToSnapshot", true, "Tags", tags("env", "prod"));
        rds.availableSnapshot("orders", "source");

        // WHEN
        Map<String, Object> copy = (Map<String, Object>) rds.call("CopyDBClusterSnapshot",
                "SourceDBClusterSnapshotIdentifier", snapshotArn("source"), "TargetDBClusterSnapshotIdentifier", "Copy-1",
                "CopyTags", true, "Tags", tags("copied-by", "aurora-guard")).get("DBClusterSnapshot");

        // THEN
        assertThat(copy).containsEntry("DBClusterSnapshotIdentifier", "copy-1").containsEntry("Status", "copying")
                .containsEntry("SnapshotType", "manual").containsEntry("SourceDBClusterSnapshotArn", snapshotArn("source"))
                .containsEntry("DBClusterIdentifier", "orders")
                .containsEntry("TagList", tags("env", "prod", "copied-by", "aurora-guard"));
        rds.advance(rds.timings.snapshotCreate());
        assertThat(rds.snapshot("copy-1")).containsEntry("Status", "available");
    }

    @Test
    void copyDBClusterSnapshot_should_notCopyTags_when_copyTagsIsOff() {
        rds.availableCluster("orders", "CopyTagsToSnapshot", true, "Tags", tags("env", "prod"));
        rds.availableSnapshot("orders", "source");

        Map<String, Object> copy = (Map<String, Object>) rds.call("CopyDBClusterSnapshot",
                "SourceDBClusterSnapshotIdentifier", "source", "TargetDBClusterSnapshotIdentifier", "copy").get("DBClusterSnapshot");

        assertThat(copy.get("TagList")).isEqualTo(tags());
    }

    @Test
    void copyDBClusterSnapshot_should_makeManualSnapshot_when_sourceIsAutomated() {
        rds.availableCluster("orders");
        rds.advance(Duration.ofDays(1));
        String automated = (String) RdsFixture.list(rds.call("DescribeDBClusterSnapshots", "SnapshotType", "automated"),
                "DBClusterSnapshots").get(0).get("DBClusterSnapshotIdentifier");

        Map<String, Object> copy = (Map<String, Object>) rds.call("CopyDBClusterSnapshot",
                "SourceDBClusterSnapshotIdentifier", automated, "TargetDBClusterSnapshotIdentifier", "kept").get("DBClusterSnapshot");

        assertThat(copy).containsEntry("SnapshotType", "manual");
    }

    @Test
    void copyDBClusterSnapshot_should_refuse_when_sourceMissingOrNotAvailableOrTargetTaken() {
        rds.availableCluster("orders");
        rds.availableSnapshot("orders", "ready");
        createSnapshot("orders", "busy");

        assertFault("DBClusterSnapshotNotFoundFault", 404, () -> rds.call("CopyDBClusterSnapshot",
                "SourceDBClusterSnapshotIdentifier", "nope", "TargetDBClusterSnapshotIdentifier", "x"));
        assertFault("InvalidDBClusterSnapshotStateFault", 400, () -> rds.call("CopyDBClusterSnapshot",
                "SourceDBClusterSnapshotIdentifier", "busy", "TargetDBClusterSnapshotIdentifier", "x"));
        assertFault("DBClusterSnapshotAlreadyExistsFault", 400, () -> rds.call("CopyDBClusterSnapshot",
                "SourceDBClusterSnapshotIdentifier", "ready", "TargetDBClusterSnapshotIdentifier", "busy"));
        assertFault("InvalidParameterValue", 400, () -> rds.call("CopyDBClusterSnapshot",
                "SourceDBClusterSnapshotIdentifier", "ready", "TargetDBClusterSnapshotIdentifier", "x", "KmsKeyId", "alias/other"));
        assertThat(rds.rds.manualSnapshotCount()).isEqualTo(2);
    }

    @Test
    void deleteDBClusterSnapshot_should_cancelCopy_when_copyInProgress() {
        rds.availableCluster("orders");
        rds.availableSnapshot("orders", "source");
        rds.call("CopyDBClusterSnapshot", "SourceDBClusterSnapshotIdentifier", "source", "TargetDBClusterSnapshotIdentifier", "copy");

        rds.call("DeleteDBClusterSnapshot", "DBClusterSnapshotIdentifier", "copy");
        rds.advance(rds.timings.snapshotCreate());

        assertThat(rds.rds.snapshotStatus("copy")).isEmpty();
    }
}
