package dev.auroraguard.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.auroraguard.bench.SimulatedLambdaContext;
import dev.auroraguard.config.Environment;
import dev.auroraguard.handler.FunctionCatalog;
import dev.auroraguard.json.Json;
import dev.auroraguard.simulator.RecordedEvent;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every function's cold-start scenario, run in this JVM: the handler (from the lambdas dependency, settings through its
 * Environment constructor, as the sandbox's invoker passes them) on the scenario's cold and warm events, and the
 * baseline's {@code main} on the scenario's arguments (SDK defaults from system properties), against one
 * {@link BenchSimulator}. The benchmark itself runs both in fresh JVMs from the built artifacts, which do not exist
 * yet when this module's tests run (the baseline jar is this module's own package output).
 */
class ColdStartScenariosTest {

    /** The typical work of each function's cold invocation, as AWS calls. */
    static final Map<FunctionCatalog, Map<String, Integer>> TYPICAL_CALLS = Map.of(
            FunctionCatalog.SCHEDULED_SNAPSHOT, Map.of("DescribeDBClusters", 1, "DescribeAccountAttributes", 1,
                    "CreateDBClusterSnapshot", 1, "PutEvents", 1),
            FunctionCatalog.SNAPSHOT_AVAILABLE, Map.of("DescribeDBClusterSnapshots", 1, "PutEvents", 1, "AddTagsToResource", 1),
            FunctionCatalog.SNAPSHOT_CLEANUP, Map.of("DescribeDBClusters", 1, "DescribeDBClusterSnapshots", 1,
                    "DeleteDBClusterSnapshot", 3, "PutEvents", 1),
            FunctionCatalog.POINT_IN_TIME_RESTORE, Map.of("DescribeDBClusters", 2, "DescribeDBInstances", 1,
                    "RestoreDBClusterToPointInTime", 1, "PutEvents", 1),
            FunctionCatalog.RESTORE_PROGRESS, Map.of("DescribeDBClusters", 1, "DescribeDBInstances", 1, "CreateDBInstance", 1,
                    "PutEvents", 1),
            FunctionCatalog.PRE_DEPLOY_SNAPSHOT, Map.of("DescribeDBClusters", 1, "CreateDBClusterSnapshot", 1, "PutEvents", 1,
                    "PutJobSuccessResult", 1));

    /** Warm invocations per scenario here: enough to show the scenario repeats the same work on fresh state. */
    private static final int WARM_INVOCATIONS = 3;

    /** The outcome event each function's typical invocation publishes. */
    private static final Map<FunctionCatalog, String> TYPICAL_EVENT = Map.of(
            FunctionCatalog.SCHEDULED_SNAPSHOT, "Snapshot Started",
            FunctionCatalog.SNAPSHOT_AVAILABLE, "Snapshot Available",
            FunctionCatalog.SNAPSHOT_CLEANUP, "Cleanup Completed",
            FunctionCatalog.POINT_IN_TIME_RESTORE, "Restore Started",
            FunctionCatalog.RESTORE_PROGRESS, "Restore Progress",
            FunctionCatalog.PRE_DEPLOY_SNAPSHOT, "Snapshot Started");

