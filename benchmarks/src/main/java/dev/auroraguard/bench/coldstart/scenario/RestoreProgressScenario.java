package dev.auroraguard.bench.coldstart.scenario;

import dev.auroraguard.bench.baseline.NaiveRestoreProgress;
import dev.auroraguard.bench.coldstart.BenchSimulator;
import dev.auroraguard.bench.coldstart.ColdStartScenario;
import dev.auroraguard.event.RestoreProgressInput;
import dev.auroraguard.handler.FunctionCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code restore-progress} on RDS's "DB cluster created" (RDS-EVENT-0170) for a cluster that point-in-time-restore
 * started restoring and RDS has just made available: it describes the cluster (its tags hold the restore and its
 * instance plan) and its instances, creates the planned writer and publishes {@code Restore Progress}. Each
 * invocation gets a restore of its own, started by {@link #prepare} and announced by the event RDS published for it.
 */
public final class RestoreProgressScenario implements ColdStartScenario {

    static final String SOURCE = "orders-db";

    private int restores;
    private String accountBeforeRestores;

    @Override
    public FunctionCatalog function() {
        return FunctionCatalog.RESTORE_PROGRESS;
    }

    @Override
    public String baselineClass() {
        return NaiveRestoreProgress.class.getName();
    }

    @Override
    public Sample prepare(BenchSimulator simulator, int sample) {
        simulator.seedClusterIfAbsent(SOURCE);
        simulator.pass(Duration.ofMinutes(10));
        accountBeforeRestores = simulator.simulator().rds().stateJson();
        Instant restoreTo = Restores.recentRestorePoint(simulator);
        String cold = SOURCE + "-restore-" + (++restores);
        String writerClass = Restores.start(simulator, SOURCE, restoreTo, cold);
        simulator.pass(simulator.simulator().options().timings().clusterRestore().plus(Duration.ofMinutes(1)));
        return new Sample(Map.of("EVENT_BUS_NAME", BenchSimulator.EVENT_BUS), created(simulator, cold),
                List.of(cold, writerClass, BenchSimulator.EVENT_BUS));
    }

    /**
     * RDS's minutes pass, and the account is put back as it was before the cold invocation's restore (the simulator's
     * saved state): earlier restores, whose instances are still being created, are gone and cannot change the next
     * invocation's work.
     */
    @Override
    public void betweenInvocations(BenchSimulator simulator) {
        Restores.passAndPutBack(simulator, accountBeforeRestores);
    }

    /** Another restore, started the way point-in-time-restore starts one, whose cluster RDS has just created. */
    @Override
    public String warmEvent(BenchSimulator simulator) {
        Instant restoreTo = Restores.recentRestorePoint(simulator);
        String warm = SOURCE + "-restore-" + (++restores);
        Restores.start(simulator, SOURCE, restoreTo, warm);
        simulator.pass(simulator.simulator().options().timings().clusterRestore().plus(Duration.ofMinutes(1)));
        return created(simulator, warm);
    }

    private static String created(BenchSimulator simulator, String cluster) {
        return Events.fromRds(simulator, RestoreProgressInput.CLUSTER_EVENT, RestoreProgressInput.CLUSTER_CREATED, cluster);
    }
}
