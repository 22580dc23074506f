package dev.auroraguard.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.config.Environment;
import dev.auroraguard.event.OutcomeEventSchema;
import dev.auroraguard.simulator.FaultKind;
import dev.auroraguard.simulator.RecordedEvent;
import dev.auroraguard.simulator.junit.AwsTarget;
import dev.auroraguard.simulator.protocol.ServiceModel;
import dev.auroraguard.testing.RefusingEventBridge;
import dev.auroraguard.testing.SimulatedAws;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;

/**
 * The scheduled-snapshot function end to end: AWS-shaped events in, the real SDK clients from
 * {@code AwsClients} out, against the embedded simulator (one per test).
 */
class ScheduledSnapshotIntegrationTest {

    @RegisterExtension
    final AwsTarget aws = AwsTarget.create(o -> o.toBuilder().eventBus(SimulatedAws.BUS).build());

    private SimulatedAws sim;

    private static final Map<String, String> BACKUP = Map.of("aurora-guard:backup", "true");

    @BeforeEach
    void simulator() {
        sim = new SimulatedAws(aws);
    }

    private String slot() {
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(java.time.ZoneOffset.UTC);
        return f.format(sim.simulator().clock().instant());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> result, String key) {
        return (List<Map<String, Object>>) result.get(key);
    }

