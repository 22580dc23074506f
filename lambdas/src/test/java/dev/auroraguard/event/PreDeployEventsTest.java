package dev.auroraguard.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.domain.PreDeployProgress;
import dev.auroraguard.domain.PreDeployRequest;
import dev.auroraguard.domain.SnapshotNamer;
import dev.auroraguard.port.CodePipelineJobs;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pre-deploy function's inputs: the CodePipeline job event, its UserParameters and tokens, the CI request. */
class PreDeployEventsTest {

    private static final String JOB = "0d3a9f7e-5b1c-4e8a-9a43-2f6c1d7b8e90";

    @Test
    void codePipelineJobEvent_should_readIdParametersAndToken_when_givenTheVerbatimAwsSample() {
        // GIVEN the documentation's example event / WHEN parsed
        CodePipelineJobEvent job = CodePipelineJobEvent.parse(EventFixtures.load("codepipeline-job-event.json"));

        // THEN the job's id, account, parameters and token are read, and the credentials are not kept
        assertThat(job.jobId()).isEqualTo("11111111-abcd-1111-abcd-111111abcdef");
        assertThat(job.accountId()).isEqualTo("111111111111");
        assertThat(job.userParameters()).hasValue("some-input-such-as-a-URL");
        assertThat(job.continuationToken()).hasValue("A continuation token if continuing job");
        assertThat(job.toString()).doesNotContain("wJalrXUtnFEMI", "AKIAIOSFODNN7EXAMPLE", "MIICiTCC");
    }

    @Test
    void codePipelineJobEvent_should_refuseWithoutEchoingTheEvent_when_theJobHasNoId() {
        // GIVEN a job object without id but with credentials
        Map<String, Object> input = Map.of("CodePipeline.job", Map.of("data", Map.of("artifactCredentials",
                Map.of("secretAccessKey", "very-secret"))));
        // WHEN / THEN the message names the field, never the values
        assertThatThrownBy(() -> CodePipelineJobEvent.parse(input))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("event.CodePipeline.job has no 'id'");
    }

    @Test
    void userParameters_should_acceptAnIdentifierOrJson_when_wellFormed() {
        assertThat(PreDeployUserParameters.parse(Optional.of(" Orders-DB "), JOB))
                .extracting(PreDeployRequest::clusterId, PreDeployRequest::label).containsExactly("orders-db", Optional.empty());
        assertThat(PreDeployUserParameters.parse(Optional.of("{\"cluster\":\"orders-db\",\"label\":\"release-42\"}"), JOB))
                .satisfies(r -> {
                    assertThat(r.clusterId()).isEqualTo("orders-db");
                    assertThat(r.label()).hasValue("release-42");
                    assertThat(r.reference()).isEqualTo(JOB);
                    assertThat(r.pipelineJobId()).hasValue(JOB);
                    assertThat(r.snapshotId()).isEqualTo(SnapshotNamer.preDeploySnapshotId("orders-db", JOB));
                });
    }

    @Test
    void userParameters_should_sayWhatIsWrongAndShowAnExample_when_unusable() {
        String example = "set the action's UserParameters to the cluster identifier, e.g. orders-db, or to JSON such as"
                + " {\"cluster\":\"orders-db\",\"label\":\"release-42\"}";
        assertThatThrownBy(() -> PreDeployUserParameters.parse(Optional.empty(), JOB))
                .hasMessage("UserParameters is empty: " + example);
        assertThatThrownBy(() -> PreDeployUserParameters.parse(Optional.of("{\"cluster\":"), JOB))
                .hasMessageStartingWith("UserParameters starts with '{' but is not valid JSON (").hasMessageEndingWith(example);
        assertThatThrownBy(() -> PreDeployUserParameters.parse(Optional.of("{\"db\":\"orders-db\"}"), JOB))
                .hasMessage("UserParameters has the unknown key \"db\"; the keys are \"cluster\" (required) and \"label\""
                        + " (optional): " + example);
        assertThatThrownBy(() -> PreDeployUserParameters.parse(Optional.of("{\"label\":\"r\"}"), JOB))
                .hasMessage("UserParameters names no cluster (\"cluster\" is missing): " + example);
        assertThatThrownBy(() -> PreDeployUserParameters.parse(Optional.of("{\"cluster\":[\"a\"]}"), JOB))
                .hasMessage("UserParameters key \"cluster\" must be a string but is an array: " + example);
        assertThatThrownBy(() -> PreDeployUserParameters.parse(Optional.of("orders_db"), JOB))
                .hasMessage("UserParameters names the cluster 'orders_db', which is not a valid cluster identifier: it contains"
                        + " '_' (only letters, digits and hyphens are allowed); " + example);
        assertThatThrownBy(() -> PreDeployUserParameters.parse(Optional.of("{\"cluster\":\"orders-db\",\"label\":\"a;b\"}"), JOB))
                .hasMessageStartingWith("UserParameters has the label 'a;b', which contains characters RDS does not allow");
    }

