package dev.auroraguard.handler;

import static dev.auroraguard.testing.InMemoryRds.accessDenied;
import static dev.auroraguard.testing.InMemoryRds.throttled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.config.Environment;
import dev.auroraguard.config.ScheduledSnapshotSettings;
import dev.auroraguard.domain.Snapshot;
import dev.auroraguard.event.EventFixtures;
import dev.auroraguard.event.InvalidEventException;
import dev.auroraguard.event.OutcomeEvent;
import dev.auroraguard.event.OutcomeEventSchema;
import dev.auroraguard.testing.CapturedLog;
import dev.auroraguard.testing.InMemoryRds;
import dev.auroraguard.testing.MutableClock;
import dev.auroraguard.testing.RecordingOutcomeEvents;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduledSnapshotHandlerTest {

    private static final String SLOT = "20261125-0300";
    private static final Map<String, String> BACKUP_TAG = Map.of("aurora-guard:backup", "true");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T03:00:07Z"));
    private final InMemoryRds rds = new InMemoryRds(clock);
    private final RecordingOutcomeEvents events = new RecordingOutcomeEvents();
    private final CapturedLog log = new CapturedLog(clock, "scheduled-snapshot");

    private ScheduledSnapshotHandler handler(Map<String, String> env) {
        ScheduledSnapshotSettings settings = ScheduledSnapshotSettings.fromEnvironment(Environment.of(env));
        return new ScheduledSnapshotHandler(rds, rds, rds, events, clock, settings, log.log());
    }

    private static Map<String, Object> scheduledEvent(String id) {
        return EventFixtures.load("scheduled-event.json", Map.of("id", id, "time", "2026-11-25T03:00:00Z",
                "resources", List.of("arn:aws:events:eu-west-1:123456789012:rule/aurora-guard-scheduled-snapshot")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> result, String key) {
        return (List<Map<String, Object>>) result.get(key);
    }

    @Test
    void handleRequest_should_snapshotListedAndTaggedClusters_when_scheduledEventArrives() {
        // GIVEN two listed clusters, one more tagged, one untagged
        rds.cluster("orders-db", "available", Map.of("team", "payments"))
                .cluster("billing-db", "available", Map.of())
                .cluster("search-db", "available", BACKUP_TAG)
                .cluster("scratch-db", "available", Map.of());

        // WHEN the schedule fires
        Map<String, Object> result = handler(Map.of("SNAPSHOT_CLUSTERS", "orders-db,billing-db"))
                .handleRequest(scheduledEvent("evt-1"), null);

        // THEN exactly three snapshots exist, named by cluster and slot, tagged in the create call
        assertThat(rds.snapshots().keySet()).containsExactlyInAnyOrder(
                "orders-db-scheduled-" + SLOT, "billing-db-scheduled-" + SLOT, "search-db-scheduled-" + SLOT);
        Snapshot orders = rds.snapshots().get("orders-db-scheduled-" + SLOT);
        assertThat(orders.tags()).containsEntry("aurora-guard:managed", "true").containsEntry("aurora-guard:kind", "scheduled")
                .containsEntry("aurora-guard:trigger", "evt-1").containsEntry("aurora-guard:slot", "2026-11-25T03:00:00Z")
                .doesNotContainKey("team");
        // AND the result lists every cluster as succeeded, and one Snapshot Started event per cluster was published
        assertThat(list(result, "succeeded")).extracting(m -> m.get("cluster")).containsExactly("orders-db", "billing-db", "search-db");
        assertThat(list(result, "failed")).isEmpty();
        assertThat(result.get("retry")).isEqualTo(false);
        assertThat(events.withDetailType("Snapshot Started")).hasSize(3);
        OutcomeEvent started = events.withDetailType("Snapshot Started").get(0);
        assertThat(started.source()).isEqualTo("aurora-guard");
        assertThat(started.detail()).containsEntry("schemaVersion", "1").containsEntry("clusterId", "orders-db")
                .containsEntry("snapshotId", "orders-db-scheduled-" + SLOT).containsEntry("reason", "created")
                .containsEntry("slot", "2026-11-25T03:00:00Z");
        assertThat(started.resources()).hasSize(2);
    }

    @Test
    void handleRequest_should_createOneSnapshot_when_sameEventIsDeliveredTwice() {
        // GIVEN a tagged cluster and a handler
        rds.cluster("orders-db", "available", BACKUP_TAG);
        ScheduledSnapshotHandler handler = handler(Map.of());

        // WHEN the same event is delivered twice (EventBridge delivers at least once)
        handler.handleRequest(scheduledEvent("evt-1"), null);
        clock.advance(java.time.Duration.ofSeconds(40));
        Map<String, Object> second = handler.handleRequest(scheduledEvent("evt-1"), null);

        // THEN one snapshot exists and the second delivery reports it as already existing, successfully
        assertThat(rds.snapshots()).hasSize(1);
        assertThat(list(second, "succeeded")).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("reason", "already-exists").containsEntry("alreadyExisted", true);
        });
        assertThat(events.withDetailType("Snapshot Started")).hasSize(2)
                .last().satisfies(e -> assertThat(e.detail()).containsEntry("alreadyExisted", true));
    }

    @Test
    void handleRequest_should_reportMissingClusterWithoutRetry_when_listedClusterDoesNotExist() {
        // GIVEN a listed cluster that exists and one that does not
        rds.cluster("orders-db", "available", Map.of());

        // WHEN the schedule fires
        Map<String, Object> result = handler(Map.of("SNAPSHOT_CLUSTERS", "orders-db,ghost-db", "SNAPSHOT_SELECTION_TAG", "none"))
                .handleRequest(scheduledEvent("evt-1"), null);

        // THEN the missing one is reported as a non-retryable failure with an event, the other succeeded
        assertThat(list(result, "failed")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("cluster", "ghost-db").containsEntry("reason", "cluster-not-found").containsEntry("retryable", false));
        assertThat(list(result, "succeeded")).extracting(m -> m.get("cluster")).containsExactly("orders-db");
        assertThat(events.withDetailType("Snapshot Failed")).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("clusterId", "ghost-db"));
    }

    @Test
    void handleRequest_should_failForRetryButSnapshotTheOthers_when_aClusterIsNotAvailable() {
        // GIVEN one cluster backing up and one available, with the default policy
        rds.cluster("orders-db", "backing-up", BACKUP_TAG).cluster("billing-db", "available", BACKUP_TAG);

        // WHEN the schedule fires / THEN the invocation fails naming the unavailable cluster
        assertThatThrownBy(() -> handler(Map.of()).handleRequest(scheduledEvent("evt-1"), null))
                .isInstanceOf(RetryableFailureException.class)
                .hasMessageContaining("orders-db (cluster-not-available")
                .hasMessageContaining("backing-up")
                .hasMessageContaining("Succeeded: [billing-db]");
        // AND the available cluster was snapshotted and both outcomes were published before failing
        assertThat(rds.snapshots()).containsOnlyKeys("billing-db-scheduled-" + SLOT);
        assertThat(events.withDetailType("Snapshot Failed")).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("retryable", true).containsEntry("reason", "cluster-not-available"));
        assertThat(events.withDetailType("Snapshot Started")).hasSize(1);
    }

    @Test
    void handleRequest_should_skipAndSucceed_when_policyIsSkip() {
        // GIVEN a stopped cluster and the skip policy
        rds.cluster("orders-db", "stopped", BACKUP_TAG);

        // WHEN the schedule fires
        Map<String, Object> result = handler(Map.of("SNAPSHOT_ON_CLUSTER_UNAVAILABLE", "skip")).handleRequest(scheduledEvent("evt-1"), null);

        // THEN it is skipped and reported, and the invocation succeeds
        assertThat(list(result, "skipped")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("cluster", "orders-db").containsEntry("reason", "cluster-not-available"));
        assertThat(events.withDetailType("Snapshot Skipped")).hasSize(1);
        assertThat(rds.snapshots()).isEmpty();
    }

    @Test
    void handleRequest_should_publishQuotaWarning_when_usageReachesTheShare() {
        // GIVEN 80 of 100 manual snapshots used
        rds.quotaMax(100).cluster("orders-db", "available", BACKUP_TAG);
        for (int i = 0; i < 80; i++) {
            rds.existingSnapshot("old-" + i, "orders-db", "available", Map.of());
        }

        // WHEN the schedule fires
        Map<String, Object> result = handler(Map.of()).handleRequest(scheduledEvent("evt-1"), null);

        // THEN a quota warning event is published with usage and the snapshot is still taken
        assertThat(events.withDetailType("Snapshot Quota Warning")).singleElement().satisfies(e -> {
            assertThat(e.detail()).containsEntry("snapshotsPlanned", 1).containsEntry("warningShare", 0.8);
            assertThat(e.detail().get("quota")).isEqualTo(Map.of("name", "ManualClusterSnapshots", "used", 80L, "max", 100L));
        });
        assertThat(result.get("quota")).isEqualTo(Map.of("name", "ManualClusterSnapshots", "used", 80L, "max", 100L, "warning", true));
        assertThat(list(result, "succeeded")).hasSize(1);
    }

    @Test
    void handleRequest_should_reportQuotaWithoutRetry_when_quotaIsExceeded() {
        // GIVEN a full quota
        rds.quotaMax(2).cluster("orders-db", "available", BACKUP_TAG)
                .existingSnapshot("old-1", "orders-db", "available", Map.of())
                .existingSnapshot("old-2", "orders-db", "available", Map.of());

        // WHEN the schedule fires
        Map<String, Object> result = handler(Map.of()).handleRequest(scheduledEvent("evt-1"), null);

        // THEN the failure is reported with quota and count, and the invocation is not retried
        assertThat(list(result, "failed")).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("reason", "quota-exceeded").containsEntry("retryable", false);
            assertThat(m.get("quota")).isEqualTo(Map.of("used", 2L, "max", 2L));
        });
        assertThat(events.withDetailType("Snapshot Failed")).singleElement()
                .satisfies(e -> assertThat(e.detail().get("quota")).isEqualTo(Map.of("name", "ManualClusterSnapshots", "used", 2L, "max", 2L)));
        assertThat(result.get("retry")).isEqualTo(false);
    }

    @Test
    void handleRequest_should_failLoudlyWithoutRetry_when_identifierIsTakenBySomeoneElse() {
        // GIVEN a hand-made snapshot squatting on our identifier
        rds.cluster("orders-db", "available", BACKUP_TAG)
                .existingSnapshot("orders-db-scheduled-" + SLOT, "orders-db", "available", Map.of("owner", "alice"));

        // WHEN the schedule fires
        Map<String, Object> result = handler(Map.of()).handleRequest(scheduledEvent("evt-1"), null);

        // THEN it is a conflict, logged as an error, not retried, and the foreign snapshot is untouched
        assertThat(list(result, "failed")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("reason", "identifier-conflict").containsEntry("retryable", false));
        assertThat(log.decisionsFor("orders-db")).singleElement().satisfies(l -> assertThat(l)
                .containsEntry("level", "ERROR").containsEntry("reason", "identifier-conflict").containsEntry("action", "fail"));
        assertThat(rds.snapshots().get("orders-db-scheduled-" + SLOT).tags()).containsOnly(Map.entry("owner", "alice"));
    }

    @Test
    void handleRequest_should_continueAndThenFail_when_oneClusterHitsARetryableError() {
        // GIVEN three clusters, the middle one's create call failing with throttling beyond the SDK's retries
        rds.cluster("a-db", "available", BACKUP_TAG).cluster("b-db", "available", BACKUP_TAG).cluster("c-db", "available", BACKUP_TAG)
                .failNext("create:b-db", throttled("CreateDBClusterSnapshot"));

        // WHEN the schedule fires / THEN the invocation fails naming b-db only
        assertThatThrownBy(() -> handler(Map.of()).handleRequest(scheduledEvent("evt-1"), null))
                .isInstanceOf(RetryableFailureException.class)
                .hasMessageContaining("b-db (aws-error")
                .hasMessageNotContaining("a-db (")
                .hasMessageContaining("Succeeded: [a-db, c-db]");
        assertThat(rds.snapshots()).containsOnlyKeys("a-db-scheduled-" + SLOT, "c-db-scheduled-" + SLOT);

        // AND WHEN Lambda retries the same event / THEN b-db is created and a-db, c-db are recognised as ours
        Map<String, Object> retry = handler(Map.of()).handleRequest(scheduledEvent("evt-1"), null);
        assertThat(rds.snapshots()).hasSize(3);
        assertThat(list(retry, "succeeded")).extracting(m -> m.get("reason")).containsExactly("already-exists", "created", "already-exists");
    }

    @Test
    void handleRequest_should_reportButNotRetry_when_aNonRetryableAwsErrorHappens() {
        // GIVEN access denied on one create
        rds.cluster("a-db", "available", BACKUP_TAG).failNext("create:a-db", accessDenied("CreateDBClusterSnapshot"));
        // WHEN the schedule fires
        Map<String, Object> result = handler(Map.of()).handleRequest(scheduledEvent("evt-1"), null);
        // THEN the failure is reported as non-retryable and the invocation returns
        assertThat(list(result, "failed")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("reason", "aws-error").containsEntry("retryable", false));
    }

    @Test
    void handleRequest_should_failForRetry_when_putEventsRefusesEntriesRetryably() {
        // GIVEN a cluster and an event bus that refuses the Snapshot Started entry with InternalFailure
        rds.cluster("orders-db", "available", BACKUP_TAG);
        events.refuse(e -> e.detailType().equals(OutcomeEventSchema.SNAPSHOT_STARTED), "InternalFailure", true);

        // WHEN the schedule fires / THEN the invocation fails, saying events were not published
        assertThatThrownBy(() -> handler(Map.of()).handleRequest(scheduledEvent("evt-1"), null))
                .isInstanceOf(RetryableFailureException.class)
                .hasMessageContaining("Outcome events not published: 1");
        assertThat(log.lines()).anySatisfy(l -> assertThat(l).containsEntry("level", "ERROR")
                .containsEntry("action", "publish-event").containsEntry("reason", "InternalFailure").containsEntry("cluster", "orders-db"));

        // AND WHEN retried with the bus healthy / THEN the event is published once more and the snapshot is not duplicated
        events.acceptAll();
        handler(Map.of()).handleRequest(scheduledEvent("evt-1"), null);
        assertThat(rds.snapshots()).hasSize(1);
        assertThat(events.withDetailType("Snapshot Started")).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("alreadyExisted", true));
    }

    @Test
    void handleRequest_should_reportWithoutRetry_when_putEventsRefusesEntriesPermanently() {
        // GIVEN a bus that refuses our source (a permissions problem retries cannot fix)
        rds.cluster("orders-db", "available", BACKUP_TAG);
        events.refuse(e -> true, "NotAuthorizedForSourceException", false);
        // WHEN the schedule fires
        Map<String, Object> result = handler(Map.of()).handleRequest(scheduledEvent("evt-1"), null);
        // THEN the result lists the unpublished event and the invocation returns
        @SuppressWarnings("unchecked")
        Map<String, Object> eventsResult = (Map<String, Object>) result.get("events");
        assertThat(eventsResult.get("published")).isEqualTo(0);
        assertThat(list(eventsResult, "failed")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("errorCode", "NotAuthorizedForSourceException").containsEntry("cluster", "orders-db"));
    }

    @Test
    void handleRequest_should_snapshotOnlyNamedClusters_when_givenConstantInput() {
        // GIVEN constant input naming two clusters, while a third is tagged
        rds.cluster("orders-db", "available", Map.of()).cluster("billing-db", "available", Map.of())
                .cluster("search-db", "available", BACKUP_TAG);
        // WHEN invoked with the constant input
        Map<String, Object> result = handler(Map.of()).handleRequest(EventFixtures.load("constant-input.json"), null);
        // THEN exactly the named clusters are snapshotted, in the invocation's minute
        assertThat(rds.snapshots().keySet()).containsExactlyInAnyOrder("orders-db-scheduled-" + SLOT, "billing-db-scheduled-" + SLOT);
        @SuppressWarnings("unchecked")
        Map<String, Object> trigger = (Map<String, Object>) result.get("trigger");
        assertThat(trigger).containsEntry("type", "constant-input").containsEntry("slotFromInvocationTime", true);
    }

    @Test
    void handleRequest_should_goOn_when_quotaCannotBeRead() {
        // GIVEN DescribeAccountAttributes is denied
        rds.cluster("orders-db", "available", BACKUP_TAG).failNext("quota", accessDenied("DescribeAccountAttributes"));
        // WHEN the schedule fires
        Map<String, Object> result = handler(Map.of()).handleRequest(scheduledEvent("evt-1"), null);
        // THEN the snapshot is taken and the result says the quota is unknown
        assertThat(list(result, "succeeded")).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> quota = (Map<String, Object>) result.get("quota");
        assertThat(quota).containsEntry("warning", false).containsKey("unavailable");
    }

    @Test
    void handleRequest_should_failAndAttemptNothing_when_clustersCannotBeListed() {
        // GIVEN listing clusters fails beyond the SDK's retries
        rds.cluster("orders-db", "available", BACKUP_TAG).failNext("listAll", throttled("DescribeDBClusters"));
        // WHEN the schedule fires / THEN the invocation fails and no snapshot was attempted
        assertThatThrownBy(() -> handler(Map.of()).handleRequest(scheduledEvent("evt-1"), null))
                .isInstanceOf(ScheduledSnapshotRun.ClusterSelectionException.class)
                .hasMessageContaining("nothing was attempted");
        assertThat(rds.createCalls()).isZero();
    }

    @Test
    void handleRequest_should_rejectAndAttemptNothing_when_inputIsNotAScheduledEvent() {
        // GIVEN an RDS event routed to the wrong function
        rds.cluster("orders-db", "available", BACKUP_TAG);
        // WHEN invoked / THEN the input is rejected and nothing created
        assertThatThrownBy(() -> handler(Map.of()).handleRequest(EventFixtures.load("rds-cluster-snapshot-event-0074.json"), null))
                .isInstanceOf(InvalidEventException.class);
        assertThat(rds.createCalls()).isZero();
    }

    @Test
    void handleRequest_should_logOneJsonDecisionPerClusterAndNeverTheEvent_when_running() {
        // GIVEN two clusters, one of them unavailable, skip policy
        rds.cluster("orders-db", "available", BACKUP_TAG).cluster("billing-db", "modifying", BACKUP_TAG);
        Map<String, Object> event = scheduledEvent("evt-1");

        // WHEN the schedule fires
        handler(Map.of("SNAPSHOT_ON_CLUSTER_UNAVAILABLE", "skip")).handleRequest(event, null);

        // THEN every line is a JSON object with timestamp, level, message, function and request id
        assertThat(log.lines()).isNotEmpty().allSatisfy(l -> assertThat(l)
                .containsKeys("timestamp", "level", "message", "function", "requestId"));
        // AND each cluster has exactly one decision line with cluster, snapshot, action and reason
        assertThat(log.decisionsFor("orders-db")).singleElement().satisfies(l -> assertThat(l)
                .containsEntry("snapshot", "orders-db-scheduled-" + SLOT).containsEntry("action", "create")
                .containsEntry("reason", "created").containsEntry("level", "INFO"));
        assertThat(log.decisionsFor("billing-db")).singleElement().satisfies(l -> assertThat(l)
                .containsEntry("action", "skip").containsEntry("reason", "cluster-not-available").containsEntry("level", "WARN"));
        // AND the event itself is never written out
        Map<String, Object> shape = new HashMap<>(event);
        assertThat(log.rawLines()).noneMatch(line -> line.contains("\"detail-type\"") || line.contains("\"version\":\"0\"")
                || line.contains(dev.auroraguard.json.Json.write(shape)));
    }
}
