package dev.auroraguard.simulator.rds;

import static dev.auroraguard.simulator.rds.RdsFixture.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.simulator.EventLog;
import dev.auroraguard.simulator.SimClock;
import dev.auroraguard.simulator.Timings;
import dev.auroraguard.simulator.protocol.AwsServiceException;
import dev.auroraguard.simulator.protocol.ServiceModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RdsStateAndConcurrencyTest {

    @Test
    void restoreState_should_bringBackClustersSnapshotsTagsAndPendingTransitions_when_givenSavedState() {
        // GIVEN a simulator with a cluster, a finished and an unfinished snapshot
        RdsFixture original = new RdsFixture();
        original.availableCluster("orders", "Tags", RdsFixture.tags("env", "prod"), "CopyTagsToSnapshot", true);
        original.availableSnapshot("orders", "done");
        original.call("CreateDBClusterSnapshot", "DBClusterIdentifier", "orders", "DBClusterSnapshotIdentifier", "pending");
        String saved = original.rds.stateJson();

        // WHEN a fresh simulator at the same time takes the saved state
        SimClock clock = SimClock.manual(original.clock.instant());
        EventLog events = new EventLog();
        RdsSimulator restored = new RdsSimulator(ServiceModel.load(ServiceModel.RDS), clock, Timings.realistic(), events,
                RdsFixture.ACCOUNT, RdsFixture.REGION, 100);
        restored.restoreState(saved);

        // THEN it answers as the original did, and its pending transitions still complete
        assertThat(restored.handle("DescribeDBClusters", RdsFixture.input()))
                .isEqualTo(original.call("DescribeDBClusters"));
        assertThat(restored.snapshotStatus("pending")).contains("creating");
        clock.advance(Timings.realistic().snapshotCreate());
        restored.settle();
        assertThat(restored.snapshotStatus("pending")).contains("available");
        assertThat(restored.clusterStatus("orders")).contains("available");
        assertThat(events.all()).singleElement().satisfies(e -> assertThat(e.detailJson()).contains("RDS-EVENT-0075", "pending"));
        assertThat(restored.stateJson()).contains("\"env\":\"prod\"");
    }

    @Test
    void restoreState_should_refuseAndKeepState_when_jsonIsNotSavedState() {
        RdsFixture rds = new RdsFixture();
        rds.availableCluster("orders");

        assertThatThrownBy(() -> rds.rds.restoreState("{\"clusters\": 3}")).isInstanceOf(IllegalArgumentException.class);
        assertThat(rds.rds.clusterStatus("orders")).contains("available");
    }

    @Test
    void handle_should_keepStateConsistent_when_sixteenClientsCallConcurrently() throws Exception {
        // GIVEN 16 clusters, one per client
        RdsFixture rds = new RdsFixture(1000);
        for (int c = 0; c < 16; c++) {
            rds.availableCluster("cluster-" + c);
        }
        ExecutorService clients = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger refusedWhileBackingUp = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();

        // WHEN each client creates 10 snapshots of its cluster while another thread moves the clock
        for (int c = 0; c < 16; c++) {
            String cluster = "cluster-" + c;
            work.add(clients.submit(() -> {
                start.await();
                int created = 0;
                while (created < 10) {
                    try {
                        rds.call("CreateDBClusterSnapshot", "DBClusterIdentifier", cluster,
                                "DBClusterSnapshotIdentifier", cluster + "-snap-" + created);
                        created++;
                    } catch (AwsServiceException e) {
                        if (!e.code().equals("InvalidDBClusterStateFault")) {
                            unexpected.add(e);
                            return null;
                        }
                        refusedWhileBackingUp.incrementAndGet();
                        Thread.onSpinWait();
                    }
                    list(rds.call("DescribeDBClusterSnapshots", "DBClusterIdentifier", cluster), "DBClusterSnapshots");
                }
                return null;
            }));
        }
        CompletableFuture<Void> clockMover = CompletableFuture.runAsync(() -> {
            while (work.stream().anyMatch(f -> !f.isDone())) {
                rds.advance(Duration.ofMinutes(1));
            }
        });
        start.countDown();
        for (Future<?> f : work) {
            f.get(60, TimeUnit.SECONDS);
        }
        clockMover.get(60, TimeUnit.SECONDS);
        clients.shutdown();
        rds.advance(rds.timings.snapshotCreate());

        // THEN every snapshot exists once, is available, and each start and finish was published once
        assertThat(unexpected).isEmpty();
        assertThat(rds.rds.manualSnapshotCount()).isEqualTo(160);
        assertThat(list(rds.call("DescribeDBClusterSnapshots", "SnapshotType", "manual"), "DBClusterSnapshots"))
                .hasSize(100).allSatisfy(s -> assertThat(s).containsEntry("Status", "available"));
        assertThat(rds.events.withDetailType("RDS DB Cluster Snapshot Event"))
                .filteredOn(e -> e.detailJson().contains("RDS-EVENT-0074")).hasSize(160);
        assertThat(rds.events.withDetailType("RDS DB Cluster Snapshot Event"))
                .filteredOn(e -> e.detailJson().contains("RDS-EVENT-0075")).hasSize(160);
    }

    @Test
    void publishing_should_notDeadlock_when_subscriberCallsBackIntoRdsFromAnotherThread() throws Exception {
        // GIVEN a subscriber that, like the sandbox's event router, reacts to 0075 by calling RDS from another thread
        RdsFixture rds = new RdsFixture();
        rds.availableCluster("orders");
        ExecutorService lambda = Executors.newSingleThreadExecutor();
        List<String> copies = new ArrayList<>();
        rds.events.subscribe(event -> {
            if (event.detailJson().contains("RDS-EVENT-0075")) {
                try {
                    lambda.submit(() -> rds.call("CopyDBClusterSnapshot", "SourceDBClusterSnapshotIdentifier", "nightly",
                            "TargetDBClusterSnapshotIdentifier", "nightly-copy")).get(10, TimeUnit.SECONDS);
                    copies.add("nightly-copy");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        // WHEN the snapshot finishes
        rds.call("CreateDBClusterSnapshot", "DBClusterIdentifier", "orders", "DBClusterSnapshotIdentifier", "nightly");
        rds.advance(rds.timings.snapshotCreate());

        // THEN the callback ran to completion
        assertThat(copies).containsExactly("nightly-copy");
        assertThat(rds.rds.snapshotStatus("nightly-copy")).contains("copying");
        lambda.shutdown();
    }
}
