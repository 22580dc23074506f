package dev.auroraguard.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.domain.SnapshotNamer;
import dev.auroraguard.event.EventFixtures;
import dev.auroraguard.event.OutcomeEventSchema;
import dev.auroraguard.event.PreDeployRequestEvent;
import dev.auroraguard.simulator.junit.AwsTarget;
import dev.auroraguard.testing.SimulatedAws;
import dev.auroraguard.testing.SimulatedPipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * The pre-deploy-snapshot function asked by any CI through one PutEvents call: the request on the
 * aurora-guard bus, routed by the deployed rule's pattern, answered with outcome events that carry the label.
 */
class PreDeployRequestIntegrationTest {

    @RegisterExtension
    final AwsTarget aws = AwsTarget.create(o -> o.toBuilder().eventBus(SimulatedAws.BUS).build());

    private SimulatedAws sim;
    private SimulatedPipeline pipeline;
    private PreDeploySnapshotHandler preDeploy;
    private SnapshotAvailableHandler snapshotAvailable;
    private EventBridgeClient events;

    @BeforeEach
    void simulator() {
        sim = new SimulatedAws(aws);
        pipeline = new SimulatedPipeline(sim);
        sim.createClusters(Map.of("orders-db", Map.of()));
        preDeploy = pipeline.handler(Duration.ofHours(2), 3);
        snapshotAvailable = pipeline.snapshotAvailable();
        events = sim.clients(3).eventBridge();
    }

    /** What the README's one-liner does: {@code aws events put-events} with the request; returns the event id. */
    private String request(String detailJson) {
        PutEventsResponse response = events.putEvents(r -> r.entries(PutEventsRequestEntry.builder()
                .eventBusName(SimulatedAws.BUS).source(PreDeployRequestEvent.SOURCE).detailType(PreDeployRequestEvent.DETAIL_TYPE)
                .detail(detailJson).build()));
        assertThat(response.failedEntryCount()).isZero();
        return response.entries().get(0).eventId();
    }

