package dev.auroraguard.bench.coldstart;

import dev.auroraguard.bench.coldstart.scenario.ScheduledSnapshotScenario;
import dev.auroraguard.handler.FunctionCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** One scenario per deployed function (the benchmark fails for a function without one). */
public final class ColdStartScenarios {

    private ColdStartScenarios() {
    }

    public static Supplier<ColdStartScenario> forFunction(FunctionCatalog function) {
        return switch (function) {
            case SCHEDULED_SNAPSHOT -> ScheduledSnapshotScenario::new;
            default -> throw new IllegalArgumentException("no cold-start scenario for " + function.functionName() + " yet");
        };
    }

    public static List<FunctionCatalog> covered() {
        List<FunctionCatalog> covered = new ArrayList<>();
        for (FunctionCatalog function : FunctionCatalog.values()) {
            try {
                forFunction(function);
                covered.add(function);
            } catch (IllegalArgumentException none) {
                // not covered
            }
        }
        return covered;
    }
}
