package dev.auroraguard.simulator.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.simulator.RecordedEvent;
import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.SimulatorOptions;
import dev.auroraguard.simulator.junit.AwsTarget;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.AccountQuota;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbClusterAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbClusterNotFoundException;
import software.amazon.awssdk.services.rds.model.DbClusterQuotaExceededException;
import software.amazon.awssdk.services.rds.model.DbClusterSnapshotAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbClusterSnapshotNotFoundException;
import software.amazon.awssdk.services.rds.model.DbInstanceAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.DbSnapshotNotFoundException;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotsResponse;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.rds.model.InvalidDbClusterSnapshotStateException;
import software.amazon.awssdk.services.rds.model.InvalidDbClusterStateException;
import software.amazon.awssdk.services.rds.model.InvalidDbInstanceStateException;
import software.amazon.awssdk.services.rds.model.InvalidRestoreException;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.rds.model.SnapshotQuotaExceededException;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * RDS through the real SDK v2 {@link RdsClient} against the running simulator: the wire protocol, the
 * SDK's typed faults, its paginator and waiter, and the state transitions under the simulator's clock.
 * Every test needs the simulator's clock, so against another target (AURORA_GUARD_TEST_ENDPOINT) they skip.
 */
class RdsSdkConformanceTest {

    @RegisterExtension
    static final AwsTarget aws = AwsTarget.create(options -> options.toBuilder().manualClusterSnapshotQuota(300).build());

    private static RdsClient rds;
    private Simulator simulator;

    @BeforeAll
    static void client() {
        rds = client(aws.endpoint().orElse(null));
    }

    @AfterAll
    static void closeClient() {
        rds.close();
    }

    @BeforeEach
    void simulatorClock() {
        simulator = aws.simulator();
    }

    private static RdsClient client(URI endpoint) {
        AwsCredentialsProvider credentials = aws.staticCredentials()
                .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .orElseGet(DefaultCredentialsProvider::create);
        return RdsClient.builder()
                .region(Region.of(aws.region()))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .applyMutation(b -> {
                    if (endpoint != null) {
                        b.endpointOverride(endpoint);
                    }
                })
                .build();
    }

    private void advance(Duration duration) {
        simulator.clock().advance(duration);
    }

    private String availableCluster(RdsClient client, Simulator sim, String prefix) {
        String id = aws.uniqueName(prefix);
        client.createDBCluster(r -> r.dbClusterIdentifier(id).engine("aurora-postgresql").masterUsername("postgres")
                .masterUserPassword("correct-horse-battery").backupRetentionPeriod(7).copyTagsToSnapshot(true)
                .tags(Tag.builder().key("app").value("orders").build()));
        sim.clock().advance(sim.options().timings().clusterCreate());
        return id;
    }

    private String availableCluster(String prefix) {
        return availableCluster(rds, simulator, prefix);
    }

    private String availableSnapshot(String cluster) {
        String id = aws.uniqueName("snap");
        rds.createDBClusterSnapshot(r -> r.dbClusterIdentifier(cluster).dbClusterSnapshotIdentifier(id));
        advance(simulator.options().timings().snapshotCreate());
        return id;
    }

