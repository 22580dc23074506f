package dev.auroraguard.bench.coldstart;

import dev.auroraguard.bench.coldstart.scenario.PointInTimeRestoreScenario;
import dev.auroraguard.bench.coldstart.scenario.PreDeploySnapshotScenario;
import dev.auroraguard.bench.coldstart.scenario.RestoreProgressScenario;
import dev.auroraguard.bench.coldstart.scenario.ScheduledSnapshotScenario;
import dev.auroraguard.bench.coldstart.scenario.SnapshotAvailableScenario;
import dev.auroraguard.bench.coldstart.scenario.SnapshotCleanupScenario;
import dev.auroraguard.handler.FunctionCatalog;
import java.util.List;
import java.util.function.Supplier;

/** One scenario per deployed function: the switch has no default, so a new function does not compile without one. */
public final class ColdStartScenarios {

    private ColdStartScenarios() {
    }

    public static Supplier<ColdStartScenario> forFunction(FunctionCatalog function) {
        return switch (function) {
            case SCHEDULED_SNAPSHOT -> ScheduledSnapshotScenario::new;
            case SNAPSHOT_AVAILABLE -> SnapshotAvailableScenario::new;
            case SNAPSHOT_CLEANUP -> SnapshotCleanupScenario::new;
            case POINT_IN_TIME_RESTORE -> PointInTimeRestoreScenario::new;
            case RESTORE_PROGRESS -> RestoreProgressScenario::new;
            case PRE_DEPLOY_SNAPSHOT -> PreDeploySnapshotScenario::new;
        };
    }

    /** The functions the benchmark measures by default: all of them. */
    public static List<FunctionCatalog> covered() {
        return List.of(FunctionCatalog.values());
    }
}
