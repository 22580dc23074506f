package dev.auroraguard.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.domain.SnapshotNamer;
import dev.auroraguard.event.EventFixtures;
import dev.auroraguard.event.OutcomeEventSchema;
import dev.auroraguard.port.CodePipelineJobs;
import dev.auroraguard.simulator.FaultKind;
import dev.auroraguard.simulator.codepipeline.CodePipelineService.Job;
import dev.auroraguard.simulator.codepipeline.CodePipelineService.JobResult;
import dev.auroraguard.simulator.codepipeline.CodePipelineService.JobStatus;
import dev.auroraguard.simulator.junit.AwsTarget;
import dev.auroraguard.testing.SimulatedAws;
import dev.auroraguard.testing.SimulatedPipeline;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;

/**
 * The pre-deploy-snapshot function as a CodePipeline Lambda invoke action, end to end: jobs and their
 * events from the simulated CodePipeline, answers through the real SDK CodePipelineClient, the snapshot
 * through the real RdsClient, against the embedded simulator (one per test).
 */
class PreDeployPipelineIntegrationTest {

    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private static final String RELEASE_42 = "{\"cluster\":\"orders-db\",\"label\":\"release-42\"}";

    @RegisterExtension
    final AwsTarget aws = AwsTarget.create(o -> o.toBuilder().eventBus(SimulatedAws.BUS).build());

    private SimulatedAws sim;
    private SimulatedPipeline pipeline;

    @BeforeEach
    void simulator() {
        sim = new SimulatedAws(aws);
        pipeline = new SimulatedPipeline(sim);
        sim.createClusters(Map.of("orders-db", Map.of("team", "payments")));
    }

    private void advance(Duration duration) {
        sim.simulator().clock().advance(duration);
    }