    @Test
    void clusterLifecycle_should_workThroughTheSdk_when_createdDescribedStoppedStartedAndDeleted() {
        // GIVEN
        String id = aws.uniqueName("life");

        // WHEN / THEN create
        DBCluster created = rds.createDBCluster(r -> r.dbClusterIdentifier(id).engine("aurora-postgresql").masterUsername("postgres")
                .masterUserPassword("correct-horse-battery").storageEncrypted(true).deletionProtection(false)).dbCluster();
        assertThat(created.status()).isEqualTo("creating");
        assertThat(created.endpoint()).startsWith(id + ".cluster-").endsWith(".us-east-1.rds.amazonaws.com");
        assertThat(created.dbClusterArn()).isEqualTo("arn:aws:rds:us-east-1:123456789012:cluster:" + id);
        assertThat(created.clusterCreateTime()).isEqualTo(simulator.clock().instant().truncatedTo(ChronoUnit.MILLIS));
        assertThatThrownBy(() -> rds.createDBInstance(r -> r.dbInstanceIdentifier(id + "-1").dbInstanceClass("db.r6g.large")
                .engine("aurora-postgresql").dbClusterIdentifier(id))).isInstanceOf(InvalidDbClusterStateException.class);

        // describe, after creation
        advance(simulator.options().timings().clusterCreate());
        DBCluster available = rds.describeDBClusters(r -> r.filters(Filter.builder().name("db-cluster-id").values(id).build()))
                .dbClusters().get(0);
        assertThat(available.status()).isEqualTo("available");
        assertThat(available.latestRestorableTime()).isNotNull();
        assertThat(available.earliestRestorableTime()).isEqualTo(created.clusterCreateTime());

        // instances
        DBInstance instance = rds.createDBInstance(r -> r.dbInstanceIdentifier(id + "-1").dbInstanceClass("db.r6g.large")
                .engine("aurora-postgresql").dbClusterIdentifier(id)).dbInstance();
        assertThat(instance.dbInstanceStatus()).isEqualTo("creating");
        advance(simulator.options().timings().instanceCreate());
        assertThat(rds.describeDBInstances(r -> r.dbInstanceIdentifier(id + "-1")).dbInstances().get(0).dbInstanceStatus())
                .isEqualTo("available");
        assertThat(rds.describeDBClusters(r -> r.dbClusterIdentifier(id)).dbClusters().get(0).dbClusterMembers())
                .singleElement().satisfies(m -> assertThat(m.isClusterWriter()).isTrue());

        // stop and start
        assertThat(rds.stopDBCluster(r -> r.dbClusterIdentifier(id)).dbCluster().status()).isEqualTo("stopping");
        advance(simulator.options().timings().instanceCreate());
        assertThat(rds.startDBCluster(r -> r.dbClusterIdentifier(id)).dbCluster().status()).isEqualTo("starting");
        advance(simulator.options().timings().instanceCreate());

        // delete
        assertThatThrownBy(() -> rds.deleteDBCluster(r -> r.dbClusterIdentifier(id).skipFinalSnapshot(true)))
                .isInstanceOf(InvalidDbClusterStateException.class);
        assertThat(rds.deleteDBInstance(r -> r.dbInstanceIdentifier(id + "-1")).dbInstance().dbInstanceStatus()).isEqualTo("deleting");
        assertThat(rds.deleteDBCluster(r -> r.dbClusterIdentifier(id).finalDBSnapshotIdentifier(id + "-final")).dbCluster().status())
                .isEqualTo("deleting");
        advance(simulator.options().timings().snapshotCreate());
        assertThatThrownBy(() -> rds.describeDBClusters(r -> r.dbClusterIdentifier(id))).isInstanceOf(DbClusterNotFoundException.class);
        assertThatThrownBy(() -> rds.describeDBInstances(r -> r.dbInstanceIdentifier(id + "-1")))
                .isInstanceOf(DbInstanceNotFoundException.class);
        assertThat(rds.describeDBClusterSnapshots(r -> r.dbClusterSnapshotIdentifier(id + "-final")).dbClusterSnapshots())
                .singleElement().satisfies(s -> assertThat(s.status()).isEqualTo("available"));
        assertThat(simulator.events().all()).extracting(RecordedEvent::detailJson)
                .anySatisfy(d -> assertThat(d).contains("RDS-EVENT-0170", id))
                .anySatisfy(d -> assertThat(d).contains("RDS-EVENT-0150", id))
                .anySatisfy(d -> assertThat(d).contains("RDS-EVENT-0151", id))
                .anySatisfy(d -> assertThat(d).contains("RDS-EVENT-0005", id + "-1"))
                .anySatisfy(d -> assertThat(d).contains("RDS-EVENT-0003", id + "-1"))
                .anySatisfy(d -> assertThat(d).contains("RDS-EVENT-0171", id));
    }

