package dev.auroraguard.bench.coldstart.scenario;

import dev.auroraguard.bench.coldstart.BenchSimulator;
import dev.auroraguard.domain.SnapshotKind;
import dev.auroraguard.domain.TagScheme;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.Tag;

/** Manual cluster snapshots as aurora-guard's scheduled snapshots leave them, for scenarios to start from (not measured). */
final class ManagedSnapshots {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

    private ManagedSnapshots() {
    }

    /**
     * Takes a scheduled aurora-guard snapshot of {@code cluster} (the tags scheduled-snapshot writes) named after the
     * simulated time, and lets RDS finish it: it is {@code available} and RDS has published RDS-EVENT-0075 when this returns.
     *
     * @return the snapshot's identifier
     */
    static String takeScheduled(BenchSimulator simulator, String cluster) {
        Instant now = simulator.simulator().clock().instant();
        String id = cluster + "-scheduled-" + STAMP.format(now);
        simulator.rds().createDBClusterSnapshot(b -> b.dbClusterIdentifier(cluster).dbClusterSnapshotIdentifier(id).tags(
                Tag.builder().key(TagScheme.MANAGED).value(TagScheme.TRUE).build(),
                Tag.builder().key(TagScheme.KIND).value(SnapshotKind.SCHEDULED.word()).build(),
                Tag.builder().key(TagScheme.TRIGGER).value(UUID.randomUUID().toString()).build(),
                Tag.builder().key(TagScheme.SLOT).value(now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString()).build()));
        // RDS takes one snapshot of a cluster at a time; the next one starts after this one is done.
        simulator.pass(simulator.simulator().options().timings().snapshotCreate().plus(Duration.ofMinutes(1)));
        return id;
    }

    /**
     * Deletes every available manual snapshot: what earlier samples created, so that a long run stays under the
     * account's manual snapshot quota (100). Then RDS finishes the deletions.
     */
    static void deleteAll(BenchSimulator simulator) {
        boolean deleted = false;
        for (DBClusterSnapshot snapshot : simulator.rds().describeDBClusterSnapshotsPaginator(b -> b.snapshotType("manual"))
                .dbClusterSnapshots()) {
            if ("available".equals(snapshot.status())) {
                simulator.rds().deleteDBClusterSnapshot(b -> b.dbClusterSnapshotIdentifier(snapshot.dbClusterSnapshotIdentifier()));
                deleted = true;
            }
        }
        if (deleted) {
            simulator.pass(simulator.simulator().options().timings().deletion().plus(Duration.ofMinutes(1)));
        }
    }
}
