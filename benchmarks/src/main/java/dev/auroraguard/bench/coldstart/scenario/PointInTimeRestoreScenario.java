package dev.auroraguard.bench.coldstart.scenario;

import dev.auroraguard.bench.baseline.NaivePointInTimeRestore;
import dev.auroraguard.bench.coldstart.BenchSimulator;
import dev.auroraguard.bench.coldstart.ColdStartScenario;
import dev.auroraguard.handler.FunctionCatalog;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * {@code point-in-time-restore} on a {@code Restore Requested} event: the source cluster is described, every
 * cluster listed (the guard rails: duplicates, one restore in flight per source, a free target), the source's
 * instances described (the instance plan), the restore into a new cluster started and {@code Restore Started}
 * published. Each invocation restores into a target of its own; the restores earlier invocations started count
 * as completed by then (restore-progress would have finished them), so none is held back as in flight.
 */
public final class PointInTimeRestoreScenario implements ColdStartScenario {

    static final String SOURCE = "orders-db";

    private boolean seeded;
    private int targets;

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
        if (!seeded) {
            simulator.seedCluster(SOURCE);
            seeded = true;
        }
        simulator.pass(Duration.ofMinutes(10));
        Restores.completeAll(simulator);
        // Ten minutes ago on RDS's clock: inside the restorable window, which ends a few minutes before now.
        Instant restoreTo = simulator.simulator().clock().instant().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        String reason = "migration 142 dropped orders.customer_ref";
        return new Sample(Map.of("EVENT_BUS_NAME", BenchSimulator.EVENT_BUS),
                Events.restoreRequested(Instant.now(), SOURCE, restoreTo, nextTarget(), reason, "alice"),
                Events.restoreRequested(Instant.now(), SOURCE, restoreTo, nextTarget(), reason, "alice"),
                List.of(SOURCE, nextTarget(), restoreTo.toString(), BenchSimulator.EVENT_BUS));
    }

    /** The cold invocation's restore has finished before the warm one asks for the next. */
    @Override
    public void betweenInvocations(BenchSimulator simulator) {
        simulator.pass(Duration.ofMinutes(10));
        Restores.completeAll(simulator);
    }

    private String nextTarget() {
        return SOURCE + "-restore-" + (++targets);
    }
}
