package dev.auroraguard.bench.coldstart.scenario;

import dev.auroraguard.aws.RdsClusterRestores;
import dev.auroraguard.bench.coldstart.BenchSimulator;
import dev.auroraguard.domain.TagScheme;
import dev.auroraguard.domain.restore.ClusterDetails;
import dev.auroraguard.domain.restore.InstancePlanner;
import dev.auroraguard.domain.restore.PlannedInstance;
import dev.auroraguard.domain.restore.ReaderPolicy;
import dev.auroraguard.domain.restore.RestoreOrigin;
import dev.auroraguard.domain.restore.RestorePoint;
import dev.auroraguard.domain.restore.RestoreRequest;
import dev.auroraguard.domain.restore.RestoreSpec;
import dev.auroraguard.domain.restore.RestoreType;
import dev.auroraguard.domain.restore.RestoredCluster;
import dev.auroraguard.port.ClusterRestores;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.Tag;

/** Restores in the states the restore scenarios start from, made with the seeding client (not measured). */
final class Restores {

    private Restores() {
    }

    /**
     * Starts the restore of {@code source} to {@code restoreTime} into {@code target} exactly as point-in-time-restore
     * starts one that passed its checks (its instance plan and tags, through the function's own RDS adapter), without
     * its guard rails: the scenario wants several restores of one source in flight at once.
     *
     * @return the writer's planned instance class
     */
    static String start(BenchSimulator simulator, String source, Instant restoreTime, String target) {
        RdsClusterRestores rds = new RdsClusterRestores(simulator.rds());
        ClusterDetails sourceCluster = rds.describeCluster(source).orElseThrow(() -> new IllegalStateException("no cluster " + source));
        InstancePlanner.Result planned = InstancePlanner.plan(sourceCluster, rds.instancesOf(source), new ReaderPolicy.None(),
                Optional.empty());
        if (!(planned instanceof InstancePlanner.Planned plan)) {
            throw new IllegalStateException("no instance plan for a restore of " + source + ": " + planned);
        }
        RestoreRequest request = new RestoreRequest(source, new RestorePoint.At(restoreTime), Optional.of(target),
                RestoreType.FULL_COPY, "cold-start benchmark", "bench", RestoreOrigin.REQUEST, UUID.randomUUID().toString(),
                Instant.now());
        Map<String, String> tags = RestoredCluster.tagsFor(request, restoreTime, plan.instances(), sourceCluster.tags()).tags();
        ClusterRestores.RestoreStart started = rds.restore(RestoreSpec.of(request, sourceCluster, target, restoreTime, tags));
        if (!(started instanceof ClusterRestores.Started)) {
            throw new IllegalStateException("RDS did not start the restore of " + source + " into " + target + ": " + started);
        }
        List<PlannedInstance> instances = plan.instances();
        return instances.get(0).instanceClass();
    }

    /**
     * Marks every aurora-guard restore still in flight as completed, as restore-progress does once its instances are
     * available: the next restore of the same source is then not held back as "one restore in flight per source".
     */
    static void completeAll(BenchSimulator simulator) {
        String now = simulator.simulator().clock().instant().toString();
        for (DBCluster cluster : simulator.rds().describeDBClustersPaginator(b -> { }).dbClusters()) {
            Map<String, String> tags = new java.util.HashMap<>();
            cluster.tagList().forEach(t -> tags.put(t.key(), t.value()));
            boolean restore = TagScheme.isManaged(tags) && TagScheme.KIND_RESTORE.equals(tags.get(TagScheme.KIND));
            if (restore && !tags.containsKey(TagScheme.RESTORE_COMPLETED) && !tags.containsKey(TagScheme.RESTORE_FAILED)) {
                simulator.rds().addTagsToResource(b -> b.resourceName(cluster.dbClusterArn())
                        .tags(Tag.builder().key(TagScheme.RESTORE_COMPLETED).value(now).build()));
            }
        }
    }

    /** Ten minutes ago on RDS's clock: inside the restorable window, which ends a few minutes before now. */
    static Instant recentRestorePoint(BenchSimulator simulator) {
        return simulator.simulator().clock().instant().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
    }

    /** RDS's minutes pass, then the RDS account is put back to {@code savedState} (from the simulator's {@code stateJson}). */
    static void passAndPutBack(BenchSimulator simulator, String savedState) {
        simulator.pass(Duration.ofMinutes(10));
        simulator.simulator().rds().restoreState(savedState);
    }
}