    @Test
    void clusterSnapshots_should_createCopyTagAndDeleteThroughTheSdk_when_clusterAvailable() {
        // GIVEN
        String cluster = availableCluster("snaps");
        String snapshot = aws.uniqueName("manual");

        // WHEN
        DBClusterSnapshot creating = rds.createDBClusterSnapshot(r -> r.dbClusterIdentifier(cluster).dbClusterSnapshotIdentifier(snapshot))
                .dbClusterSnapshot();

        // THEN
        assertThat(creating.status()).isEqualTo("creating");
        assertThat(creating.percentProgress()).isZero();
        assertThat(creating.snapshotType()).isEqualTo("manual");
        assertThat(creating.tagList()).extracting(Tag::key, Tag::value).containsExactly(org.assertj.core.groups.Tuple.tuple("app", "orders"));
        assertThatThrownBy(() -> rds.createDBClusterSnapshot(r -> r.dbClusterIdentifier(cluster).dbClusterSnapshotIdentifier(snapshot + "-2")))
                .isInstanceOf(InvalidDbClusterStateException.class);
        advance(simulator.options().timings().snapshotCreate());
        assertThat(rds.describeDBClusterSnapshots(r -> r.dbClusterSnapshotIdentifier(snapshot)).dbClusterSnapshots().get(0).status())
                .isEqualTo("available");

        String arn = "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:" + snapshot;
        rds.addTagsToResource(r -> r.resourceName(arn).tags(Tag.builder().key("retain").value("30d").build()));
        rds.removeTagsFromResource(r -> r.resourceName(arn).tagKeys("app"));
        assertThat(rds.listTagsForResource(r -> r.resourceName(arn)).tagList()).extracting(Tag::key).containsExactly("retain");

        DBClusterSnapshot copy = rds.copyDBClusterSnapshot(r -> r.sourceDBClusterSnapshotIdentifier(arn)
                .targetDBClusterSnapshotIdentifier(snapshot + "-copy").copyTags(true)).dbClusterSnapshot();
        assertThat(copy.sourceDBClusterSnapshotArn()).isEqualTo(arn);
        assertThat(copy.tagList()).extracting(Tag::key).containsExactly("retain");
        assertThatThrownBy(() -> rds.copyDBClusterSnapshot(r -> r.sourceDBClusterSnapshotIdentifier(snapshot)
                .targetDBClusterSnapshotIdentifier(snapshot + "-copy"))).isInstanceOf(DbClusterSnapshotAlreadyExistsException.class);

        assertThat(rds.deleteDBClusterSnapshot(r -> r.dbClusterSnapshotIdentifier(snapshot)).dbClusterSnapshot().dbClusterSnapshotIdentifier())
                .isEqualTo(snapshot);
        assertThatThrownBy(() -> rds.deleteDBClusterSnapshot(r -> r.dbClusterSnapshotIdentifier(snapshot)))
                .isInstanceOf(DbClusterSnapshotNotFoundException.class);
        assertThat(simulator.events().withDetailType("RDS DB Cluster Snapshot Event")).extracting(RecordedEvent::detailJson)
                .anySatisfy(d -> assertThat(d).contains("RDS-EVENT-0074", snapshot))
                .anySatisfy(d -> assertThat(d).contains("RDS-EVENT-0075", snapshot));
    }