    @Test
    void handleRequest_should_snapshotListedAndTaggedClusters_when_runThroughTheProductionWiring() {
        // GIVEN three clusters: one listed, one tagged for backup (and copying its tags to snapshots), one neither
        sim.createClusters(Map.of("orders-db", Map.of("team", "payments")));
        sim.createClusters(Map.of("search-db", Map.of("aurora-guard:backup", "true", "team", "search", "cost-centre", "42")), true);
        sim.createClusters(Map.of("scratch-db", Map.of()));
        Map<String, String> env = new HashMap<>(sim.awsVariables());
        env.put("SNAPSHOT_CLUSTERS", "orders-db");
        env.put("EVENT_BUS_NAME", SimulatedAws.BUS);
        // AND the handler built exactly as Lambda builds it, from variables only
        ScheduledSnapshotHandler handler = new ScheduledSnapshotHandler(Environment.of(env));

        // WHEN the schedule's event arrives
        Map<String, Object> result = handler.handleRequest(sim.scheduledEventNow("evt-prod-1"), null);

        // THEN the listed and the tagged cluster have their snapshot, tagged in the create call
        String slot = slot();
        assertThat(list(result, "succeeded")).extracting(m -> m.get("cluster")).containsExactly("orders-db", "search-db");
        DBClusterSnapshot orders = sim.snapshot("orders-db-scheduled-" + slot).orElseThrow();
        assertThat(orders.status()).isEqualTo("creating");
        assertThat(SimulatedAws.tags(orders)).containsEntry("aurora-guard:managed", "true").containsEntry("aurora-guard:kind", "scheduled")
                .containsEntry("aurora-guard:trigger", "evt-prod-1").doesNotContainKey("team");
        // AND the cluster that copies tags to snapshots keeps them although our tags are set explicitly (minus ours)
        assertThat(SimulatedAws.tags(sim.snapshot("search-db-scheduled-" + slot).orElseThrow()))
                .containsEntry("team", "search").containsEntry("cost-centre", "42").doesNotContainKey("aurora-guard:backup");
        assertThat(sim.snapshot("scratch-db-scheduled-" + slot)).isEmpty();
        // AND one Snapshot Started event per cluster is on the bus, with the versioned detail
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_STARTED)).extracting(d -> d.get("clusterId"))
                .containsExactly("orders-db", "search-db");
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_STARTED).get(0))
                .containsEntry("schemaVersion", "1").containsEntry("snapshotStatus", "creating").containsEntry("reason", "created");
    }

    @Test
    void handleRequest_should_nameTheSnapshotAfterTheEventsMinute_when_givenTheVerbatimAwsSample() {
        // GIVEN a listed cluster and the Scheduled Event exactly as AWS documents it (time 2015-10-08T16:53:06Z)
        sim.createClusters(Map.of("orders-db", Map.of()));
        Map<String, String> env = new HashMap<>(sim.awsVariables());
        env.put("SNAPSHOT_CLUSTERS", "orders-db");
        env.put("EVENT_BUS_NAME", SimulatedAws.BUS);

        // WHEN the production-wired handler receives it unchanged
        Map<String, Object> result = new ScheduledSnapshotHandler(Environment.of(env))
                .handleRequest(dev.auroraguard.event.EventFixtures.load("scheduled-event.json"), null);

        // THEN the snapshot is named after the event's minute, whatever the clock says, and tagged with the event id
        assertThat(list(result, "succeeded")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("snapshot", "orders-db-scheduled-20151008-1653"));
        assertThat(SimulatedAws.tags(sim.snapshot("orders-db-scheduled-20151008-1653").orElseThrow()))
                .containsEntry("aurora-guard:trigger", "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa")
                .containsEntry("aurora-guard:slot", "2015-10-08T16:53:00Z");
    }

    @Test
    void handleRequest_should_createExactlyOneSnapshot_when_eventIsDeliveredTwice() {
        // GIVEN a tagged cluster
        sim.createClusters(Map.of("orders-db", BACKUP));
        ScheduledSnapshotHandler handler = sim.scheduledSnapshot(Map.of(), 3);
        Map<String, Object> event = sim.scheduledEventNow("evt-dup");

        // WHEN the same event is delivered twice, the second while the cluster is backing-up
        handler.handleRequest(event, null);
        sim.simulator().clock().advance(java.time.Duration.ofSeconds(30));
        Map<String, Object> second = handler.handleRequest(event, null);

        // THEN RDS holds one manual snapshot and the second delivery reports success, already existing
        assertThat(sim.simulator().rds().manualSnapshotCount()).isEqualTo(1);
        assertThat(sim.simulator().rds().clusterStatus("orders-db")).contains("backing-up");
        assertThat(list(second, "succeeded")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("reason", "already-exists").containsEntry("alreadyExisted", true));
    }

    @Test
    void handleRequest_should_failForRetryThenSucceed_when_clusterIsBusyAtFirst() {
        // GIVEN two tagged clusters, one of them being modified
        sim.createClusters(Map.of("orders-db", BACKUP, "billing-db", BACKUP));
        sim.simulator().rds().forceClusterStatus("orders-db", "modifying");
        ScheduledSnapshotHandler handler = sim.scheduledSnapshot(Map.of(), 3);
        Map<String, Object> event = sim.scheduledEventNow("evt-busy");

        // WHEN the schedule fires / THEN the invocation fails naming the busy cluster, after snapshotting the other
        assertThatThrownBy(() -> handler.handleRequest(event, null))
                .isInstanceOf(RetryableFailureException.class).hasMessageContaining("orders-db (cluster-not-available");
        assertThat(sim.snapshot("billing-db-scheduled-" + slot())).isPresent();

        // AND WHEN Lambda retries a minute later, the cluster available again
        sim.simulator().rds().forceClusterStatus("orders-db", "available");
        sim.simulator().clock().advance(java.time.Duration.ofMinutes(1));
        Map<String, Object> retry = handler.handleRequest(event, null);

        // THEN both clusters have exactly one snapshot for the original slot
        assertThat(list(retry, "succeeded")).extracting(m -> m.get("reason")).containsExactlyInAnyOrder("created", "already-exists");
        assertThat(sim.simulator().rds().manualSnapshotCount()).isEqualTo(2);
    }

    @Test
    void handleRequest_should_skipAndReportMissing_when_clusterStoppedAndListedClusterAbsent() {
        // GIVEN a stopped listed cluster, a listed cluster that does not exist, and the skip policy
        sim.createClusters(Map.of("orders-db", Map.of()));
        sim.simulator().rds().forceClusterStatus("orders-db", "stopped");
        ScheduledSnapshotHandler handler = sim.scheduledSnapshot(Map.of("SNAPSHOT_CLUSTERS", "orders-db,ghost-db",
                "SNAPSHOT_SELECTION_TAG", "none", "SNAPSHOT_ON_CLUSTER_UNAVAILABLE", "skip"), 3);

        // WHEN the schedule fires
        Map<String, Object> result = handler.handleRequest(sim.scheduledEventNow("evt-skip"), null);

        // THEN the stopped cluster is skipped, the missing one failed without retry, and both events are published
        assertThat(list(result, "skipped")).extracting(m -> m.get("cluster")).containsExactly("orders-db");
        assertThat(list(result, "failed")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("cluster", "ghost-db").containsEntry("reason", "cluster-not-found").containsEntry("retryable", false));
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_SKIPPED)).hasSize(1);
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_FAILED)).hasSize(1);
        assertThat(sim.simulator().rds().manualSnapshotCount()).isZero();
    }

    @Test
    void handleRequest_should_failLoudlyWithoutRetry_when_identifierIsTakenByAForeignSnapshot() {
        // GIVEN someone took our identifier for this slot by hand, and the cluster has finished backing it up
        sim.createClusters(Map.of("orders-db", BACKUP));
        String id = "orders-db-scheduled-" + slot();
        sim.rds().createDBClusterSnapshot(b -> b.dbClusterIdentifier("orders-db").dbClusterSnapshotIdentifier(id));
        Map<String, Object> event = sim.scheduledEventNow("evt-conflict");
        sim.simulator().clock().advance(sim.simulator().options().timings().snapshotCreate().plusSeconds(1));

        // WHEN the schedule's event arrives
        Map<String, Object> result = sim.scheduledSnapshot(Map.of(), 3).handleRequest(event, null);

        // THEN it is a non-retryable conflict, published and logged as an error; the foreign snapshot is untouched
        assertThat(list(result, "failed")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("reason", "identifier-conflict").containsEntry("retryable", false));
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_FAILED)).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("reason", "identifier-conflict"));
        assertThat(sim.scheduledLog().decisionsFor("orders-db")).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("level", "ERROR").containsEntry("action", "fail"));
        assertThat(SimulatedAws.tags(sim.snapshot(id).orElseThrow())).doesNotContainKey("aurora-guard:managed");
    }

    @Test
    void handleRequest_should_endInSuccessWithoutDuplicates_when_halfOfAllCallsAreThrottled() {
        // GIVEN eight tagged clusters and a throttling storm on every RDS and EventBridge operation
        Map<String, Map<String, String>> clusters = new LinkedHashMap<>();
        for (String name : List.of("a-db", "b-db", "c-db", "d-db", "e-db", "f-db", "g-db", "h-db")) {
            clusters.put(name, BACKUP);
        }
        sim.createClusters(clusters);
        sim.simulator().faults().throttle("*", 0.5);
        ScheduledSnapshotHandler handler = sim.scheduledSnapshot(Map.of(), 6);
        Map<String, Object> event = sim.scheduledEventNow("evt-storm");

        // WHEN the event is delivered, and re-delivered as Lambda does after a failed attempt (at most 3 in all)
        Map<String, Object> result = invokeLikeLambda(handler, event);

        // THEN it ends in success, with exactly one snapshot per cluster, after many throttled calls
        assertThat(result).isNotNull();
        assertThat(list(result, "succeeded")).hasSize(8);
        assertThat(sim.simulator().rds().manualSnapshotCount()).isEqualTo(8);
        assertThat(sim.simulator().faults().throttledCount()).isGreaterThanOrEqualTo(4);
        assertThat(sim.simulator().faults().calls("CreateDBClusterSnapshot")).isGreaterThan(8);
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_STARTED)).extracting(d -> d.get("clusterId"))
                .containsAll(clusters.keySet());
    }

    @Test
    void handleRequest_should_endInSuccessWithoutDuplicates_when_rdsAnswersServerErrors() {
        // GIVEN three tagged clusters and 40% of CreateDBClusterSnapshot calls answered 503
        sim.createClusters(Map.of("a-db", BACKUP, "b-db", BACKUP, "c-db", BACKUP));
        sim.simulator().faults().serverError("CreateDBClusterSnapshot", 503, 0.4)
                .failNext("CreateDBClusterSnapshot", FaultKind.INTERNAL_ERROR, 2);
        // WHEN the schedule fires
        Map<String, Object> result = invokeLikeLambda(sim.scheduledSnapshot(Map.of(), 6), sim.scheduledEventNow("evt-5xx"));
        // THEN every cluster has exactly one snapshot
        assertThat(list(result, "succeeded")).hasSize(3);
        assertThat(sim.simulator().rds().manualSnapshotCount()).isEqualTo(3);
        assertThat(sim.simulator().faults().serverErrorCount()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void handleRequest_should_failForRetryNamingTheCluster_when_throttlingOutlastsTheRetryBudget() {
        // GIVEN two clusters and CreateDBClusterSnapshot throttled for more calls than one invocation's budget (3 attempts)
        sim.createClusters(Map.of("a-db", BACKUP, "b-db", BACKUP));
        sim.simulator().faults().failNext("CreateDBClusterSnapshot", FaultKind.THROTTLING, 3);
        ScheduledSnapshotHandler handler = sim.scheduledSnapshot(Map.of(), 3);
        Map<String, Object> event = sim.scheduledEventNow("evt-budget");

        // WHEN the schedule fires / THEN the first cluster fails for retry (its three attempts were throttled), the second succeeds
        assertThatThrownBy(() -> handler.handleRequest(event, null)).isInstanceOf(RetryableFailureException.class)
                .hasMessageContaining("a-db (aws-error").hasMessageContaining("Throttling").hasMessageContaining("Succeeded: [b-db]");
        // AND the retried invocation completes the set, without a duplicate
        Map<String, Object> retry = handler.handleRequest(event, null);
        assertThat(list(retry, "succeeded")).extracting(m -> m.get("reason")).containsExactly("created", "already-exists");
        assertThat(sim.simulator().rds().manualSnapshotCount()).isEqualTo(2);
    }

    @Test
    void handleRequest_should_resendRefusedEntries_when_putEventsPartiallyFails() {
        // GIVEN EventBridge refuses the first two Snapshot Started entries with InternalFailure inside a 200 answer
        sim.createClusters(Map.of("a-db", BACKUP, "b-db", BACKUP, "c-db", BACKUP));
        RefusingEventBridge bus = sim.simulator().register(ServiceModel.EVENTS, context -> new RefusingEventBridge(context,
                RefusingEventBridge.detailType(OutcomeEventSchema.SNAPSHOT_STARTED), "InternalFailure", 2));

        // WHEN the schedule fires
        Map<String, Object> result = sim.scheduledSnapshot(Map.of(), 3).handleRequest(sim.scheduledEventNow("evt-partial"), null);

        // THEN the refused entries were detected and sent again: every event is on the bus exactly once
        assertThat(bus.refused()).isEqualTo(2);
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_STARTED)).extracting(d -> d.get("clusterId"))
                .containsExactlyInAnyOrder("a-db", "b-db", "c-db");
        @SuppressWarnings("unchecked")
        Map<String, Object> events = (Map<String, Object>) result.get("events");
        assertThat(events.get("published")).isEqualTo(3);
        assertThat(list(events, "failed")).isEmpty();
    }

    @Test
    void handleRequest_should_failForRetry_when_putEventsKeepsRefusingEntries() {
        // GIVEN EventBridge refuses one cluster's Snapshot Started entry every time
        sim.createClusters(Map.of("a-db", BACKUP, "b-db", BACKUP));
        sim.simulator().register(ServiceModel.EVENTS, context -> new RefusingEventBridge(context,
                entry -> String.valueOf(entry.get("Detail")).contains("\"clusterId\":\"b-db\""), "ThrottlingException", 1000));
        ScheduledSnapshotHandler handler = sim.scheduledSnapshot(Map.of(), 3);

        // WHEN the schedule fires / THEN the invocation fails so that Lambda retries, saying an event was not published
        assertThatThrownBy(() -> handler.handleRequest(sim.scheduledEventNow("evt-refused"), null))
                .isInstanceOf(RetryableFailureException.class).hasMessageContaining("Outcome events not published: 1");
        // AND the refusal is in the log with the cluster it was about; a's event went through, both snapshots exist
        assertThat(sim.scheduledLog().lines()).anySatisfy(l -> assertThat(l).containsEntry("action", "publish-event")
                .containsEntry("cluster", "b-db").containsEntry("reason", "ThrottlingException"));
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_STARTED)).extracting(d -> d.get("clusterId")).containsExactly("a-db");
        assertThat(sim.simulator().rds().manualSnapshotCount()).isEqualTo(2);
    }

    @Test
    void handleRequest_should_reportWithoutRetry_when_eventBusDoesNotExist() {
        // GIVEN the function configured for a bus that does not exist (a deployment mistake)
        sim.createClusters(Map.of("a-db", BACKUP));
        dev.auroraguard.aws.AwsClients clients = sim.clients(3);
        ScheduledSnapshotHandler handler = new ScheduledSnapshotHandler(new dev.auroraguard.aws.RdsClusterDirectory(clients.rds()),
                new dev.auroraguard.aws.RdsClusterSnapshots(clients.rds()), new dev.auroraguard.aws.RdsAccountQuotas(clients.rds()),
                new dev.auroraguard.aws.EventBridgeOutcomeEvents(clients.eventBridge(), "no-such-bus"), sim.simulator().clock(),
                dev.auroraguard.config.ScheduledSnapshotSettings.fromEnvironment(Environment.of(Map.of())), sim.scheduledLog().log());

        // WHEN the schedule fires
        Map<String, Object> result = handler.handleRequest(sim.scheduledEventNow("evt-nobus"), null);

        // THEN the snapshot is taken and the unpublished event is reported with EventBridge's code
        @SuppressWarnings("unchecked")
        Map<String, Object> events = (Map<String, Object>) result.get("events");
        assertThat(list(events, "failed")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("errorCode", "ResourceNotFoundException").containsEntry("retryable", false));
        assertThat(sim.simulator().rds().manualSnapshotCount()).isEqualTo(1);
    }

    @Test
    void handleRequest_should_publishRdsEventsTheRulesRoute_when_snapshotStarts() {
        // GIVEN a tagged cluster
        sim.createClusters(Map.of("orders-db", BACKUP));
        // WHEN the schedule fires
        sim.scheduledSnapshot(Map.of(), 3).handleRequest(sim.scheduledEventNow("evt-rds"), null);
        // THEN RDS published "creation started" for our snapshot on the default bus, as RDS does
        List<RecordedEvent> rdsEvents = sim.simulator().events().onBus("default").stream()
                .filter(e -> e.source().equals("aws.rds") && e.detailType().equals("RDS DB Cluster Snapshot Event")).toList();
        assertThat(rdsEvents).singleElement().satisfies(e -> assertThat(e.detailJson()).contains("RDS-EVENT-0074")
                .contains("orders-db-scheduled-" + slot()));
    }

    /** Lambda's asynchronous invocation: the first attempt and up to two retries when the function fails. */
    private Map<String, Object> invokeLikeLambda(ScheduledSnapshotHandler handler, Map<String, Object> event) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return handler.handleRequest(event, null);
            } catch (RetryableFailureException e) {
                last = e;
                sim.simulator().clock().advance(java.time.Duration.ofMinutes(attempt));
            }
        }
        throw last;
    }
}
