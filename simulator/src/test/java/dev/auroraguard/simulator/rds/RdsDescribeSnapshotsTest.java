package dev.auroraguard.simulator.rds;

import static dev.auroraguard.simulator.rds.RdsFixture.assertFault;
import static dev.auroraguard.simulator.rds.RdsFixture.clusterArn;
import static dev.auroraguard.simulator.rds.RdsFixture.filter;
import static dev.auroraguard.simulator.rds.RdsFixture.list;
import static dev.auroraguard.simulator.rds.RdsFixture.tags;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RdsDescribeSnapshotsTest {

    private final RdsFixture rds = new RdsFixture(300);

    private List<String> identifiers(Object... keysAndValues) {
        return list(rds.call("DescribeDBClusterSnapshots", keysAndValues), "DBClusterSnapshots").stream()
                .map(s -> (String) s.get("DBClusterSnapshotIdentifier")).toList();
    }

    /** A cluster with two days of automated snapshots and two manual ones. */
    private void clusterWithManualAndAutomatedSnapshots() {
        rds.availableCluster("orders", "BackupRetentionPeriod", 7, "CopyTagsToSnapshot", true, "Tags", tags("env", "prod"));
        rds.advance(Duration.ofDays(2));
        rds.availableSnapshot("orders", "manual-a");
        rds.availableSnapshot("orders", "manual-b");
    }

    @Test
    void describeDBClusterSnapshots_should_listEverySnapshotInPagesOfOneHundred_when_250Exist() {
        // GIVEN 250 manual snapshots (creating a snapshot needs the cluster back to available each time)
        rds.availableCluster("orders");
        for (int i = 0; i < 250; i++) {
            rds.availableSnapshot("orders", String.format("snap-%03d", i));
        }

        // WHEN
        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String marker = null;
        do {
            Map<String, Object> page = marker == null
                    ? rds.call("DescribeDBClusterSnapshots", "SnapshotType", "manual")
                    : rds.call("DescribeDBClusterSnapshots", "SnapshotType", "manual", "Marker", marker);
            List<Map<String, Object>> snapshots = list(page, "DBClusterSnapshots");
            pageSizes.add(snapshots.size());
            snapshots.forEach(s -> seen.add((String) s.get("DBClusterSnapshotIdentifier")));
            marker = (String) page.get("Marker");
        } while (marker != null);

        // THEN
        assertThat(pageSizes).containsExactly(100, 100, 50);
        assertThat(seen).hasSize(250).doesNotHaveDuplicates().contains("snap-000", "snap-249");
    }

    @Test
    void describeDBClusterSnapshots_should_keepPagingConsistent_when_snapshotDeletedBetweenPages() {
        rds.availableCluster("orders");
        for (int i = 0; i < 30; i++) {
            rds.availableSnapshot("orders", String.format("snap-%02d", i));
        }
        Map<String, Object> first = rds.call("DescribeDBClusterSnapshots", "MaxRecords", 20);

        rds.call("DeleteDBClusterSnapshot", "DBClusterSnapshotIdentifier", "snap-05");
        List<String> second = identifiers("MaxRecords", 20, "Marker", first.get("Marker"));

        assertThat(second).hasSize(10).first().isEqualTo("snap-20");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 19, 101, 1000})
    void describeDBClusterSnapshots_should_refuseWithInvalidParameterValue_when_maxRecordsOutOfRange(int maxRecords) {
        assertFault("InvalidParameterValue", 400, () -> rds.call("DescribeDBClusterSnapshots", "MaxRecords", maxRecords));
    }

    @Test
    void describeDBClusterSnapshots_should_refuseWithInvalidParameterValue_when_markerIsNotOneItHandedOut() {
        assertFault("InvalidParameterValue", 400, () -> rds.call("DescribeDBClusterSnapshots", "Marker", "not-a-marker!"));
    }

    @Test
    void describeDBClusterSnapshots_should_separateManualFromAutomated_when_snapshotTypeGiven() {
        clusterWithManualAndAutomatedSnapshots();

        assertThat(identifiers("SnapshotType", "manual")).containsExactly("manual-a", "manual-b");
        assertThat(identifiers("SnapshotType", "automated")).hasSize(2)
                .allSatisfy(id -> assertThat(id).matches("rds:orders-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}"));
        assertThat(identifiers()).hasSize(4);
        assertThat(identifiers("Filters", List.of(filter("snapshot-type", "automated")))).hasSize(2);
    }

    @Test
    void describeDBClusterSnapshots_should_includeTagList_when_listing() {
        clusterWithManualAndAutomatedSnapshots();

        assertThat(list(rds.call("DescribeDBClusterSnapshots"), "DBClusterSnapshots"))
                .allSatisfy(s -> assertThat(s.get("TagList")).isEqualTo(tags("env", "prod")));
    }

    @Test
    void describeDBClusterSnapshots_should_selectByClusterIdentifierOrArnOrFilter_when_severalClustersHaveSnapshots() {
        rds.availableCluster("orders");
        rds.availableCluster("billing");
        rds.availableSnapshot("orders", "o1");
        rds.availableSnapshot("billing", "b1");

        assertThat(identifiers("DBClusterIdentifier", "ORDERS")).containsExactly("o1");
        assertThat(identifiers("DBClusterIdentifier", clusterArn("billing"))).containsExactly("b1");
        assertThat(identifiers("Filters", List.of(filter("db-cluster-id", clusterArn("orders"))))).containsExactly("o1");
        assertThat(identifiers("Filters", List.of(filter("db-cluster-snapshot-id", "b1")))).containsExactly("b1");
        assertThat(identifiers("Filters", List.of(filter("engine", "aurora-mysql")))).isEmpty();
        assertThat(identifiers("DBClusterIdentifier", "deleted-long-ago")).isEmpty();
        assertFault("InvalidParameterValue", 400,
                () -> rds.call("DescribeDBClusterSnapshots", "Filters", List.of(filter("status", "available"))));
    }

    @Test
    void describeDBClusterSnapshots_should_refuseWithDBClusterSnapshotNotFoundFault_when_namedSnapshotMissing() {
        assertFault("DBClusterSnapshotNotFoundFault", 404,
                () -> rds.call("DescribeDBClusterSnapshots", "DBClusterSnapshotIdentifier", "nope"));
    }

    @Test
    void describeDBClusterSnapshots_should_listSnapshotsOfDeletedCluster_when_clusterIsGone() {
        rds.availableCluster("orders");
        rds.availableSnapshot("orders", "kept");
        rds.call("DeleteDBCluster", "DBClusterIdentifier", "orders", "SkipFinalSnapshot", true);
        rds.advance(rds.timings.deletion());

        assertThat(identifiers("DBClusterIdentifier", "orders")).containsExactly("kept");
    }

    @Test
    void describeDBClusterSnapshots_should_listSharedAndPublicOnlyWhenAsked_when_otherAccountsShare() {
        // GIVEN
        rds.availableCluster("orders");
        rds.availableSnapshot("orders", "mine");
        String shared = rds.rds.addSnapshotFromOtherAccount("210987654321", "their-snap", "their-db", "aurora-postgresql", false);
        String open = rds.rds.addSnapshotFromOtherAccount("210987654321", "public-snap", "their-db", "aurora-postgresql", true);

        // THEN
        assertThat(identifiers()).containsExactly("mine");
        assertThat(identifiers("IncludeShared", true)).containsExactlyInAnyOrder("mine", shared);
        assertThat(identifiers("IncludePublic", true)).containsExactlyInAnyOrder("mine", open);
        assertThat(identifiers("SnapshotType", "shared")).containsExactly(shared);
        assertThat(identifiers("SnapshotType", "shared", "IncludePublic", true)).containsExactly(shared);
        assertThat(identifiers("SnapshotType", "public")).containsExactly(open);
        assertThat(identifiers("SnapshotType", "manual", "IncludeShared", true, "IncludePublic", true)).containsExactly("mine");
        assertThat(shared).isEqualTo("arn:aws:rds:us-east-1:210987654321:cluster-snapshot:their-snap");
    }

    @Test
    void describeDBClusterSnapshots_should_listAwsBackupSnapshots_when_snapshotTypeIsAwsbackup() {
        rds.availableCluster("orders");
        rds.rds.addAwsBackupSnapshot("orders", "awsbackup:job-1234");
        rds.availableSnapshot("orders", "mine");

        assertThat(identifiers("SnapshotType", "awsbackup")).containsExactly("awsbackup:job-1234");
        assertThat(identifiers("SnapshotType", "manual")).containsExactly("mine");
        assertFault("InvalidParameterValue", 400, () -> rds.call("DescribeDBClusterSnapshots", "SnapshotType", "weekly"));
    }
}
