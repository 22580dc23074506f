package dev.auroraguard.bench.coldstart.scenario;

import dev.auroraguard.bench.baseline.NaivePointInTimeRestore;
import dev.auroraguard.bench.coldstart.BenchSimulator;
import dev.auroraguard.bench.coldstart.ColdStartScenario;
import dev.auroraguard.handler.FunctionCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code point-in-time-restore} on a {@code Restore Requested} event: the source cluster is described, every
 * cluster listed (the guard rails: duplicates, one restore in flight per source, a free target), the source's
 * instances described (the instance plan), the restore into a new cluster started and {@code Restore Started}
 * published. Each invocation restores into a target of its own; before each warm one the account is put back as
 * the cold one found it, so no earlier restore is held back as in flight or lengthens the listing.
 */
public final class PointInTimeRestoreScenario implements ColdStartScenario {

    static final String SOURCE = "orders-db";

    private int targets;
    private String accountBeforeColdInvocation;

    @Override
    public FunctionCatalog function() {
        return FunctionCatalog.POINT_IN_TIME_RESTORE;
    }

    @Override
    public String baselineClass() {
        return NaivePointInTimeRestore.class.getName();
    }

    @Override
    public Sample prepare(BenchSimulator simulator, int sample) {
        simulator.seedClusterIfAbsent(SOURCE);
        simulator.pass(Duration.ofMinutes(10));
        Restores.completeAll(simulator);
        accountBeforeColdInvocation = simulator.simulator().rds().stateJson();
        Instant restoreTo = Restores.recentRestorePoint(simulator);
        return new Sample(Map.of("EVENT_BUS_NAME", BenchSimulator.EVENT_BUS), requested(restoreTo),
                List.of(SOURCE, nextTarget(), restoreTo.toString(), BenchSimulator.EVENT_BUS));
    }

    /**
     * RDS's minutes pass, and the account is put back as the cold invocation found it (the simulator's saved state):
     * the clusters earlier invocations restored are gone, so every invocation lists what the cold one listed.
     */
    @Override
    public void betweenInvocations(BenchSimulator simulator) {
        Restores.passAndPutBack(simulator, accountBeforeColdInvocation);
    }

    @Override
    public String warmEvent(BenchSimulator simulator) {
        return requested(Restores.recentRestorePoint(simulator));
    }

    private String requested(Instant restoreTo) {
        return Events.restoreRequested(Instant.now(), SOURCE, restoreTo, nextTarget(), "migration 142 dropped orders.customer_ref",
                "alice");
    }

    private String nextTarget() {
        return SOURCE + "-restore-" + (++targets);
    }
}
