package dev.auroraguard.bench.coldstart;

import dev.auroraguard.handler.FunctionCatalog;
import java.util.List;
import java.util.Map;

/**
 * What one function does on a real event, for the cold-start benchmark: the simulator state it needs,
 * the events of a cold invocation and of as many warm ones as the benchmark runs, and the naive baseline
 * program that makes the same AWS calls.
 *
 * <p>{@link #prepare} runs before every sample (function and baseline alike) so each sample does the same
 * work on equivalent state: a scenario that creates something uses a fresh name per sample.
 */
public interface ColdStartScenario {

    FunctionCatalog function();

    /** The baseline's main class (in {@code dev.auroraguard.bench.baseline}). */
    String baselineClass();

    /** Seeds the simulator for sample {@code sample} and returns what to invoke. */
    Sample prepare(BenchSimulator simulator, int sample) throws Exception;

    /**
     * Runs before every warm invocation, outside the measurement: by default RDS's minutes pass, so that what the
     * previous invocation started (a snapshot) does not make the next one wait.
     */
    default void betweenInvocations(BenchSimulator simulator) {
        simulator.pass(java.time.Duration.ofMinutes(10));
    }

    /**
     * Prepares one more warm invocation (after {@link #betweenInvocations}) and returns its event: the same work as
     * the cold invocation on fresh names and equivalent state, so that every warm invocation makes the cold one's calls.
     * Called once per warm invocation, as many times as the benchmark runs them.
     */
    String warmEvent(BenchSimulator simulator);

    /** Waits the function makes by design in one invocation (the cleanup's delete pacing): not its overhead. */
    default java.time.Duration pacingPerInvocation() {
        return java.time.Duration.ZERO;
    }

    /**
     * One sample's inputs.
     *
     * @param environment   the function's own settings (the AWS endpoint, region and credentials are added by the bench)
     * @param coldEvent     the first invocation's event JSON
     * @param baselineArgs  the baseline program's arguments for the same work as {@code coldEvent}
     */
    record Sample(Map<String, String> environment, String coldEvent, List<String> baselineArgs) {
        public Sample {
            environment = Map.copyOf(environment);
            baselineArgs = List.copyOf(baselineArgs);
        }
    }
}