    @Test
    void request_should_startTheSnapshot_and_announceStartedThenAvailable_withTheLabel() {
        // GIVEN a CI job's request
        String eventId = request("{\"cluster\":\"orders-db\",\"label\":\"release-42\",\"requester\":\"github-actions/orders-service\"}");

        // WHEN the rule delivers it
        List<Map<String, Object>> results = pipeline.route(preDeploy, snapshotAvailable);

        // THEN the snapshot named after the event starts, tagged with label and requester
        String snapshotId = SnapshotNamer.preDeploySnapshotId("orders-db", eventId);
        assertThat(results).singleElement().satisfies(r -> assertThat(r).containsEntry("snapshot", snapshotId)
                .containsEntry("reason", "created").containsEntry("retry", false));
        assertThat(SimulatedAws.tags(sim.snapshot(snapshotId).orElseThrow())).containsEntry("aurora-guard:kind", "pre-deploy")
                .containsEntry("aurora-guard:trigger", eventId).containsEntry("aurora-guard:label", "release-42")
                .containsEntry("aurora-guard:requester", "github-actions/orders-service").doesNotContainKey("aurora-guard:pipeline-job");
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_STARTED)).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("label", "release-42").containsEntry("requester", "github-actions/orders-service")
                    .containsEntry("snapshotId", snapshotId).containsEntry("snapshotStatus", "creating");
            assertThat(d.get("trigger")).isEqualTo(Map.of("type", "eventbridge-request", "reference", eventId));
        });

        // WHEN RDS finishes and its RDS-EVENT-0075 is routed to snapshot-available
        sim.simulator().clock().advance(Duration.ofMinutes(5));
        pipeline.route(preDeploy, snapshotAvailable);

        // THEN Snapshot Available carries the same label
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_AVAILABLE)).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("kind", "pre-deploy").containsEntry("snapshotId", snapshotId).containsEntry("label", "release-42")
                .containsEntry("requester", "github-actions/orders-service").containsEntry("triggerReference", eventId));
    }

    @Test
    void request_should_createOneSnapshot_when_deliveredTwice() {
        // GIVEN the request as EventBridge delivers it
        Map<String, Object> envelope = EventFixtures.load("pre-deploy-snapshot-requested.json");

        // WHEN it is delivered twice
        preDeploy.handleRequest(envelope, null);
        sim.simulator().clock().advance(Duration.ofSeconds(10));
        Map<String, Object> second = preDeploy.handleRequest(envelope, null);

        // THEN
        assertThat(second).containsEntry("alreadyExisted", true).containsEntry("reason", "already-exists");
        assertThat(sim.simulator().rds().manualSnapshotCount()).isEqualTo(1);
        assertThat(sim.snapshot(SnapshotNamer.preDeploySnapshotId("orders-db", "6a7e8feb-b491-4cf7-a9f1-bf3703467718"))).isPresent();
    }

    @Test
    void request_should_beReportedAsInvalid_when_itNamesNoCluster() {
        // GIVEN
        String eventId = request("{\"label\":\"release-42\",\"requester\":\"jenkins\"}");

        // WHEN
        List<Map<String, Object>> results = pipeline.route(preDeploy, snapshotAvailable);

        // THEN the invocation succeeds (a retry cannot help) and the CI hears why
        assertThat(results).singleElement().satisfies(r -> assertThat(r).containsEntry("reason", "invalid-request"));
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_FAILED)).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("reason", "invalid-request").containsEntry("label", "release-42").containsEntry("retryable", false);
            assertThat((String) d.get("message")).startsWith("the request's detail names no cluster; send a detail such as {");
            assertThat(d.get("trigger")).isEqualTo(Map.of("type", "eventbridge-request", "reference", eventId));
        });
    }

    @Test
    void request_should_fail_when_theClusterDoesNotExist() {
        // GIVEN
        request("{\"cluster\":\"ghost-db\",\"label\":\"release-42\"}");

        // WHEN
        pipeline.route(preDeploy, snapshotAvailable);

        // THEN
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_FAILED)).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("reason", "cluster-not-found").containsEntry("retryable", false)
                .containsEntry("message", "cluster 'ghost-db' does not exist in this account and region; check the cluster"
                        + " identifier in the request event's detail.cluster"));
    }

    @Test
    void request_should_failTheInvocationForLambdasRetry_when_theClusterIsBusy() {
        // GIVEN a cluster busy with an engineer's snapshot
        sim.rds().createDBClusterSnapshot(b -> b.dbClusterIdentifier("orders-db").dbClusterSnapshotIdentifier("before-hotfix"));
        Map<String, Object> envelope = EventFixtures.load("pre-deploy-snapshot-requested.json");

        // WHEN the request arrives / THEN the invocation fails so that Lambda retries it, and the CI hears it is retryable
        assertThatThrownBy(() -> preDeploy.handleRequest(envelope, null))
                .isInstanceOf(RetryableFailureException.class)
                .hasMessageContaining("is 'backing-up'");
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_FAILED)).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("reason", "cluster-busy").containsEntry("retryable", true).containsEntry("label", "release-42"));

        // WHEN Lambda retries a few minutes later
        sim.simulator().clock().advance(Duration.ofMinutes(5));
        Map<String, Object> retried = preDeploy.handleRequest(envelope, null);

        // THEN the snapshot starts
        assertThat(retried).containsEntry("reason", "created");
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_STARTED)).hasSize(1);
    }

    @Test
    void snapshotAvailable_should_reportTheFailureWithTheLabel_when_aRequestedSnapshotFails() {
        // GIVEN a requested snapshot RDS fails
        String eventId = request("{\"cluster\":\"orders-db\",\"label\":\"release-43\"}");
        pipeline.route(preDeploy, snapshotAvailable);
        String snapshotId = SnapshotNamer.preDeploySnapshotId("orders-db", eventId);
        sim.simulator().rds().forceSnapshotStatus(snapshotId, "failed");

        // WHEN the periodic check runs (twice: the failure is reported once)
        snapshotAvailable.handleRequest(sim.scheduledEventNow("check-1"), null);
        sim.simulator().clock().advance(Duration.ofMinutes(15));
        snapshotAvailable.handleRequest(sim.scheduledEventNow("check-2"), null);

        // THEN Snapshot Failed carries the label, from snapshot-available
        List<Map<String, Object>> failed = sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_FAILED);
        assertThat(failed).singleElement().satisfies(d -> assertThat(d).containsEntry("function", "snapshot-available")
                .containsEntry("reason", "snapshot-failed").containsEntry("label", "release-43").containsEntry("kind", "pre-deploy")
                .containsEntry("snapshotId", snapshotId).containsEntry("snapshotStatus", "failed"));
        assertThat(SimulatedAws.tags(sim.snapshot(snapshotId).orElseThrow())).containsKey("aurora-guard:announced");
    }

    @Test
    void readmeRecipe_should_computeTheSnapshotIdentifier_when_runInAShell() throws Exception {
        // GIVEN the shell recipe the README gives CI jobs, and the tools it needs
        Assumptions.assumeTrue(tool("openssl") && tool("base32"), "bash, openssl and base32 are needed to run the recipe");
        String eventId = "6a7e8feb-b491-4cf7-a9f1-bf3703467718";
        String recipe = "CLUSTER=orders-db; EVENT_ID=" + eventId + "; SNAPSHOT_ID=\"$CLUSTER-pre-deploy-$(printf %s \"$EVENT_ID\""
                + " | openssl dgst -sha256 -binary | base32 | tr 'A-Z' 'a-z' | cut -c1-12)\"; printf %s \"$SNAPSHOT_ID\"";

        // WHEN it runs
        Process process = new ProcessBuilder("bash", "-c", recipe).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        // THEN it names the snapshot the function creates
        assertThat(process.waitFor()).isZero();
        assertThat(output).isEqualTo(SnapshotNamer.preDeploySnapshotId("orders-db", eventId));
    }

    private static boolean tool(String name) throws IOException, InterruptedException {
        try {
            return new ProcessBuilder("bash", "-c", "command -v " + name).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