    @Test
    void describeDBClusterSnapshotsPaginator_should_listAll250Snapshots_when_pagingBy100() {
        // GIVEN 250 manual snapshots of one cluster: one taken, 249 copies of it (made in-process: only the
        // listing is under test here, and 249 HTTP round trips would cost seconds)
        String cluster = availableCluster("paged");
        String first = availableSnapshot(cluster);
        for (int i = 1; i < 250; i++) {
            simulator.rds().handle("CopyDBClusterSnapshot",
                    Map.of("SourceDBClusterSnapshotIdentifier", first, "TargetDBClusterSnapshotIdentifier", first + "-c" + i));
        }
        advance(simulator.options().timings().snapshotCreate());

        // WHEN
        List<Integer> pageSizes = new ArrayList<>();
        List<String> identifiers = new ArrayList<>();
        for (DescribeDbClusterSnapshotsResponse page : rds.describeDBClusterSnapshotsPaginator(r -> r.dbClusterIdentifier(cluster)
                .snapshotType("manual"))) {
            pageSizes.add(page.dbClusterSnapshots().size());
            page.dbClusterSnapshots().forEach(s -> identifiers.add(s.dbClusterSnapshotIdentifier()));
        }

        // THEN
        assertThat(pageSizes).containsExactly(100, 100, 50);
        assertThat(identifiers).hasSize(250).doesNotHaveDuplicates().contains(first, first + "-c249");
        assertThat(rds.describeDBClusterSnapshotsPaginator(r -> r.dbClusterIdentifier(cluster).snapshotType("manual").maxRecords(20))
                .dbClusterSnapshots().stream().count()).isEqualTo(250);
    }