    private static final List<String> PROPERTIES = List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.region",
            "aws.endpointUrl", "software.amazon.awssdk.http.service.impl");
    private static final Map<String, String> saved = new HashMap<>();

    @BeforeAll
    static void sdkDefaults() {
        PROPERTIES.forEach(p -> saved.put(p, System.getProperty(p)));
        // The functions' credential chain and the baselines' default chains both read these.
        System.setProperty("aws.accessKeyId", BenchSimulator.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", BenchSimulator.SECRET_KEY);
        System.setProperty("aws.region", BenchSimulator.REGION);
        // The baseline artifact carries only Apache's client; this classpath has the URL-connection client too.
        System.setProperty("software.amazon.awssdk.http.service.impl", "software.amazon.awssdk.http.apache.ApacheSdkHttpService");
    }

    @AfterAll
    static void restoreProperties() {
        saved.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void covered_should_listEveryFunction_when_eachHasAScenario() {
        // WHEN / THEN
        assertThat(ColdStartScenarios.covered()).containsExactly(FunctionCatalog.values());
        for (FunctionCatalog function : FunctionCatalog.values()) {
            assertThat(ColdStartScenarios.forFunction(function).get().function()).isEqualTo(function);
        }
    }

    @ParameterizedTest
    @EnumSource(FunctionCatalog.class)
    void scenario_should_driveTheTypicalWorkAndTheBaselineTheSameCalls_when_runInProcess(FunctionCatalog function) throws Exception {
        try (BenchSimulator simulator = BenchSimulator.start()) {
            // GIVEN the function's scenario, its first sample prepared, the handler built as Lambda's init phase would
            ColdStartScenario scenario = ColdStartScenarios.forFunction(function).get();
            ColdStartScenario.Sample sample = scenario.prepare(simulator, 0);
            Map<String, String> environment = new HashMap<>(simulator.awsEnvironment());
            environment.putAll(sample.environment());
            environment.put("AWS_LAMBDA_LOG_LEVEL", "WARN");
            RequestHandler<Map<String, Object>, Map<String, Object>> handler = handler(function, Environment.of(environment));

            // WHEN the cold event is handled, then warm events one by one, and the baseline runs on a sample of its own
            int eventsBefore = simulator.simulator().events().onBus(BenchSimulator.EVENT_BUS).size();
            Map<String, Integer> cold = calls(simulator, () -> handler.handleRequest(Json.parseObject(sample.coldEvent()),
                    context(function, "cold")));
            List<String> published = simulator.simulator().events().onBus(BenchSimulator.EVENT_BUS).stream().skip(eventsBefore)
                    .map(RecordedEvent::detailType).toList();
            List<Map<String, Integer>> warm = new ArrayList<>();
            for (int invocation = 1; invocation <= WARM_INVOCATIONS; invocation++) {
                scenario.betweenInvocations(simulator);
                String event = scenario.warmEvent(simulator);
                warm.add(calls(simulator, () -> handler.handleRequest(Json.parseObject(event), context(function, "warm"))));
            }
            ColdStartScenario.Sample baselineSample = scenario.prepare(simulator, 0);
            System.setProperty("aws.endpointUrl", simulator.endpoint().toString());
            Map<String, Integer> baseline = calls(simulator, () -> runMain(scenario.baselineClass(), baselineSample.baselineArgs()));

            // THEN the function did its typical work every time, and the baseline made exactly its calls
            assertThat(cold).as("cold invocation's calls").isEqualTo(new TreeMap<>(TYPICAL_CALLS.get(function)));
            assertThat(published).as("events the cold invocation published").containsExactly(TYPICAL_EVENT.get(function));
            assertThat(warm).as("warm invocations' calls").hasSize(WARM_INVOCATIONS).containsOnly(cold);
            assertThat(baseline).as("baseline's calls").isEqualTo(cold);
        }
    }

    /** An invocation's context with Lambda's longest timeout. */
    private static SimulatedLambdaContext context(FunctionCatalog function, String requestId) {
        return new SimulatedLambdaContext(Clock.systemUTC(), Duration.ofMinutes(15), "aurora-guard-" + function.functionName(),
                requestId);
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<Map<String, Object>, Map<String, Object>> handler(FunctionCatalog function, Environment environment)
            throws ReflectiveOperationException {
        return (RequestHandler<Map<String, Object>, Map<String, Object>>) Class.forName(function.handlerClassName())
                .getConstructor(Environment.class).newInstance(environment);
    }

    private static void runMain(String className, List<String> args) throws Exception {
        try {
            Class.forName(className).getMethod("main", String[].class).invoke(null, (Object) args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Map<String, Integer> calls(BenchSimulator simulator, ThrowingRunnable work) throws Exception {
        simulator.simulator().faults().resetCounters();
        work.run();
        return new TreeMap<>(simulator.simulator().faults().callsByOperation());
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
