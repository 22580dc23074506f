package dev.auroraguard.bench.coldstart.scenario;

import dev.auroraguard.bench.baseline.NaiveScheduledSnapshot;
import dev.auroraguard.bench.coldstart.BenchSimulator;
import dev.auroraguard.bench.coldstart.ColdStartScenario;
import dev.auroraguard.handler.FunctionCatalog;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * {@code scheduled-snapshot} on its EventBridge schedule: one protected cluster, one snapshot per
 * invocation (each sample fires for a new hourly slot, so none is a retried duplicate).
 */
public final class ScheduledSnapshotScenario implements ColdStartScenario {

    static final String CLUSTER = "orders-db";

    private final Instant firstSlot = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(30));
    private int slots;

    @Override
    public FunctionCatalog function() {
        return FunctionCatalog.SCHEDULED_SNAPSHOT;
    }

    @Override
    public String baselineClass() {
        return NaiveScheduledSnapshot.class.getName();
    }

    @Override
    public Sample prepare(BenchSimulator simulator, int sample) {
        simulator.seedClusterIfAbsent(CLUSTER);
        simulator.pass(Duration.ofMinutes(10));
        Instant cold = firstSlot.plus(Duration.ofHours(slots++));
        return new Sample(Map.of("SNAPSHOT_CLUSTERS", CLUSTER, "EVENT_BUS_NAME", BenchSimulator.EVENT_BUS),
                Events.scheduled(cold), List.of(CLUSTER, "bench-baseline-" + sample + "-" + cold.getEpochSecond(),
                BenchSimulator.EVENT_BUS));
    }

    /** The next hourly slot; earlier snapshots are deleted so a long series stays under the snapshot quota. */
    @Override
    public String warmEvent(BenchSimulator simulator) {
        ManagedSnapshots.deleteAll(simulator);
        return Events.scheduled(firstSlot.plus(Duration.ofHours(slots++)));
    }
}
