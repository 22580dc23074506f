package dev.auroraguard.simulator.codepipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auroraguard.simulator.FaultKind;
import dev.auroraguard.simulator.SdkClients;
import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.SimulatorOptions;
import dev.auroraguard.simulator.codepipeline.CodePipelineService.JobResult;
import dev.auroraguard.simulator.codepipeline.CodePipelineService.JobStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.CodePipelineException;
import software.amazon.awssdk.services.codepipeline.model.FailureType;
import software.amazon.awssdk.services.codepipeline.model.InvalidJobStateException;
import software.amazon.awssdk.services.codepipeline.model.JobNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.OutputVariablesSizeExceededException;
import software.amazon.awssdk.services.codepipeline.model.ValidationException;

/** CodePipeline's job-worker calls through the real SDK v2 CodePipelineClient. */
class CodePipelineServiceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path stateDir;

    private Simulator simulator;
    private CodePipelineClient client;
    private CodePipelineService codePipeline;

    @BeforeEach
    void start() throws Exception {
        simulator = Simulator.start(SimulatorOptions.forTests());
        client = SdkClients.codePipeline(simulator);
        codePipeline = simulator.codePipeline();
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    @Test
    void lambdaEvent_should_haveTheDocumentedShape_when_jobIsNew() throws Exception {
        // GIVEN
        String jobId = codePipeline.createJob("aurora-guard-pre-deploy-snapshot", "{\"cluster\":\"orders-db\"}");

        // WHEN
        JsonNode event = MAPPER.readTree(codePipeline.lambdaEvent(jobId));

        // THEN the keys of the AWS documentation's "Example JSON event", in its order, without a continuation token
        JsonNode job = event.path("CodePipeline.job");
        assertThat(fieldNames(event)).containsExactly("CodePipeline.job");
        assertThat(fieldNames(job)).containsExactly("id", "accountId", "data");
        assertThat(job.path("id").asText()).isEqualTo(jobId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(job.path("accountId").asText()).isEqualTo("123456789012");
        assertThat(fieldNames(job.path("data"))).containsExactly("actionConfiguration", "inputArtifacts", "outputArtifacts",
                "artifactCredentials");
        assertThat(job.path("data").path("actionConfiguration").path("configuration").path("UserParameters").asText())
                .isEqualTo("{\"cluster\":\"orders-db\"}");
        assertThat(fieldNames(job.path("data").path("artifactCredentials")))
                .containsExactly("secretAccessKey", "sessionToken", "accessKeyId");
        assertThat(job.path("data").path("artifactCredentials").path("accessKeyId").asText())
                .isEqualTo(codePipeline.job(jobId).orElseThrow().artifactCredentials().accessKeyId()).startsWith("ASIA");
    }

    @Test
    void putJobSuccessResult_should_scheduleContinuationJob_when_tokenIsSent() throws Exception {
        // GIVEN
        String first = codePipeline.createJob("fn", "orders-db");

        // WHEN the function answers "in progress"
        client.putJobSuccessResult(r -> r.jobId(first).continuationToken("{\"step\":1}")
                .executionDetails(d -> d.summary("snapshot creating").externalExecutionId("orders-db-pre-deploy-x").percentComplete(10)));

        // THEN a new job carries the token, with fresh artifact credentials
        String second = codePipeline.nextJobId(first).orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(codePipeline.status(first)).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(codePipeline.status(second)).isEqualTo(JobStatus.IN_PROGRESS);
        JsonNode event = MAPPER.readTree(codePipeline.lambdaEvent(second)).path("CodePipeline.job");
        assertThat(event.path("data").path("continuationToken").asText()).isEqualTo("{\"step\":1}");
        assertThat(event.path("data").path("actionConfiguration").path("configuration").path("UserParameters").asText()).isEqualTo("orders-db");
        assertThat(codePipeline.job(second).orElseThrow().artifactCredentials().secretAccessKey())
                .isNotEqualTo(codePipeline.job(first).orElseThrow().artifactCredentials().secretAccessKey());
        assertThat(codePipeline.jobResults(first)).singleElement().satisfies(result -> {
            assertThat(result.success()).isTrue();
            assertThat(result.isFinalSuccess()).isFalse();
            assertThat(result.summary()).hasValue("snapshot creating");
            assertThat(result.externalExecutionId()).hasValue("orders-db-pre-deploy-x");
            assertThat(result.percentComplete()).hasValue(10);
            assertThat(result.nextJobId()).hasValue(second);
        });

        // WHEN the continuation job ends the action with output variables
        client.putJobSuccessResult(r -> r.jobId(second).outputVariables(Map.of("SnapshotId", "orders-db-pre-deploy-x")));

        // THEN
        assertThat(codePipeline.jobResults(second)).singleElement().satisfies(result -> {
            assertThat(result.isFinalSuccess()).isTrue();
            assertThat(result.outputVariables()).containsExactly(Map.entry("SnapshotId", "orders-db-pre-deploy-x"));
        });
        assertThat(codePipeline.nextJobId(second)).isEmpty();
        assertThat(codePipeline.actionJobs(first)).extracting(CodePipelineService.Job::id).containsExactly(first, second);
    }

    @Test
    void putJobFailureResult_should_recordFailureDetails_when_jobIsInProgress() {
        // GIVEN
        String jobId = codePipeline.createJob("fn", null);

        // WHEN
        client.putJobFailureResult(r -> r.jobId(jobId).failureDetails(f -> f.type(FailureType.CONFIGURATION_ERROR)
                .message("UserParameters is empty").externalExecutionId("req-1")));

        // THEN
        assertThat(codePipeline.status(jobId)).isEqualTo(JobStatus.FAILED);
        assertThat(codePipeline.jobResults(jobId)).singleElement().satisfies(result -> {
            assertThat(result.success()).isFalse();
            assertThat(result.failureType()).hasValue("ConfigurationError");
            assertThat(result.failureMessage()).hasValue("UserParameters is empty");
            assertThat(result.externalExecutionId()).hasValue("req-1");
        });
    }

    @Test
    void putResult_should_throwInvalidJobState_when_jobAlreadyHasAResult() {
        // GIVEN
        String jobId = codePipeline.createJob("fn", "orders-db");
        client.putJobSuccessResult(r -> r.jobId(jobId).outputVariables(Map.of("A", "1")));

        // WHEN / THEN a second result of either kind is refused and nothing changes
        assertThatThrownBy(() -> client.putJobSuccessResult(r -> r.jobId(jobId)))
                .isInstanceOf(InvalidJobStateException.class);
        assertThatThrownBy(() -> client.putJobFailureResult(r -> r.jobId(jobId)
                .failureDetails(f -> f.type(FailureType.JOB_FAILED).message("late"))))
                .isInstanceOf(InvalidJobStateException.class)
                .hasMessageContaining("succeeded");
        assertThat(codePipeline.jobResults(jobId)).hasSize(1);
        assertThat(codePipeline.refusals(jobId)).extracting(CodePipelineService.Refusal::errorCode)
                .containsExactly("InvalidJobStateException", "InvalidJobStateException");
    }

    @Test
    void putResult_should_throwJobNotFound_when_codePipelineNeverCreatedTheJob() {
        assertThatThrownBy(() -> client.putJobSuccessResult(r -> r.jobId("11111111-abcd-1111-abcd-111111abcdef")))
                .isInstanceOf(JobNotFoundException.class)
                .hasMessageStartingWith("The job was specified in an invalid format or cannot be found.");
    }

    @Test
    void putJobSuccessResult_should_throwValidation_when_outputVariablesComeWithAContinuationToken() {
        // GIVEN
        String jobId = codePipeline.createJob("fn", "orders-db");

        // WHEN / THEN
        assertThatThrownBy(() -> client.putJobSuccessResult(r -> r.jobId(jobId).continuationToken("t")
                .outputVariables(Map.of("SnapshotId", "x"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("outputVariables can be included only when there is no continuation token on the request.");
        assertThat(codePipeline.status(jobId)).isEqualTo(JobStatus.IN_PROGRESS);
    }

    @Test
    void putJobSuccessResult_should_throwValidation_when_tokenIsLongerThan2048Characters() {
        // GIVEN
        String jobId = codePipeline.createJob("fn", "orders-db");

        // WHEN / THEN the model's length constraint applies
        assertThatThrownBy(() -> client.putJobSuccessResult(r -> r.jobId(jobId).continuationToken("x".repeat(2049))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at 'continuationToken' failed to satisfy constraint: Member must have length less than or equal to 2048");
        // AND exactly 2048 is accepted
        client.putJobSuccessResult(r -> r.jobId(jobId).continuationToken("x".repeat(2048)));
        assertThat(codePipeline.nextJobId(jobId)).isPresent();
    }

    @Test
    void putJobSuccessResult_should_throwValidation_when_variableNameBreaksThePattern() {
        String jobId = codePipeline.createJob("fn", "orders-db");
        assertThatThrownBy(() -> client.putJobSuccessResult(r -> r.jobId(jobId).outputVariables(Map.of("snapshot id", "x"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("[A-Za-z0-9@\\-_]+");
    }

    @Test
    void putJobSuccessResult_should_throwSizeExceeded_when_variablesExceedTheQuota() {
        String jobId = codePipeline.createJob("fn", "orders-db");
        assertThatThrownBy(() -> client.putJobSuccessResult(r -> r.jobId(jobId).outputVariables(
                Map.of("Big", "x".repeat(CodePipelineService.MAX_OUTPUT_VARIABLES_BYTES)))))
                .isInstanceOf(OutputVariablesSizeExceededException.class);
    }

    @Test
    void putJobFailureResult_should_throwValidation_when_failureTypeIsUnknown() {
        String jobId = codePipeline.createJob("fn", "orders-db");
        assertThatThrownBy(() -> client.putJobFailureResult(r -> r.jobId(jobId).failureDetails(f -> f.type("Oops").message("m"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Member must satisfy enum value set");
    }

    @Test
    void putResult_should_throwValidation_when_jobIdIsNotAJobId() {
        assertThatThrownBy(() -> client.putJobSuccessResult(r -> r.jobId("not-a-job")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Member must satisfy regular expression pattern");
    }

    @Test
    void job_should_timeOut_when_nobodyRepliesFor20Minutes() {
        // GIVEN
        String jobId = codePipeline.createJob("fn", "orders-db");

        // WHEN
        simulator.clock().advance(CodePipelineService.REPLY_TIMEOUT);

        // THEN a late reply is refused: the action already failed
        assertThat(codePipeline.status(jobId)).isEqualTo(JobStatus.TIMED_OUT);
        assertThatThrownBy(() -> client.putJobSuccessResult(r -> r.jobId(jobId)))
                .isInstanceOf(InvalidJobStateException.class).hasMessageContaining("timed out");
    }

    @Test
    void putJobSuccessResult_should_scheduleNoFurtherJob_when_actionRanFor24Hours() {
        // GIVEN an action that kept answering "in progress" for a day
        String jobId = codePipeline.createJob("fn", "orders-db");
        for (int i = 0; i < 24 * 4; i++) {
            String current = jobId;
            client.putJobSuccessResult(r -> r.jobId(current).continuationToken("t"));
            jobId = codePipeline.nextJobId(current).orElseThrow();
            simulator.clock().advance(Duration.ofMinutes(15));
        }
        String last = jobId;

        // WHEN it answers "in progress" once more
        client.putJobSuccessResult(r -> r.jobId(last).continuationToken("t"));

        // THEN CodePipeline gives up on the action
        assertThat(codePipeline.nextJobId(last)).isEmpty();
        assertThat(codePipeline.status(last)).isEqualTo(JobStatus.TIMED_OUT);
    }

    @Test
    void putJobSuccessResult_should_beRetriedBySdk_when_throttled() {
        // GIVEN
        String jobId = codePipeline.createJob("fn", "orders-db");
        simulator.faults().failNext("PutJobSuccessResult", FaultKind.THROTTLING, 2);

        // WHEN
        client.putJobSuccessResult(r -> r.jobId(jobId).outputVariables(Map.of("A", "1")));

        // THEN the third attempt got through, once
        assertThat(simulator.faults().calls("PutJobSuccessResult")).isEqualTo(3);
        assertThat(codePipeline.jobResults(jobId)).hasSize(1);
    }

    @Test
    void putResult_should_surfaceThrottling_when_retriesAreExhausted() {
        String jobId = codePipeline.createJob("fn", "orders-db");
        simulator.faults().failNext("PutJobFailureResult", FaultKind.THROTTLING, 3);
        assertThatThrownBy(() -> client.putJobFailureResult(r -> r.jobId(jobId).failureDetails(f -> f.type(FailureType.JOB_FAILED).message("m"))))
                .asInstanceOf(type(CodePipelineException.class))
                .satisfies(e -> assertThat(e.isThrottlingException()).isTrue());
        assertThat(codePipeline.status(jobId)).isEqualTo(JobStatus.IN_PROGRESS);
    }

    @Test
    void state_should_surviveRestart_when_stateDirIsSet() throws Exception {
        // GIVEN a job answered "in progress" in a simulator with a state directory
        SimulatorOptions options = SimulatorOptions.forTests().toBuilder().stateDir(stateDir).build();
        String first;
        String second;
        try (Simulator one = Simulator.start(options); CodePipelineClient c = SdkClients.codePipeline(one)) {
            first = one.codePipeline().createJob("fn", "orders-db");
            c.putJobSuccessResult(r -> r.jobId(first).continuationToken("t"));
            second = one.codePipeline().nextJobId(first).orElseThrow();
        }

        // WHEN it restarts
        try (Simulator two = Simulator.start(options); CodePipelineClient c = SdkClients.codePipeline(two)) {
            // THEN jobs, results and credentials are back, and the continuation job can be answered
            assertThat(two.codePipeline().jobResults(first)).singleElement()
                    .extracting(JobResult::continuationToken).isEqualTo(java.util.Optional.of("t"));
            c.putJobSuccessResult(r -> r.jobId(second));
            assertThat(two.codePipeline().status(second)).isEqualTo(JobStatus.SUCCEEDED);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
