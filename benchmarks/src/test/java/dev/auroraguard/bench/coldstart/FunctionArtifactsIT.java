package dev.auroraguard.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.bench.coldstart.ProbeLauncher.ProbeRun;
import dev.auroraguard.bench.coldstart.probe.ColdStartProbe;
import dev.auroraguard.handler.FunctionCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every deployed artifact ({@code functions/target/functions/NAME.jar}, built earlier in the reactor), run alone as
 * the cold-start benchmark runs it: unpacked like {@code /var/task}, in a JVM of its own with Lambda's flags, its
 * handler loaded by name and invoked on the scenario's cold and warm events against a fresh simulator. What ProGuard
 * kept and what the build rewrote (lazy region metadata and modeled exceptions, desugared lambdas) must still do the
 * function's work. Runs in {@code verify} (failsafe), after the artifacts exist.
 */
class FunctionArtifactsIT {

    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(FunctionCatalog.class)
    void artifact_should_do_the_functions_typical_work_when_its_handler_runs_alone(FunctionCatalog function) throws Exception {
        // GIVEN the function's artifact unpacked, and its scenario on a fresh simulator
        Path probe = TaskDirectory.probeClasses(ColdStartProbe.class, work.resolve("probe"));

        // WHEN the probe invokes it three times (a failed invocation or a class the jar lacks ends the probe with an error)
        ProbeRun run = runThreeTimes(function, probe, work.resolve("classes.log"));

        // THEN every invocation made the function's calls (runFunction checks the warm ones), and no class came from elsewhere
        assertThat(run.callsByOperation()).isEqualTo(new TreeMap<>(ColdStartScenariosTest.TYPICAL_CALLS.get(function)));
        assertThat(run.warm()).hasSize(2).allMatch(warm -> warm.nanos() > 0)
                .allMatch(warm -> warm.cpuNanos() > 0, "the process's CPU time was measured (Linux)")
                .allMatch(warm -> !warm.sdk().timed(), "no SDK timing without --sdk-split");
        assertThat(Files.readAllLines(work.resolve("classes.log")))
                .filteredOn(line -> line.contains("source: file:"))
                .allMatch(line -> line.contains("source: file:" + work.resolve("task").toUri().getPath())
                        || line.contains("source: file:" + probe.toUri().getPath()));
    }

    @Test
    void sdkSplit_should_time_every_aws_call_of_a_warm_invocation_when_the_timer_is_on_the_class_path() throws Exception {
        // GIVEN the probe with the SDK call timer (the bench's --sdk-split)
        Path probe = TaskDirectory.sdkCallTimer(TaskDirectory.probeClasses(ColdStartProbe.class, work.resolve("probe")));

        // WHEN scheduled-snapshot runs three times
        ProbeRun run = runThreeTimes(FunctionCatalog.SCHEDULED_SNAPSHOT, probe, null);

        // THEN each warm invocation reports its own calls, timed within its own time and CPU
        int calls = run.callsByOperation().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(calls).isEqualTo(4);
        assertThat(run.warm()).hasSize(2).allSatisfy(warm -> {
            assertThat(warm.sdk().calls()).isEqualTo(calls);
            assertThat(warm.sdk().nanos()).isPositive().isLessThanOrEqualTo(warm.nanos());
            assertThat(warm.sdk().cpuNanos()).isPositive().isLessThanOrEqualTo(warm.cpuNanos());
        });
    }

    private ProbeRun runThreeTimes(FunctionCatalog function, Path probe, Path classLog) throws Exception {
        Path artifact = Path.of(System.getProperty("aurora-guard.function-artifacts", "../functions/target/functions"))
                .resolve(function.functionName() + ".jar");
        assertThat(artifact).as("built by the functions module").isRegularFile();
        Path task = TaskDirectory.unpack(artifact, work.resolve("task"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ColdStartScenario scenario = ColdStartScenarios.forFunction(function).get();
        try (BenchSimulator simulator = BenchSimulator.start()) {
            ProbeLauncher launcher = new ProbeLauncher(java, Optional.empty(), Optional.empty(), List.of(), probe,
                    simulator.simulator());
            return ColdStartBench.runFunction(scenario, simulator, launcher, task, work, classLog, 2);
        }
    }
}