    @Test
    void action_should_continueUntilTheSnapshotIsAvailable_then_succeedWithOutputVariables() {
        // GIVEN a pipeline whose action names the cluster and the release
        PreDeploySnapshotHandler handler = pipeline.handler(TWO_HOURS, 3);
        String first = pipeline.startAction(RELEASE_42);
        String snapshotId = SnapshotNamer.preDeploySnapshotId("orders-db", first);

        // WHEN CodePipeline invokes the function with the first job
        Map<String, Object> started = pipeline.invoke(handler, first);

        // THEN the snapshot is started, tagged in the create call, and CodePipeline is told to call again
        assertThat(started).containsEntry("outcome", "creating").containsEntry("reason", "created")
                .containsEntry("snapshot", snapshotId).containsEntry("label", "release-42");
        DBClusterSnapshot snapshot = sim.snapshot(snapshotId).orElseThrow();
        assertThat(snapshot.status()).isEqualTo("creating");
        assertThat(SimulatedAws.tags(snapshot)).containsEntry("aurora-guard:managed", "true")
                .containsEntry("aurora-guard:kind", "pre-deploy").containsEntry("aurora-guard:trigger", first)
                .containsEntry("aurora-guard:label", "release-42").containsEntry("aurora-guard:pipeline-job", first)
                .doesNotContainKey("team");
        JobResult firstAnswer = pipeline.result(first);
        assertThat(firstAnswer.success()).isTrue();
        assertThat(firstAnswer.continuationToken()).hasValueSatisfying(token -> assertThat(token).hasSizeLessThan(
                CodePipelineJobs.MAX_CONTINUATION_TOKEN_LENGTH).contains(first));
        assertThat(firstAnswer.outputVariables()).isEmpty();
        assertThat(firstAnswer.summary()).hasValueSatisfying(s -> assertThat(s).contains("started"));
        assertThat(firstAnswer.externalExecutionId()).hasValue(snapshotId);
        // AND Snapshot Started is on the bus with the label and the job
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_STARTED)).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("kind", "pre-deploy").containsEntry("label", "release-42")
                    .containsEntry("snapshotId", snapshotId).containsEntry("reason", "created");
            assertThat(d.get("trigger")).isEqualTo(Map.of("type", "codepipeline-job", "reference", first, "jobId", first));
        });

        // WHEN CodePipeline calls again a minute later, while RDS is still creating the snapshot
        advance(Duration.ofMinutes(1));
        String second = pipeline.nextJob(first);
        Map<String, Object> stillCreating = pipeline.invoke(handler, second);

        // THEN the answer is another continuation, and nothing new is created or announced
        assertThat(stillCreating).containsEntry("outcome", "creating").containsEntry("reason", "creating");
        assertThat(pipeline.result(second).continuationToken()).isPresent();
        assertThat(pipeline.result(second).summary()).hasValueSatisfying(s -> assertThat(s).contains("still 'creating' (1m so far, limit 2h)"));

        // WHEN RDS finishes and CodePipeline calls once more
        advance(Duration.ofMinutes(4));
        String third = pipeline.nextJob(second);
        Map<String, Object> done = pipeline.invoke(handler, third);

        // THEN the action succeeds with output variables later actions can use
        assertThat(done).containsEntry("outcome", "available").containsEntry("reason", "available");
        JobResult last = pipeline.result(third);
        assertThat(last.isFinalSuccess()).isTrue();
        assertThat(last.outputVariables()).containsOnlyKeys("SnapshotId", "SnapshotArn", "SnapshotCreateTime", "ClusterId", "Label")
                .containsEntry("SnapshotId", snapshotId)
                .containsEntry("SnapshotArn", "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:" + snapshotId)
                .containsEntry("SnapshotCreateTime", snapshot.snapshotCreateTime().toString())
                .containsEntry("ClusterId", "orders-db").containsEntry("Label", "release-42");
        assertThat(pipeline.codePipeline().nextJobId(third)).isEmpty();
        assertThat(pipeline.codePipeline().actionJobs(first)).extracting(Job::status).containsOnly(JobStatus.SUCCEEDED).hasSize(3);
        assertThat(sim.simulator().rds().manualSnapshotCount()).isEqualTo(1);
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_STARTED)).hasSize(1);
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_FAILED)).isEmpty();
    }

    @Test
    void action_should_createOneSnapshotAndKeepTheFirstAnswer_when_lambdaDeliversTheSameJobTwice() {
        // GIVEN
        PreDeploySnapshotHandler handler = pipeline.handler(TWO_HOURS, 3);
        String first = pipeline.startAction("orders-db");

        // WHEN the first job is delivered twice (Lambda's at-least-once delivery), a few seconds apart
        pipeline.invoke(handler, first);
        advance(Duration.ofSeconds(20));
        Map<String, Object> again = pipeline.invoke(handler, first);

        // THEN the retry finds its own snapshot, and CodePipeline refuses its answer as already given
        assertThat(again).containsEntry("alreadyExisted", true).containsEntry("reason", "already-exists");
        assertThat(again.get("reply")).isEqualTo(Map.of("call", "PutJobSuccessResult", "continuation", true,
                "delivery", "already-answered"));
        assertThat(sim.simulator().rds().manualSnapshotCount()).isEqualTo(1);
        assertThat(pipeline.codePipeline().jobResults(first)).hasSize(1);
        assertThat(pipeline.codePipeline().refusals(first)).extracting(r -> r.errorCode()).containsExactly("InvalidJobStateException");
        assertThat(pipeline.codePipeline().actionJobs(first)).hasSize(2);

        // WHEN the continuation job is delivered twice too, after the snapshot completed
        advance(Duration.ofMinutes(5));
        String second = pipeline.nextJob(first);
        pipeline.invoke(handler, second);
        Map<String, Object> secondAgain = pipeline.invoke(handler, second);

        // THEN one final success stands
        assertThat(pipeline.result(second).isFinalSuccess()).isTrue();
        assertThat(((Map<?, ?>) secondAgain.get("reply")).get("delivery")).isEqualTo("already-answered");
        assertThat(sim.simulator().rds().manualSnapshotCount()).isEqualTo(1);
    }

    @Test
    void action_should_failTheInvocation_when_codePipelineStaysThrottled_and_answerOnLambdasRetry() {
        // GIVEN CodePipeline throttles every attempt of the SDK's budget (3)
        PreDeploySnapshotHandler handler = pipeline.handler(TWO_HOURS, 3);
        String first = pipeline.startAction(RELEASE_42);
        sim.simulator().faults().failNext("PutJobSuccessResult", FaultKind.THROTTLING, 3);

        // WHEN the job arrives / THEN the invocation fails so that Lambda retries it; the job is still open
        assertThatThrownBy(() -> pipeline.invoke(handler, first))
                .isInstanceOf(RetryableFailureException.class)
                .hasMessageContaining("the answer to CodePipeline job " + first + " was not delivered")
                .hasMessageContaining("ThrottlingException");
        assertThat(pipeline.codePipeline().status(first)).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(sim.simulator().faults().calls("PutJobSuccessResult")).isEqualTo(3);

        // WHEN Lambda retries, with CodePipeline throttling twice more (the SDK retries those)
        sim.simulator().faults().failNext("PutJobSuccessResult", FaultKind.THROTTLING, 2);
        advance(Duration.ofMinutes(1));
        Map<String, Object> retried = pipeline.invoke(handler, first);

        // THEN the answer gets through, for the one snapshot the first delivery created
        assertThat(retried).containsEntry("alreadyExisted", true);
        assertThat(((Map<?, ?>) retried.get("reply")).get("delivery")).isEqualTo("accepted");
        assertThat(pipeline.result(first).continuationToken()).isPresent();
        assertThat(sim.simulator().rds().manualSnapshotCount()).isEqualTo(1);
        assertThat(pipeline.log().lines()).anySatisfy(l -> assertThat(l).containsEntry("level", "ERROR")
                .containsEntry("action", "reply").containsEntry("reason", "ThrottlingException"));
    }

    @Test
    void action_should_failFastWithAConfigurationError_when_theClusterDoesNotExist() {
        // GIVEN
        PreDeploySnapshotHandler handler = pipeline.handler(TWO_HOURS, 3);
        String job = pipeline.startAction("{\"cluster\":\"ghost-db\",\"label\":\"release-42\"}");

        // WHEN
        Map<String, Object> result = pipeline.invoke(handler, job);

        // THEN the job fails at once, saying what to fix, and nothing is created
        assertThat(result).containsEntry("outcome", "failed").containsEntry("reason", "cluster-not-found");
        JobResult answer = pipeline.result(job);
        assertThat(answer.failureType()).hasValue("ConfigurationError");
        assertThat(answer.failureMessage()).hasValue("cluster 'ghost-db' does not exist in this account and region; check the"
                + " cluster identifier in the action's UserParameters");
        assertThat(pipeline.codePipeline().nextJobId(job)).isEmpty();
        assertThat(sim.simulator().rds().manualSnapshotCount()).isZero();
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_FAILED)).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("reason", "cluster-not-found").containsEntry("clusterId", "ghost-db")
                .containsEntry("label", "release-42").containsEntry("retryable", false));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "{", "{\"cluster\":1}", "{\"clusters\":\"orders-db\"}", "{\"label\":\"release-42\"}",
            "orders db", "1orders", "orders--db", "{\"cluster\":\"orders-db\",\"label\":\"release#42\"}"})
    void action_should_failWithAMessageSayingHowToFixIt_when_userParametersAreUnusable(String userParameters) {
        // GIVEN
        PreDeploySnapshotHandler handler = pipeline.handler(TWO_HOURS, 3);
        String job = pipeline.startAction(userParameters);

        // WHEN
        Map<String, Object> result = pipeline.invoke(handler, job);

        // THEN
        assertThat(result).containsEntry("outcome", "failed").containsEntry("reason", "invalid-request");
        JobResult answer = pipeline.result(job);
        assertThat(answer.failureType()).hasValue("ConfigurationError");
        assertThat(answer.failureMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("UserParameters")
                .containsAnyOf("{\"cluster\":\"orders-db\",\"label\":\"release-42\"}", "release-42"));
        assertThat(sim.simulator().rds().manualSnapshotCount()).isZero();
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_FAILED)).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("reason", "invalid-request").containsEntry("kind", "pre-deploy"));
    }

    @Test
    void action_should_fail_when_theSnapshotFails() {
        // GIVEN a started snapshot that RDS then fails
        PreDeploySnapshotHandler handler = pipeline.handler(TWO_HOURS, 3);
        String first = pipeline.startAction(RELEASE_42);
        pipeline.invoke(handler, first);
        sim.simulator().rds().forceSnapshotStatus(SnapshotNamer.preDeploySnapshotId("orders-db", first), "failed");

        // WHEN CodePipeline calls again
        advance(Duration.ofMinutes(1));
        Map<String, Object> result = pipeline.invoke(handler, pipeline.nextJob(first));

        // THEN
        assertThat(result).containsEntry("reason", "snapshot-failed");
        JobResult answer = pipeline.result(pipeline.nextJob(first));
        assertThat(answer.failureType()).hasValue("JobFailed");
        assertThat(answer.failureMessage()).hasValueSatisfying(m -> assertThat(m).contains("is 'failed' and will never become"
                + " available; retry the failed action in the pipeline to take a new one"));
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_FAILED)).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("reason", "snapshot-failed").containsEntry("snapshotStatus", "failed").containsEntry("label", "release-42"));
    }

    @Test
    void action_should_fail_when_theSnapshotVanishes() {
        // GIVEN a snapshot someone deletes before the next call
        PreDeploySnapshotHandler handler = pipeline.handler(TWO_HOURS, 3);
        String first = pipeline.startAction("orders-db");
        pipeline.invoke(handler, first);
        String snapshotId = SnapshotNamer.preDeploySnapshotId("orders-db", first);
        sim.simulator().rds().forceSnapshotStatus(snapshotId, "available");
        sim.rds().deleteDBClusterSnapshot(b -> b.dbClusterSnapshotIdentifier(snapshotId));
        advance(Duration.ofMinutes(3));

        // WHEN
        String second = pipeline.nextJob(first);
        pipeline.invoke(handler, second);

        // THEN
        assertThat(pipeline.result(second).failureMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("no longer exists (deleted while it was being created?)"));
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_FAILED)).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("reason", "snapshot-missing"));
    }

    @Test
    void action_should_failWithTheLimitInTheMessage_when_theSnapshotTakesLongerThanTheWaitLimit() {
        // GIVEN a 30-minute limit and a snapshot RDS keeps creating
        PreDeploySnapshotHandler handler = pipeline.handler(Duration.ofMinutes(30), 3);
        String job = pipeline.startAction("orders-db");
        pipeline.invoke(handler, job);
        sim.simulator().rds().forceSnapshotStatus(SnapshotNamer.preDeploySnapshotId("orders-db", job), "creating");

        // WHEN CodePipeline calls every ten minutes
        for (int call = 0; call < 3; call++) {
            advance(Duration.ofMinutes(10));
            job = pipeline.nextJob(job);
            pipeline.invoke(handler, job);
        }

        // THEN the third later call, 30 minutes after the start, fails the job explicitly (no job timed out)
        JobResult answer = pipeline.result(job);
        assertThat(answer.failureType()).hasValue("JobFailed");
        assertThat(answer.failureMessage()).hasValueSatisfying(m -> assertThat(m).contains("is still 'creating' after 30m,"
                + " the limit (PRE_DEPLOY_MAX_WAIT=30m)").contains("must not proceed without a complete rollback point"));
        assertThat(pipeline.codePipeline().actionJobs(pipeline.codePipeline().job(job).orElseThrow().actionExecutionId()))
                .extracting(Job::status).doesNotContain(JobStatus.TIMED_OUT, JobStatus.IN_PROGRESS);
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_FAILED)).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("reason", "wait-limit-reached"));
    }

    @Test
    void action_should_failAtOnce_when_theClusterIsStopped() {
        // GIVEN
        sim.simulator().rds().forceClusterStatus("orders-db", "stopped");
        PreDeploySnapshotHandler handler = pipeline.handler(TWO_HOURS, 3);
        String job = pipeline.startAction("orders-db");

        // WHEN
        pipeline.invoke(handler, job);

        // THEN
        assertThat(pipeline.result(job).failureMessage()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("cluster orders-db is 'stopped'; RDS only snapshots an available cluster")
                .contains("aws rds start-db-cluster --db-cluster-identifier orders-db"));
        assertThat(sim.simulator().rds().manualSnapshotCount()).isZero();
    }

    @Test
    void action_should_waitForABusyCluster_then_startTheSnapshot() {
        // GIVEN an engineer's manual snapshot keeps the cluster backing-up
        sim.rds().createDBClusterSnapshot(b -> b.dbClusterIdentifier("orders-db").dbClusterSnapshotIdentifier("before-hotfix"));
        PreDeploySnapshotHandler handler = pipeline.handler(TWO_HOURS, 3);
        String first = pipeline.startAction(RELEASE_42);

        // WHEN the first job arrives
        Map<String, Object> waiting = pipeline.invoke(handler, first);

        // THEN nothing is created yet, and CodePipeline is asked to call again
        assertThat(waiting).containsEntry("outcome", "waiting").containsEntry("reason", "cluster-busy");
        assertThat(pipeline.result(first).summary()).hasValueSatisfying(s -> assertThat(s).contains("is 'backing-up'"));
        assertThat(sim.simulator().rds().manualSnapshotCount()).isEqualTo(1);
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_STARTED)).isEmpty();

        // WHEN the engineer's snapshot is done and CodePipeline calls again
        advance(Duration.ofMinutes(5));
        String second = pipeline.nextJob(first);
        Map<String, Object> started = pipeline.invoke(handler, second);

        // THEN the snapshot starts (named after the first job) and is announced now
        assertThat(started).containsEntry("reason", "created")
                .containsEntry("snapshot", SnapshotNamer.preDeploySnapshotId("orders-db", first));
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_STARTED)).singleElement()
                .satisfies(d -> assertThat(d.get("trigger")).isEqualTo(Map.of("type", "codepipeline-job", "reference", first,
                        "jobId", second)));

        // AND the action completes later
        advance(Duration.ofMinutes(5));
        String third = pipeline.nextJob(second);
        pipeline.invoke(handler, third);
        assertThat(pipeline.result(third).isFinalSuccess()).isTrue();
    }

    @Test
    void action_should_failWithAConflict_when_theIdentifierIsTakenByAForeignSnapshot() {
        // GIVEN someone took a snapshot under exactly the identifier the job names
        String job = pipeline.startAction("orders-db");
        String snapshotId = SnapshotNamer.preDeploySnapshotId("orders-db", job);
        sim.rds().createDBClusterSnapshot(b -> b.dbClusterIdentifier("orders-db").dbClusterSnapshotIdentifier(snapshotId));
        advance(Duration.ofMinutes(5));

        // WHEN
        pipeline.invoke(pipeline.handler(TWO_HOURS, 3), job);

        // THEN
        assertThat(pipeline.result(job).failureMessage()).hasValueSatisfying(m -> assertThat(m).contains("is taken by a snapshot"
                + " aurora-guard did not create").contains("aurora-guard will not touch it"));
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_FAILED)).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("reason", "identifier-conflict"));
    }

    @Test
    void action_should_lookAgainOnTheNextCall_when_rdsIsThrottled_and_failAfterThreeInARow() {
        // GIVEN a started snapshot, then RDS throttles every describe call beyond the SDK's retries
        PreDeploySnapshotHandler handler = pipeline.handler(TWO_HOURS, 2);
        String job = pipeline.startAction("orders-db");
        pipeline.invoke(handler, job);
        sim.simulator().faults().throttle("DescribeDBClusterSnapshots", 1.0);

        // WHEN CodePipeline calls twice / THEN both answers are "in progress", counting the failures
        for (int attempt = 1; attempt <= 2; attempt++) {
            advance(Duration.ofMinutes(1));
            job = pipeline.nextJob(job);
            Map<String, Object> result = pipeline.invoke(handler, job);
            assertThat(result).containsEntry("outcome", "waiting").containsEntry("reason", "aws-error");
            assertThat(pipeline.result(job).summary()).hasValueSatisfying(s -> assertThat(s).contains("RDS did not answer")
                    .contains("Throttling, retryable"));
        }

        // WHEN the third call in a row fails too
        advance(Duration.ofMinutes(1));
        job = pipeline.nextJob(job);
        pipeline.invoke(handler, job);

        // THEN the job fails with the AWS error, typed as a service being unavailable
        JobResult answer = pipeline.result(job);
        assertThat(answer.failureType()).hasValue("SystemUnavailable");
        assertThat(answer.failureMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("RDS call failed: DescribeDBClusterSnapshots")
                .contains("3 attempts in a row"));
    }

    @Test
    void action_should_resetTheErrorCount_when_rdsAnswersAgain() {
        // GIVEN one throttled look
        PreDeploySnapshotHandler handler = pipeline.handler(TWO_HOURS, 1);
        String job = pipeline.startAction("orders-db");
        pipeline.invoke(handler, job);
        sim.simulator().faults().failNext("DescribeDBClusterSnapshots", FaultKind.THROTTLING, 1);
        advance(Duration.ofMinutes(1));
        job = pipeline.nextJob(job);
        assertThat(pipeline.invoke(handler, job)).containsEntry("reason", "aws-error");

        // WHEN RDS answers on the next calls
        advance(Duration.ofMinutes(1));
        job = pipeline.nextJob(job);
        assertThat(pipeline.invoke(handler, job)).containsEntry("reason", "creating");
        advance(Duration.ofMinutes(5));
        job = pipeline.nextJob(job);
        pipeline.invoke(handler, job);

        // THEN the action completes
        assertThat(pipeline.result(job).isFinalSuccess()).isTrue();
    }

    @Test
    void verbatimAwsSample_should_failTheJobClearly_when_itsContinuationTokenIsNotAuroraGuards() {
        // GIVEN the documentation's example event, exactly, for a job CodePipeline knows
        Map<String, Object> event = EventFixtures.load("codepipeline-job-event.json");
        pipeline.codePipeline().registerJob("11111111-abcd-1111-abcd-111111abcdef", "MyLambdaFunctionForAWSCodePipeline",
                "some-input-such-as-a-URL", "A continuation token if continuing job");

        // WHEN
        Map<String, Object> result = pipeline.handler(TWO_HOURS, 3).handleRequest(event, null);

        // THEN
        assertThat(result).containsEntry("outcome", "failed").containsEntry("reason", "invalid-request");
        assertThat(pipeline.result("11111111-abcd-1111-abcd-111111abcdef").failureMessage()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("the job's continuation token was not written by aurora-guard's pre-deploy-snapshot function")
                .endsWith("retry the failed action in the pipeline to start over"));
    }

    @Test
    void verbatimAwsSample_should_readTheUserParameters_when_itIsAFirstJob() {
        // GIVEN the documentation's example event as a first job (without its continuation token)
        Map<String, Object> event = EventFixtures.load("codepipeline-job-event.json");
        dataOf(event).remove("continuationToken");
        pipeline.codePipeline().registerJob("11111111-abcd-1111-abcd-111111abcdef", "MyLambdaFunctionForAWSCodePipeline",
                "some-input-such-as-a-URL", null);

        // WHEN
        Map<String, Object> result = pipeline.handler(TWO_HOURS, 3).handleRequest(event, null);

        // THEN its placeholder UserParameters are read as a cluster identifier, which does not exist here
        assertThat(result).containsEntry("cluster", "some-input-such-as-a-url").containsEntry("reason", "cluster-not-found");
        assertThat(pipeline.result("11111111-abcd-1111-abcd-111111abcdef").failureType()).hasValue("ConfigurationError");
    }

    @Test
    void simulatedJobEvent_should_haveTheShapeOfTheVerbatimAwsSample() {
        // GIVEN the documentation's event and one the simulated CodePipeline sends
        Map<String, Object> sample = EventFixtures.load("codepipeline-job-event.json");
        Map<String, Object> simulated = pipeline.jobEvent(pipeline.startAction("orders-db"));

        // THEN the simulated one has the same keys, without the optional continuation token and encryption key
        assertThat(simulated.keySet()).isEqualTo(sample.keySet());
        assertThat(job(simulated).keySet()).isEqualTo(job(sample).keySet());
        assertThat(dataOf(simulated).keySet()).containsExactlyElementsOf(dataOf(sample).keySet().stream()
                .filter(k -> !k.equals("continuationToken") && !k.equals("encryptionKey")).toList());
        assertThat(((Map<?, ?>) dataOf(simulated).get("artifactCredentials")).keySet())
                .isEqualTo(((Map<?, ?>) dataOf(sample).get("artifactCredentials")).keySet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job(Map<String, Object> event) {
        return (Map<String, Object>) event.get("CodePipeline.job");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dataOf(Map<String, Object> event) {
        return (Map<String, Object>) job(event).get("data");
    }

    /** A second simulator whose account has no manual cluster snapshot quota left. */
    @Nested
    class QuotaUsedUp {

        @RegisterExtension
        final AwsTarget exhausted = AwsTarget.create(o -> o.toBuilder().eventBus(SimulatedAws.BUS).manualClusterSnapshotQuota(0).build());

        @Test
        void action_should_failWithTheQuotaInTheMessage_when_noSnapshotMayBeCreated() {
            // GIVEN
            SimulatedAws full = new SimulatedAws(exhausted);
            SimulatedPipeline fullPipeline = new SimulatedPipeline(full);
            full.createClusters(Map.of("orders-db", Map.of()));
            String job = fullPipeline.startAction("orders-db");

            // WHEN
            fullPipeline.invoke(fullPipeline.handler(TWO_HOURS, 3), job);

            // THEN
            assertThat(fullPipeline.result(job).failureMessage()).hasValueSatisfying(m -> assertThat(m)
                    .startsWith("the account's manual cluster snapshot quota is used up")
                    .contains("delete old manual snapshots or raise the quota, then retry the failed action in the pipeline"));
        }
    }

    static Map<String, String> productionEnvironment(SimulatedAws sim) {
        Map<String, String> env = new HashMap<>(sim.awsVariables());
        env.put("EVENT_BUS_NAME", SimulatedAws.BUS);
        env.put("AWS_MAX_ATTEMPTS", "3");
        return env;
    }

    static List<String> secretsOf(Job job) {
        return List.of(job.artifactCredentials().accessKeyId(), job.artifactCredentials().secretAccessKey(),
                job.artifactCredentials().sessionToken());
    }
}
