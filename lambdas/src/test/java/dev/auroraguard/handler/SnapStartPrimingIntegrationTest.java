package dev.auroraguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.config.Environment;
import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.SimulatorOptions;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SnapStart priming runs before Lambda snapshots the function: it must touch every SDK client the
 * function uses and change nothing, whatever AWS answers.
 */
class SnapStartPrimingIntegrationTest {

    private static final String POLICY = "{\"timezone\":\"UTC\",\"rules\":{\"scheduled\":{\"keepDaily\":7}}}";
    private static Simulator simulator;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = Simulator.start(SimulatorOptions.forTests());
        // LambdaCredentials falls back to the standard system properties (no environment variables in tests).
        System.setProperty("aws.accessKeyId", "priming-test");
        System.setProperty("aws.secretAccessKey", "priming-test-secret");
    }

    @AfterAll
    static void stopSimulator() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        simulator.close();
    }

    @ParameterizedTest
    @EnumSource(FunctionCatalog.class)
    void prime_should_call_each_client_of_the_function_read_only_and_change_nothing(FunctionCatalog function) throws Exception {
        // GIVEN the function built as Lambda builds it, against the simulator
        SnapStartPriming priming = primingOf(function, environment(simulator.endpoint().toString(), "5"));
        simulator.faults().resetCounters();
        String stateBefore = simulator.rds().stateJson();
        int eventsBefore = simulator.events().size();

        // WHEN the checkpoint hook runs
        Map<String, String> outcomes = priming.prime();

        // THEN it parsed the sample event and called every service of the function once, read-only
        assertThat(outcomes).containsEntry("event", "parsed");
        assertThat(outcomes).hasSize(function.services().size() + 1);
        Map<String, Integer> calls = simulator.faults().callsByOperation();
        assertThat(calls).isNotEmpty();
        assertThat(calls.keySet()).allSatisfy(operation -> assertThat(operation).matches("(Describe|Get|List)[A-Za-z]+"));
        assertThat(calls.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(function.services().size());
        // AND nothing changed: no RDS state, no event
        assertThat(simulator.rds().stateJson()).isEqualTo(stateBefore);
        assertThat(simulator.events().size()).isEqualTo(eventsBefore);
    }

    @Test
    void prime_should_report_failures_and_not_throw_when_aws_is_unreachable() throws Exception {
        // GIVEN a function whose endpoint refuses connections, one attempt per call
        SnapStartPriming priming = primingOf(FunctionCatalog.RESTORE_PROGRESS, environment("http://127.0.0.1:1", "1"));

        // WHEN the checkpoint hook runs
        Map<String, String> outcomes = priming.prime();

        // THEN every call is reported as failed and the checkpoint can go on
        assertThat(outcomes).containsEntry("event", "parsed");
        assertThat(outcomes).hasSize(4);
        assertThat(outcomes.entrySet()).filteredOn(e -> !e.getKey().equals("event"))
                .allSatisfy(e -> assertThat(e.getValue()).isNotEqualTo("ok"));
    }

    private static SnapStartPriming primingOf(FunctionCatalog function, Map<String, String> environment) throws Exception {
        Object handler = Class.forName(function.handlerClassName()).getConstructor(Environment.class)
                .newInstance(Environment.of(environment));
        Method priming = handler.getClass().getDeclaredMethod("priming");
        priming.setAccessible(true);
        SnapStartPriming registered = (SnapStartPriming) priming.invoke(handler);
        assertThat(registered).as("%s registers its priming hook", function.functionName()).isNotNull();
        return registered;
    }

    private static Map<String, String> environment(String endpoint, String maxAttempts) {
        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_ENDPOINT_URL", endpoint);
        environment.put("AWS_REGION", simulator.region());
        environment.put("AWS_MAX_ATTEMPTS", maxAttempts);
        environment.put("EVENT_BUS_NAME", "aurora-guard");
        environment.put("SNAPSHOT_CLUSTERS", "orders-db");
        environment.put("RETENTION_POLICY", POLICY);
        return environment;
    }
}
