package dev.auroraguard.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.config.Environment;
import dev.auroraguard.event.EventFixtures;
import dev.auroraguard.json.Json;
import dev.auroraguard.simulator.FaultKind;
import dev.auroraguard.simulator.RecordedEvent;
import dev.auroraguard.simulator.codepipeline.CodePipelineService.Job;
import dev.auroraguard.simulator.junit.AwsTarget;
import dev.auroraguard.testing.SimulatedAws;
import dev.auroraguard.testing.SimulatedPipeline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job event's artifact credentials are secrets: through the production wiring (stdout log, clients
 * from the environment), across a whole action, its failures and the documentation's sample, they appear
 * in no log line, no outcome event, no result and no exception.
 */
class PreDeployNoSecretsIntegrationTest {

    @RegisterExtension
    final AwsTarget aws = AwsTarget.create(o -> o.toBuilder().eventBus(SimulatedAws.BUS).build());

    @Test
    void artifactCredentials_should_appearNowhere_when_jobsSucceedFailAndAreRetried() {
        // GIVEN the handler built exactly as Lambda builds it, its stdout captured as Lambda's log stream would be
        SimulatedAws sim = new SimulatedAws(aws);
        SimulatedPipeline pipeline = new SimulatedPipeline(sim);
        sim.createClusters(Map.of("orders-db", Map.of()));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        List<String> results = new ArrayList<>();
        List<String> secrets = new ArrayList<>(List.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AKIAIOSFODNN7EXAMPLE",
                "MIICiTCCAfICCQD6m7oRw0uXOjANBgkqhkiG9w0BAQUFADCBiDELMAkGA1UEBhMCVVMxCzAJBgNVBAgTAldBMRAwDgYDVQQHEwdTZWF0dGxl"));
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            PreDeploySnapshotHandler handler = new PreDeploySnapshotHandler(Environment.of(
                    PreDeployPipelineIntegrationTest.productionEnvironment(sim)));

            // WHEN an action runs to success, with a Lambda retry and a throttled answer on the way
            String job = pipeline.startAction("{\"cluster\":\"orders-db\",\"label\":\"release-42\"}");
            String first = job;
            results.add(Json.write(pipeline.invoke(handler, job)));
            results.add(Json.write(pipeline.invoke(handler, job)));
            for (int call = 0; call < 2; call++) {
                sim.simulator().clock().advance(Duration.ofMinutes(3));
                job = pipeline.nextJob(job);
                if (call == 1) {
                    sim.simulator().faults().failNext("PutJobSuccessResult", FaultKind.THROTTLING, 3);
                    String throttled = job;
                    assertThatThrownBy(() -> pipeline.invoke(handler, throttled))
                            .satisfies(e -> results.add(String.valueOf(e.getMessage())));
                }
                results.add(Json.write(pipeline.invoke(handler, job)));
            }
            assertThat(pipeline.result(job).isFinalSuccess()).isTrue();
            // AND actions that fail: bad UserParameters, a missing cluster, the documented sample's foreign token
            for (String userParameters : new String[] {"{\"cluster\":", "ghost-db"}) {
                String failing = pipeline.startAction(userParameters);
                results.add(Json.write(pipeline.invoke(handler, failing)));
                assertThat(pipeline.result(failing).success()).isFalse();
            }
            pipeline.codePipeline().registerJob("11111111-abcd-1111-abcd-111111abcdef", SimulatedPipeline.FUNCTION,
                    "some-input-such-as-a-URL", "A continuation token if continuing job");
            results.add(Json.write(handler.handleRequest(EventFixtures.load("codepipeline-job-event.json"), null)));
            for (Job each : pipeline.codePipeline().actionJobs(first)) {
                secrets.addAll(PreDeployPipelineIntegrationTest.secretsOf(each));
            }
        } finally {
            System.setOut(original);
        }

        // THEN the function logged its decisions, one JSON object per line ...
        List<String> lines = stdout.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSizeGreaterThan(10).allSatisfy(line -> Json.parseObject(line));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"action\":\"complete\""));
        // ... and no secret is in any line, outcome event, result or exception message
        List<String> everything = new ArrayList<>(lines);
        everything.addAll(results);
        sim.simulator().events().all().stream().map(RecordedEvent::envelopeJson).forEach(everything::add);
        assertThat(secrets).hasSize(12);
        for (String secret : secrets) {
            assertThat(everything).noneSatisfy(text -> assertThat(text).contains(secret));
        }
    }
}
