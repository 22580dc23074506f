package dev.auroraguard.bench.coldstart.scenario;

import dev.auroraguard.bench.baseline.NaiveSnapshotAvailable;
import dev.auroraguard.bench.coldstart.BenchSimulator;
import dev.auroraguard.bench.coldstart.ColdStartScenario;
import dev.auroraguard.event.RdsSnapshotEvent;
import dev.auroraguard.handler.FunctionCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code snapshot-available} on RDS's "Manual cluster snapshot created" (RDS-EVENT-0075) for a scheduled
 * aurora-guard snapshot: it describes the snapshot, publishes {@code Snapshot Available} and tags the snapshot
 * announced. Each invocation gets a snapshot of its own (an announced one would only be acknowledged), taken
 * by {@link #prepare} and announced by the event RDS published for it.
 */
public final class SnapshotAvailableScenario implements ColdStartScenario {

    static final String CLUSTER = "orders-db";


    @Override
    public FunctionCatalog function() {
        return FunctionCatalog.SNAPSHOT_AVAILABLE;
    }

    @Override
    public String baselineClass() {
        return NaiveSnapshotAvailable.class.getName();
    }

    @Override
    public Sample prepare(BenchSimulator simulator, int sample) {
        simulator.seedClusterIfAbsent(CLUSTER);
        simulator.pass(Duration.ofMinutes(10));
        ManagedSnapshots.deleteAll(simulator);
        String cold = ManagedSnapshots.takeScheduled(simulator, CLUSTER);
        return new Sample(Map.of("EVENT_BUS_NAME", BenchSimulator.EVENT_BUS), created(simulator, cold),
                List.of(cold, BenchSimulator.EVENT_BUS));
    }

    /** A fresh snapshot's creation event; earlier snapshots are deleted first (the snapshot quota). */
    @Override
    public String warmEvent(BenchSimulator simulator) {
        ManagedSnapshots.deleteAll(simulator);
        return created(simulator, ManagedSnapshots.takeScheduled(simulator, CLUSTER));
    }

    private static String created(BenchSimulator simulator, String snapshot) {
        return Events.fromRds(simulator, RdsSnapshotEvent.DETAIL_TYPE, RdsSnapshotEvent.MANUAL_SNAPSHOT_CREATED, snapshot);
    }
}
