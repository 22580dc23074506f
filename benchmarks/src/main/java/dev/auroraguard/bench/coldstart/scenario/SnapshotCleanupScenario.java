package dev.auroraguard.bench.coldstart.scenario;

import dev.auroraguard.bench.baseline.NaiveSnapshotCleanup;
import dev.auroraguard.bench.coldstart.BenchSimulator;
import dev.auroraguard.bench.coldstart.ColdStartScenario;
import dev.auroraguard.handler.FunctionCatalog;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * {@code snapshot-cleanup} on its daily schedule, deleting for real ({@code CLEANUP_DRY_RUN=false}): one protected
 * cluster whose scheduled snapshots the policy {@code keepLast} {@value #KEEP} keeps; before each invocation
 * {@value #DELETES} fresh ones are taken, so each run (cold and warm alike) lists the account's manual snapshots in
 * one page, deletes the {@value #DELETES} oldest and publishes one {@code Cleanup Completed}.
 *
 * <p>Deletes are paced at {@value #DELETES_PER_SECOND} per second (the setting's most; the default, 1, would add
 * seconds of waiting to every sample), and the baseline waits the same interval between its deletes, so that the
 * comparison is of start-up, not of pacing.
 */
public final class SnapshotCleanupScenario implements ColdStartScenario {

    static final String CLUSTER = "orders-db";
    static final int KEEP = 3;
    static final int DELETES = 3;
    static final int DELETES_PER_SECOND = 10;
    private static final String RULE = "aurora-guard-snapshot-cleanup-schedule";

    private final Instant firstRun = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private int runs;

    static final String POLICY = "{\"rules\":{\"scheduled\":{\"keepLast\":" + KEEP + "}}}";


    @Override
    public FunctionCatalog function() {
        return FunctionCatalog.SNAPSHOT_CLEANUP;
    }

    @Override
    public String baselineClass() {
        return NaiveSnapshotCleanup.class.getName();
    }

    @Override
    public Sample prepare(BenchSimulator simulator, int sample) {
        if (simulator.seedClusterIfAbsent(CLUSTER)) {
            takeSnapshots(simulator, KEEP);
        }
        simulator.pass(Duration.ofMinutes(10));
        takeSnapshots(simulator, DELETES);
        Instant fired = firstRun.plus(Duration.ofMinutes(runs++));
        return new Sample(Map.of(
                "SNAPSHOT_CLUSTERS", CLUSTER,
                "RETENTION_POLICY", POLICY,
                "CLEANUP_DRY_RUN", "false",
                "CLEANUP_DELETES_PER_SECOND", String.valueOf(DELETES_PER_SECOND),
                "EVENT_BUS_NAME", BenchSimulator.EVENT_BUS),
                Events.scheduled(fired, RULE),
                List.of(CLUSTER, String.valueOf(KEEP), String.valueOf(1000 / DELETES_PER_SECOND), BenchSimulator.EVENT_BUS));
    }

    /** The previous invocation deleted {@value #DELETES} snapshots; the next one gets as many new ones to delete. */
    @Override
    public void betweenInvocations(BenchSimulator simulator) {
        simulator.pass(Duration.ofMinutes(10));
        takeSnapshots(simulator, DELETES);
    }

    @Override
    public String warmEvent(BenchSimulator simulator) {
        return Events.scheduled(firstRun.plus(Duration.ofMinutes(runs++)), RULE);
    }

    /**
     * The pauses between its {@value #DELETES} deletes. The listing's pace (a few pages a second, carried over between
     * invocations of one container) can add a wait of its own, which stays in the figure.
     */
    @Override
    public Duration pacingPerInvocation() {
        return Duration.ofMillis((DELETES - 1) * 1000L / DELETES_PER_SECOND);
    }

    private static void takeSnapshots(BenchSimulator simulator, int count) {
        for (int i = 0; i < count; i++) {
            ManagedSnapshots.takeScheduled(simulator, CLUSTER);
        }
    }
}