    @Test
    void continuationToken_should_roundTrip_and_stayFarBelowCodePipelinesLimit() {
        // GIVEN progress with the longest label and cluster allowed
        String cluster = "a" + "b".repeat(62);
        PreDeployRequest request = new PreDeployRequest(PreDeployRequest.Source.CODEPIPELINE_JOB, JOB, cluster,
                Optional.of("é".repeat(128)), Optional.empty());
        PreDeployProgress progress = PreDeployProgress.begin(request, Instant.parse("2026-11-25T14:02:11Z")).creating().afterError();

        // WHEN written and read back
        String token = PreDeployContinuationToken.write(progress);

        // THEN
        assertThat(PreDeployContinuationToken.read(token)).isEqualTo(progress);
        assertThat(token.length()).isLessThan(CodePipelineJobs.MAX_CONTINUATION_TOKEN_LENGTH / 4);
    }

    @Test
    void continuationToken_should_beRefused_when_aurorGuardDidNotWriteIt() {
        String good = PreDeployContinuationToken.write(PreDeployProgress.begin(new PreDeployRequest(
                PreDeployRequest.Source.CODEPIPELINE_JOB, JOB, "orders-db", Optional.empty(), Optional.empty()), Instant.EPOCH));
        for (String token : new String[] {"A continuation token if continuing job", "{\"v\":2}", "{}",
                good.replace("orders-db-pre-deploy", "billing-db-pre-deploy"), good.replace("\"starting\"", "\"done\""),
                good.replace("\"errors\":0", "\"errors\":-1")}) {
            assertThatThrownBy(() -> PreDeployContinuationToken.read(token))
                    .as(token)
                    .isInstanceOf(InvalidEventException.class)
                    .hasMessageStartingWith("the job's continuation token was not written by aurora-guard's pre-deploy-snapshot function (")
                    .hasMessageEndingWith("); retry the failed action in the pipeline to start over");
        }
    }

    @Test
    void requestEvent_should_readClusterLabelAndRequester_when_givenTheFixture() {
        // GIVEN the request as EventBridge delivers it / WHEN parsed
        PreDeployRequest request = PreDeployRequestEvent.parse(EventFixtures.load("pre-deploy-snapshot-requested.json"));

        // THEN the event id is the reference
        assertThat(request.source()).isEqualTo(PreDeployRequest.Source.EVENTBRIDGE_REQUEST);
        assertThat(request.reference()).isEqualTo("6a7e8feb-b491-4cf7-a9f1-bf3703467718");
        assertThat(request.clusterId()).isEqualTo("orders-db");
        assertThat(request.label()).hasValue("release-42");
        assertThat(request.requester()).hasValue("github-actions/orders-service");
        assertThat(request.pipelineJobId()).isEmpty();
    }

    @Test
    void requestEvent_should_sayWhatIsWrong_when_theDetailIsUnusable() {
        Map<String, Object> base = EventFixtures.load("pre-deploy-snapshot-requested.json");
        Map<String, Object> noCluster = EventFixtures.load("pre-deploy-snapshot-requested.json", Map.of("detail", Map.of("label", "x")));
        Map<String, Object> badCluster = EventFixtures.load("pre-deploy-snapshot-requested.json",
                Map.of("detail", Map.of("cluster", "9db")));
        Map<String, Object> badRequester = EventFixtures.load("pre-deploy-snapshot-requested.json",
                Map.of("detail", Map.of("cluster", "orders-db", "requester", "gitlab#77")));
        assertThat(PreDeployRequestEvent.isRequest(base)).isTrue();
        assertThatThrownBy(() -> PreDeployRequestEvent.parse(noCluster))
                .hasMessageStartingWith("the request's detail names no cluster; send a detail such as {\"cluster\":\"orders-db\"");
        assertThatThrownBy(() -> PreDeployRequestEvent.parse(badCluster))
                .hasMessage("the request names the cluster '9db', which is not a valid cluster identifier: it must start with a letter");
        assertThatThrownBy(() -> PreDeployRequestEvent.parse(badRequester))
                .hasMessageStartingWith("the request's requester 'gitlab#77' contains characters RDS does not allow");
    }
}
