package dev.auroraguard.bench.cleanup;

import dev.auroraguard.domain.ScheduledSlot;
import dev.auroraguard.domain.SnapshotKind;
import dev.auroraguard.domain.SnapshotNamer;
import dev.auroraguard.domain.TagScheme;
import dev.auroraguard.domain.retention.ListedSnapshot;
import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.rds.RdsSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * The account the benchmark cleans: clusters tagged {@code aurora-guard:backup=true} (the function's
 * default selection), each with a history of scheduled snapshots named and tagged exactly as the
 * {@code scheduled-snapshot} function names and tags them (so the cleanup treats them as its own).
 */
final class CleanupScaleSeed {

    static final String CLUSTER_PREFIX = "bench-";
    /** Creating this many clusters at once stays well inside RDS's burst of 300. */
    private static final int CREATE_BATCH = 100;

    private CleanupScaleSeed() {
    }

    static List<String> clusterIds(int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            ids.add(CLUSTER_PREFIX + String.format("%04d", i));
        }
        return ids;
    }

    /**
     * Creates the clusters through the SDK, letting the simulated clock run between batches so RDS's bucket
     * refills, then until every cluster is available.
     */
    static void createClusters(Simulator simulator, RdsClient rds, List<String> ids) {
        Tag backup = Tag.builder().key("aurora-guard:backup").value("true").build();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            rds.createDBCluster(b -> b.dbClusterIdentifier(id).engine("aurora-postgresql").masterUsername("guard")
                    .masterUserPassword("not-a-secret-1").tags(backup));
            if ((i + 1) % CREATE_BATCH == 0) {
                simulator.clock().advance(Duration.ofSeconds(30));
            }
        }
        simulator.clock().advance(simulator.options().timings().clusterCreate().plusMinutes(1));
        for (String id : ids) {
            String status = simulator.rds().clusterStatus(id).orElse("missing");
            if (!status.equals("available")) {
                throw new IllegalStateException("seeding: cluster " + id + " is " + status + ", not available");
            }
        }
    }

    /**
     * Adds {@code perCluster} available scheduled snapshots to each cluster, the newest in slot
     * {@code newestSlot} and the others {@code every} apart before it, created a few seconds into their slot
     * (as the scheduled-snapshot function takes them, one cluster after the other).
     *
     * @return the seeded snapshots as the cleanup will list them: the oracle's input
     */
    static List<ListedSnapshot> seedHistory(Simulator simulator, List<String> clusters, int perCluster, Duration every,
                                            Instant newestSlot) {
        List<ListedSnapshot> seeded = new ArrayList<>(clusters.size() * perCluster);
        List<RdsSimulator.HistoricSnapshot> history = new ArrayList<>(clusters.size() * perCluster);
        for (int k = perCluster - 1; k >= 0; k--) {
            ScheduledSlot slot = ScheduledSlot.containing(newestSlot.minus(every.multipliedBy(k)));
            Map<String, String> tags = TagScheme.forNewSnapshot(SnapshotKind.SCHEDULED, "bench-seed-" + slot.compact(), slot,
                    Map.of()).tags();
            for (int c = 0; c < clusters.size(); c++) {
                String cluster = clusters.get(c);
                String id = SnapshotNamer.snapshotId(cluster, SnapshotKind.SCHEDULED, slot);
                Instant created = slot.start().plusSeconds(2).plusMillis(100L * (c % 500));
                history.add(new RdsSimulator.HistoricSnapshot(cluster, id, created, tags));
                seeded.add(new ListedSnapshot(id, cluster, created, ListedSnapshot.STATUS_AVAILABLE, ListedSnapshot.TYPE_MANUAL, tags));
            }
        }
        simulator.rds().addManualSnapshots(history);
        return seeded;
    }
}