    @Test
    void waitUntilDBClusterSnapshotAvailable_should_return_when_clockAdvancedFromAnotherThread() throws Exception {
        // GIVEN a snapshot being created, and a thread moving the simulator's clock on a minute at a time
        String cluster = availableCluster("waited");
        String snapshot = aws.uniqueName("waited");
        rds.createDBClusterSnapshot(r -> r.dbClusterSnapshotIdentifier(snapshot).dbClusterIdentifier(cluster));
        AtomicBoolean done = new AtomicBoolean();
        CompletableFuture<Void> clockMover = CompletableFuture.runAsync(() -> {
            while (!done.get()) {
                advance(Duration.ofMinutes(1));
                Thread.onSpinWait();
            }
        });

        // WHEN
        WaiterResponse<DescribeDbClusterSnapshotsResponse> waited;
        try {
            waited = rds.waiter().waitUntilDBClusterSnapshotAvailable(r -> r.dbClusterSnapshotIdentifier(snapshot),
                    o -> o.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(5))).maxAttempts(2000));
        } finally {
            done.set(true);
            clockMover.get();
        }

        // THEN
        assertThat(waited.matched().response()).hasValueSatisfying(response ->
                assertThat(response.dbClusterSnapshots()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo("available")));
    }

    @Test
    void restores_should_createClustersWithoutInstancesThroughTheSdk_when_pointInTimeOrSnapshot() {
        // GIVEN a cluster two days old with a snapshot
        String source = availableCluster("source");
        advance(Duration.ofDays(2));
        String snapshot = availableSnapshot(source);
        Instant target = simulator.clock().instant().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS);

        // WHEN
        String pitr = aws.uniqueName("pitr");
        DBCluster restored = rds.restoreDBClusterToPointInTime(r -> r.dbClusterIdentifier(pitr).sourceDBClusterIdentifier(source)
                .restoreToTime(target).restoreType("full-copy")).dbCluster();
        String fromSnapshot = aws.uniqueName("fromsnap");
        DBCluster fromSnap = rds.restoreDBClusterFromSnapshot(r -> r.dbClusterIdentifier(fromSnapshot)
                .snapshotIdentifier(snapshot).engine("aurora-postgresql")).dbCluster();

        // THEN
        assertThat(restored.status()).isEqualTo("creating");
        assertThat(restored.dbClusterMembers()).isEmpty();
        assertThat(fromSnap.status()).isEqualTo("creating");
        assertThat(simulator.rds().restoreOrigin(pitr)).hasValueSatisfying(origin -> assertThat(origin.restoredToTime()).isEqualTo(target));
        advance(simulator.options().timings().clusterRestore());
        assertThat(rds.describeDBClusters(r -> r.dbClusterIdentifier(pitr)).dbClusters().get(0).status()).isEqualTo("available");
        assertThat(rds.describeDBClusters(r -> r.dbClusterIdentifier(fromSnapshot)).dbClusters().get(0).dbClusterMembers()).isEmpty();

        assertThatThrownBy(() -> rds.restoreDBClusterToPointInTime(r -> r.dbClusterIdentifier(aws.uniqueName("x"))
                .sourceDBClusterIdentifier(source).restoreToTime(target.minus(Duration.ofDays(30)))))
                .isInstanceOf(InvalidRestoreException.class);
        assertThatThrownBy(() -> rds.restoreDBClusterToPointInTime(r -> r.dbClusterIdentifier(pitr)
                .sourceDBClusterIdentifier(source).useLatestRestorableTime(true))).isInstanceOf(DbClusterAlreadyExistsException.class);
        assertThatThrownBy(() -> rds.restoreDBClusterToPointInTime(r -> r.dbClusterIdentifier(aws.uniqueName("x"))
                .sourceDBClusterIdentifier(source).useLatestRestorableTime(true).restoreToTime(target)))
                .isInstanceOfSatisfying(RdsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination"));
        assertThatThrownBy(() -> rds.restoreDBClusterToPointInTime(r -> r.dbClusterIdentifier(aws.uniqueName("x"))
                .sourceDBClusterIdentifier(source).restoreType("copy-on-write").restoreToTime(target)))
                .isInstanceOfSatisfying(RdsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination"));
    }

    @Test
    void faults_should_reachTheSdkAsItsTypedExceptions_when_rdsRefuses() {
        String cluster = availableCluster("faults");
        String instance = cluster + "-1";
        rds.createDBInstance(r -> r.dbInstanceIdentifier(instance).dbInstanceClass("db.r6g.large").engine("aurora-postgresql")
                .dbClusterIdentifier(cluster));
        advance(Duration.ofDays(1));
        String automated = rds.describeDBClusterSnapshots(r -> r.dbClusterIdentifier(cluster).snapshotType("automated"))
                .dbClusterSnapshots().get(0).dbClusterSnapshotIdentifier();

        assertThatThrownBy(() -> rds.describeDBClusters(r -> r.dbClusterIdentifier("no-such-cluster")))
                .isInstanceOfSatisfying(DbClusterNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> rds.createDBCluster(r -> r.dbClusterIdentifier(cluster).engine("aurora-postgresql")
                .masterUsername("postgres").masterUserPassword("correct-horse-battery"))).isInstanceOf(DbClusterAlreadyExistsException.class);
        assertThatThrownBy(() -> rds.createDBInstance(r -> r.dbInstanceIdentifier(instance).dbInstanceClass("db.r6g.large")
                .engine("aurora-postgresql").dbClusterIdentifier(cluster))).isInstanceOf(DbInstanceAlreadyExistsException.class);
        assertThatThrownBy(() -> rds.describeDBInstances(r -> r.dbInstanceIdentifier("no-such-instance")))
                .isInstanceOf(DbInstanceNotFoundException.class);
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier(instance));
        assertThatThrownBy(() -> rds.deleteDBInstance(r -> r.dbInstanceIdentifier(instance))).isInstanceOf(InvalidDbInstanceStateException.class);
        assertThatThrownBy(() -> rds.describeDBClusterSnapshots(r -> r.dbClusterSnapshotIdentifier("no-such-snapshot")))
                .isInstanceOfSatisfying(DbClusterSnapshotNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> rds.deleteDBClusterSnapshot(r -> r.dbClusterSnapshotIdentifier(automated)))
                .isInstanceOf(InvalidDbClusterSnapshotStateException.class);
        assertThatThrownBy(() -> rds.listTagsForResource(r -> r.resourceName("arn:aws:rds:us-east-1:123456789012:snapshot:none")))
                .isInstanceOf(DbSnapshotNotFoundException.class);
        assertThatThrownBy(() -> rds.createDBClusterSnapshot(r -> r.dbClusterIdentifier(cluster).dbClusterSnapshotIdentifier("bad--name")))
                .isInstanceOfSatisfying(RdsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("is not a valid identifier");
                });
        assertThatThrownBy(() -> rds.describeDBClusterSnapshots(r -> r.maxRecords(10)))
                .isInstanceOfSatisfying(RdsException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Invalid value 10 for MaxRecords. Must be between 20 and 100"));
    }

    @Test
    void stateDirectory_should_bringRdsBackAfterRestart_when_simulatorRestarted(@TempDir Path stateDir) throws IOException {
        // GIVEN a simulator keeping state on disk, with a cluster and a snapshot still being created
        SimulatorOptions options = SimulatorOptions.forTests().toBuilder().stateDir(stateDir).build();
        String cluster;
        try (Simulator first = Simulator.start(options); RdsClient client = client(first.endpoint())) {
            cluster = availableCluster(client, first, "kept");
            client.createDBClusterSnapshot(r -> r.dbClusterIdentifier(cluster).dbClusterSnapshotIdentifier("kept-snap"));
        }

        // WHEN a new simulator starts on the same directory (its manual clock where the first one started)
        try (Simulator second = Simulator.start(options.toBuilder().clock(dev.auroraguard.simulator.SimClock.manual(
                SimulatorOptions.TEST_START.plus(options.timings().clusterCreate()))).build());
                RdsClient client = client(second.endpoint())) {

            // THEN the cluster and the snapshot are there, and the snapshot still finishes on time
            assertThat(client.describeDBClusters(r -> r.dbClusterIdentifier(cluster)).dbClusters().get(0).status()).isEqualTo("backing-up");
            second.clock().advance(options.timings().snapshotCreate());
            assertThat(client.describeDBClusterSnapshots(r -> r.dbClusterSnapshotIdentifier("kept-snap")).dbClusterSnapshots().get(0).status())
                    .isEqualTo("available");
            assertThat(client.describeDBClusters(r -> r.dbClusterIdentifier(cluster)).dbClusters().get(0).status()).isEqualTo("available");
        }
    }

    @Test
    void quotas_should_refuseAndReport_when_manualSnapshotOrClusterLimitsReached() throws IOException {
        // GIVEN a simulator whose account allows one manual cluster snapshot
        try (Simulator small = Simulator.start(SimulatorOptions.forTests().toBuilder().manualClusterSnapshotQuota(1).build());
                RdsClient client = client(small.endpoint())) {
            String cluster = availableCluster(client, small, "quota");
            client.createDBClusterSnapshot(r -> r.dbClusterIdentifier(cluster).dbClusterSnapshotIdentifier("only-one"));
            small.clock().advance(small.options().timings().snapshotCreate());

            // WHEN / THEN
            assertThatThrownBy(() -> client.createDBClusterSnapshot(r -> r.dbClusterIdentifier(cluster).dbClusterSnapshotIdentifier("two")))
                    .isInstanceOf(SnapshotQuotaExceededException.class);
            assertThatThrownBy(() -> client.copyDBClusterSnapshot(r -> r.sourceDBClusterSnapshotIdentifier("only-one")
                    .targetDBClusterSnapshotIdentifier("two"))).isInstanceOf(SnapshotQuotaExceededException.class);
            assertThat(client.describeAccountAttributes(r -> { }).accountQuotas())
                    .filteredOn(q -> q.accountQuotaName().equals("ManualClusterSnapshots")).singleElement()
                    .extracting(AccountQuota::used, AccountQuota::max).containsExactly(1L, 1L);
            for (int i = 1; i < 40; i++) {
                small.rds().handle("CreateDBCluster", Map.of("DBClusterIdentifier", "more-" + i, "Engine", "aurora-mysql",
                        "MasterUsername", "admin", "MasterUserPassword", "correct-horse-battery"));
            }
            assertThatThrownBy(() -> client.createDBCluster(r -> r.dbClusterIdentifier("forty-one").engine("aurora-mysql")
                    .masterUsername("admin").masterUserPassword("correct-horse-battery")))
                    .isInstanceOfSatisfying(DbClusterQuotaExceededException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }
}
