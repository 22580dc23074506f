package dev.auroraguard.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.config.Environment;
import dev.auroraguard.domain.retention.DeletionBudget;
import dev.auroraguard.domain.retention.RetentionPlan;
import dev.auroraguard.event.EventFixtures;
import dev.auroraguard.event.OutcomeEventSchema;
import dev.auroraguard.simulator.FaultKind;
import dev.auroraguard.simulator.junit.AwsTarget;
import dev.auroraguard.testing.HookedRdsClient;
import dev.auroraguard.testing.SimulatedCleanup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;

/**
 * The snapshot-cleanup function end to end: the verbatim EventBridge Scheduled Event in, the real SDK
 * clients from {@code AwsClients} out, against the embedded simulator (one per test). The pacer sleeps
 * on the simulator's clock and the Lambda context's deadline is on that clock too, so nothing here
 * waits for real time.
 */
class SnapshotCleanupIntegrationTest {

    private static final Map<String, String> BACKUP = Map.of("aurora-guard:backup", "true");
    private static final String POLICY = "{\"rules\":{\"scheduled\":{\"keepDaily\":7,\"keepWeekly\":4,\"keepMonthly\":3}}}";
    private static final String DELETE = "DeleteDBClusterSnapshot";
    private static final String DESCRIBE = "DescribeDBClusterSnapshots";

    @RegisterExtension
    final AwsTarget aws = AwsTarget.create(SimulatedCleanup.options());

    private SimulatedCleanup sim;

    @BeforeEach
    void simulator() {
        sim = new SimulatedCleanup(aws);
    }

    /** The Scheduled Event exactly as in the AWS documentation (its 2015 time is not used: "now" is the clock). */
    private static Map<String, Object> scheduledEvent() {
        return EventFixtures.load("scheduled-event.json");
    }

    private static Map<String, String> realRun(String... more) {
        Map<String, String> env = new HashMap<>();
        env.put("CLEANUP_DRY_RUN", "false");
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return SimulatedCleanup.settings(POLICY, env);
    }

    private Map<String, Object> cleanupEvent(String cluster) {
        return sim.outcomeDetails(OutcomeEventSchema.CLEANUP_COMPLETED).stream()
                .filter(d -> cluster.equals(d.get("clusterId"))).reduce((first, second) -> second).orElseThrow();
    }

    private RetentionPlan expectedPlan(Set<String> clusters, int budget) {
        return sim.expectedPlan(POLICY, clusters, sim.simulator().clock().instant(), DeletionBudget.of(budget));
    }

    private Set<String> goneSince(Set<String> before) {
        Set<String> gone = new HashSet<>(before);
        gone.removeAll(sim.manualSnapshotIds());
        return gone;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> map, String key) {
        return (List<String>) map.get(key);
    }

    @Test
    void handleRequest_should_deleteExactlyThePlannedSnapshots_when_thousandsOfSnapshotsSpanManyPages() {
        // GIVEN three tagged clusters and an untagged one, 500 scheduled snapshots each (every 6 hours), one taken by hand
        List<String> clusters = List.of("orders-db", "billing-db", "search-db", "scratch-db");
        sim.createClusters(Map.of("orders-db", BACKUP, "billing-db", BACKUP, "search-db", BACKUP, "scratch-db", Map.of()));
        sim.seedScheduledHistory(clusters, 500, Duration.ofHours(6));
        sim.takeSnapshotByHand("orders-db", "orders-db-before-upgrade");
        Set<String> before = sim.manualSnapshotIds();
        List<DBClusterSnapshot> automated = sim.automatedSnapshots();
        assertThat(before).hasSize(2001);
        assertThat(automated).isNotEmpty();
        // AND a real run with a budget of 60, selecting clusters by the default tag
        RetentionPlan expected = expectedPlan(Set.of("orders-db", "billing-db", "search-db"), 60);
        assertThat(expected.deferredByBudget()).isGreaterThan(1000);
        sim.simulator().faults().resetCounters();

        // WHEN the schedule fires
        Map<String, Object> result = sim.handler(realRun("CLEANUP_DELETION_BUDGET", "60", "CLEANUP_DELETES_PER_SECOND", "5"), 3)
                .handleRequest(scheduledEvent(), sim.context(Duration.ofMinutes(5)));

        // THEN the manual snapshots were listed once, 21 pages of 100 with their tags, never one tag call per snapshot
        assertThat(sim.simulator().faults().calls(DESCRIBE)).isEqualTo(21);
        assertThat(sim.simulator().faults().calls("ListTagsForResource")).isZero();
        // AND exactly the 60 snapshots the pure planner deletes on the complete listing are gone, with one call each
        assertThat(sim.simulator().faults().calls(DELETE)).isEqualTo(60);
        assertThat(goneSince(before)).containsExactlyInAnyOrderElementsOf(expected.deleteIdentifiers());
        // AND nothing of the untagged cluster, the snapshot taken by hand, nor the automated snapshots was touched
        assertThat(sim.manualSnapshotIds()).contains("orders-db-before-upgrade")
                .containsAll(before.stream().filter(id -> id.startsWith("scratch-db")).toList());
        assertThat(sim.automatedSnapshots()).extracting(DBClusterSnapshot::dbClusterSnapshotIdentifier)
                .containsExactlyInAnyOrderElementsOf(automated.stream().map(DBClusterSnapshot::dbClusterSnapshotIdentifier).toList());
        // AND one Cleanup Completed event per selected cluster counts the manual snapshots only, deleted ones named
        List<Map<String, Object>> events = sim.outcomeDetails(OutcomeEventSchema.CLEANUP_COMPLETED);
        assertThat(events).extracting(d -> d.get("clusterId")).containsExactlyInAnyOrder("orders-db", "billing-db", "search-db");
        assertThat(cleanupEvent("orders-db")).containsEntry("listed", 501L).containsEntry("dryRun", false)
                .containsEntry("listingComplete", true);
        assertThat(events.stream().flatMap(d -> strings(d, "deletedSnapshotIds").stream()).toList())
                .containsExactlyInAnyOrderElementsOf(expected.deleteIdentifiers());
        assertThat(events.stream().mapToLong(d -> (Long) d.get("deferredByBudget")).sum()).isEqualTo(expected.deferredByBudget());
        assertThat(result.get("retry")).isEqualTo(false);
        // AND the 21 listing pages were paced at 4 per second (20 pauses of 250 ms), then the 60 deletes at 5 per second
        assertThat(sim.sleeps()).hasSize(20 + 59);
        assertThat(sim.sleeps().subList(0, 20)).allMatch(d -> d.equals(Duration.ofMillis(250)));
        assertThat(sim.sleeps().subList(20, 79)).allMatch(d -> d.equals(Duration.ofMillis(200)));
    }

    @Test
    void handleRequest_should_deleteNothingAndAskForRetry_when_aListingPageFailsMidway() {
        // GIVEN 250 snapshots of a tagged cluster (three pages) and a real run that would delete some
        sim.createClusters(Map.of("orders-db", BACKUP));
        sim.seedScheduledHistory(List.of("orders-db"), 250, Duration.ofDays(1));
        Set<String> before = sim.manualSnapshotIds();
        // AND the second page fails on every attempt the SDK makes (3), after the first page was read
        SnapshotCleanupHandler handler = sim.handler(realRun("CLEANUP_DELETION_BUDGET", "100"), 3,
                rds -> new HookedRdsClient(rds).beforeDescribeSnapshots(call -> {
                    if (call == 2) {
                        sim.simulator().faults().failNext(DESCRIBE, FaultKind.INTERNAL_ERROR, 3);
                    }
                }));
        sim.simulator().faults().resetCounters();

        // WHEN the schedule fires / THEN the invocation fails so that Lambda retries it, naming the page
        assertThatThrownBy(() -> handler.handleRequest(scheduledEvent(), sim.context(Duration.ofMinutes(5))))
                .isInstanceOf(RetryableFailureException.class)
                .hasMessageContaining("Listing incomplete, nothing was deleted: page 2 of the listing failed");
        // AND nothing was deleted, not even what the first page alone would allow
        assertThat(sim.simulator().faults().calls(DESCRIBE)).isEqualTo(1 + 3);
        assertThat(sim.simulator().faults().calls(DELETE)).isZero();
        assertThat(sim.manualSnapshotIds()).isEqualTo(before);
        // AND the event says so, and every decision line carries the reason
        assertThat(cleanupEvent("orders-db")).containsEntry("listingComplete", false).containsEntry("deleted", 0L)
                .containsEntry("kept", 100L).containsEntry("dryRun", false)
                .hasEntrySatisfying("listingProblem", p -> assertThat((String) p).contains("page 2", "InternalFailure"));
        List<Map<String, Object>> decisions = sim.log().decisionsFor("orders-db");
        assertThat(decisions).hasSize(100).allSatisfy(line -> assertThat(line).containsEntry("action", "keep"));
        assertThat(decisions).filteredOn(line -> ((List<?>) line.get("reasonCodes")).contains("LISTING_INCOMPLETE")).isNotEmpty()
                .allSatisfy(line -> assertThat(line).containsEntry("reason", "kept: listing incomplete, nothing is deleted"));
    }

    @Test
    void handleRequest_should_carryOutThePlan_when_halfOfTheRdsCallsAreThrottled() {
        // GIVEN two tagged clusters with 150 daily snapshots each, and half of all listing and delete calls throttled
        sim.createClusters(Map.of("orders-db", BACKUP, "billing-db", BACKUP));
        sim.seedScheduledHistory(List.of("orders-db", "billing-db"), 150, Duration.ofDays(1));
        Set<String> before = sim.manualSnapshotIds();
        RetentionPlan expected = expectedPlan(Set.of("orders-db", "billing-db"), 30);
        sim.simulator().faults().throttle(DESCRIBE, 0.5).throttle(DELETE, 0.5);

        // WHEN the schedule fires, the SDK retrying throttled calls up to 10 attempts
        Map<String, Object> result = sim.handler(realRun("CLEANUP_DELETION_BUDGET", "30"), 10)
                .handleRequest(scheduledEvent(), sim.context(Duration.ofMinutes(5)));

        // THEN the throttling was absorbed: the listing is complete and exactly the planned 30 are gone
        assertThat(sim.simulator().faults().throttledCount()).isGreaterThanOrEqualTo(10);
        assertThat(goneSince(before)).containsExactlyInAnyOrderElementsOf(expected.deleteIdentifiers());
        assertThat(result.get("retry")).isEqualTo(false);
        assertThat(cleanupEvent("orders-db")).containsEntry("listingComplete", true).containsEntry("failed", 0L);
        // AND the paces held throughout, the SDK's retries aside: 3 listing pages 250 ms apart, then one delete per second
        assertThat(sim.sleeps()).hasSize(2 + 29);
        assertThat(sim.sleeps().subList(0, 2)).allMatch(d -> d.equals(Duration.ofMillis(250)));
        assertThat(sim.sleeps().subList(2, 31)).allMatch(d -> d.equals(Duration.ofSeconds(1)));
    }

    @Test
    void handleRequest_should_stopDeletingAndAskForRetry_when_throttlingOutlastsTheRetries() {
        // GIVEN 40 daily snapshots of a tagged cluster, a budget of 10, and the third delete throttled on every attempt
        sim.createClusters(Map.of("orders-db", BACKUP));
        sim.seedScheduledHistory(List.of("orders-db"), 40, Duration.ofDays(1));
        Set<String> before = sim.manualSnapshotIds();
        List<String> planned = expectedPlan(Set.of("orders-db"), 10).delete().stream()
                .sorted(Comparator.comparing(d -> d.snapshot().createdAt())).map(d -> d.identifier()).toList();
        AtomicInteger deletes = new AtomicInteger();
        SnapshotCleanupHandler handler = sim.handler(realRun(), 3, rds -> new HookedRdsClient(rds).beforeDelete(id -> {
            if (deletes.incrementAndGet() == 3) {
                sim.simulator().faults().failNext(DELETE, FaultKind.THROTTLING, 3);
            }
        }));

        // WHEN the schedule fires / THEN the invocation fails for a retry, naming the snapshot
        assertThatThrownBy(() -> handler.handleRequest(scheduledEvent(), sim.context(Duration.ofMinutes(5))))
                .isInstanceOf(RetryableFailureException.class)
                .hasMessageContaining("Deletes failed: " + planned.get(2) + " (Throttling)");
        // AND the two oldest were deleted, then the run stopped asking: the other seven wait for the next run
        assertThat(goneSince(before)).containsExactlyInAnyOrderElementsOf(planned.subList(0, 2));
        assertThat(sim.simulator().faults().calls(DELETE)).isEqualTo(2 + 3);
        Map<String, Object> event = cleanupEvent("orders-db");
        assertThat(event).containsEntry("deleted", 2L).containsEntry("failed", 1L).containsEntry("deferred", 7L)
                .containsEntry("stoppedBy", "rds-error");
        assertThat(list(event, "failedSnapshots")).singleElement().satisfies(f -> assertThat(f)
                .containsEntry("snapshotId", planned.get(2)).containsEntry("errorCode", "Throttling").containsEntry("retryable", true));
        assertThat(strings(event, "deferredSnapshotIds")).containsExactlyElementsOf(planned.subList(3, 10));
    }

    @Test
    void handleRequest_should_deleteTheOldestWithinTheBudget_when_thePlanDeletesMore() {
        // GIVEN 60 daily snapshots of a tagged cluster and the default budget (10 per run)
        sim.createClusters(Map.of("orders-db", BACKUP));
        sim.seedScheduledHistory(List.of("orders-db"), 60, Duration.ofDays(1));
        Set<String> before = sim.manualSnapshotIds();
        RetentionPlan unlimited = expectedPlan(Set.of("orders-db"), Integer.MAX_VALUE);
        List<String> oldestFirst = unlimited.delete().stream().sorted(Comparator.comparing(d -> d.snapshot().createdAt()))
                .map(d -> d.identifier()).toList();
        assertThat(oldestFirst).hasSizeGreaterThan(20);
        SnapshotCleanupHandler handler = sim.handler(realRun(), 3);

        // WHEN the schedule fires twice
        handler.handleRequest(scheduledEvent(), sim.context(Duration.ofMinutes(5)));
        Map<String, Object> first = cleanupEvent("orders-db");
        handler.handleRequest(scheduledEvent(), sim.context(Duration.ofMinutes(5)));

        // THEN each run deleted the ten oldest of what the policy deletes, and said how many wait
        assertThat(strings(first, "deletedSnapshotIds")).containsExactlyInAnyOrderElementsOf(oldestFirst.subList(0, 10));
        assertThat(first).containsEntry("budget", 10L).containsEntry("deferredByBudget", (long) oldestFirst.size() - 10);
        assertThat(goneSince(before)).containsExactlyInAnyOrderElementsOf(oldestFirst.subList(0, 20));
        assertThat(cleanupEvent("orders-db")).containsEntry("deferredByBudget", (long) oldestFirst.size() - 20);
    }

    @Test
    void handleRequest_should_stopBeforeTheDeadlineAndDeferTheRest_when_littleTimeRemains() {
        // GIVEN 60 daily snapshots, a budget of 40, one delete per second and the default 30-second margin
        sim.createClusters(Map.of("orders-db", BACKUP));
        sim.seedScheduledHistory(List.of("orders-db"), 60, Duration.ofDays(1));
        Set<String> before = sim.manualSnapshotIds();
        RetentionPlan expected = expectedPlan(Set.of("orders-db"), 40);
        assertThat(expected.delete()).hasSize(40);

        // WHEN the schedule fires with 45 seconds left before the Lambda deadline
        Map<String, Object> result = sim.handler(realRun("CLEANUP_DELETION_BUDGET", "40"), 3)
                .handleRequest(scheduledEvent(), sim.context(Duration.ofSeconds(45)));

        // THEN deletes started at 45, 44, ... 30 seconds left (16 of them), then the run stopped cleanly
        assertThat(goneSince(before)).hasSize(16);
        assertThat(result.get("retry")).isEqualTo(false);
        assertThat(result.get("stoppedBy")).isEqualTo("deadline");
        Map<String, Object> event = cleanupEvent("orders-db");
        assertThat(event).containsEntry("deleted", 16L).containsEntry("deferred", 24L).containsEntry("stoppedBy", "deadline")
                .containsEntry("failed", 0L);
        assertThat(strings(event, "deferredSnapshotIds")).hasSize(24).doesNotContainAnyElementsOf(goneSince(before));
        assertThat(sim.log().decisionsFor("orders-db")).filteredOn(l -> "defer".equals(l.get("action"))).hasSize(24);
    }

    @Test
    void handleRequest_should_listAndDeleteNothing_when_lessThanTheMarginRemainsAtTheStart() {
        // GIVEN snapshots the policy would delete
        sim.createClusters(Map.of("orders-db", BACKUP));
        sim.seedScheduledHistory(List.of("orders-db"), 30, Duration.ofDays(1));
        Set<String> before = sim.manualSnapshotIds();
        sim.simulator().faults().resetCounters();

        // WHEN the function starts with 10 seconds left, under the 30-second margin
        Map<String, Object> result = sim.handler(realRun(), 3).handleRequest(scheduledEvent(), sim.context(Duration.ofSeconds(10)));

        // THEN it did not even list, deleted nothing, and reported an incomplete listing without asking for a retry
        assertThat(sim.simulator().faults().calls(DESCRIBE)).isZero();
        assertThat(sim.manualSnapshotIds()).isEqualTo(before);
        assertThat(result.get("retry")).isEqualTo(false);
        assertThat(cleanupEvent("orders-db")).containsEntry("listingComplete", false).containsEntry("listed", 0L)
                .containsEntry("stoppedBy", "deadline");
    }

    @Test
    void handleRequest_should_publishTheSamePlanMarkedDryRun_when_dryRunIsTheDefault() {
        // GIVEN two tagged clusters with 40 daily snapshots each, and no CLEANUP_DRY_RUN setting
        sim.createClusters(Map.of("orders-db", BACKUP, "billing-db", BACKUP));
        sim.seedScheduledHistory(List.of("orders-db", "billing-db"), 40, Duration.ofDays(1));
        Set<String> before = sim.manualSnapshotIds();
        sim.simulator().faults().resetCounters();

        // WHEN the schedule fires
        Map<String, Object> dry = sim.handler(SimulatedCleanup.settings(POLICY, Map.of()), 3)
                .handleRequest(scheduledEvent(), sim.context(Duration.ofMinutes(5)));

        // THEN no delete request was sent and nothing paced, but the plan was logged and published as a dry run
        assertThat(sim.simulator().faults().calls(DELETE)).isZero();
        assertThat(sim.manualSnapshotIds()).isEqualTo(before);
        assertThat(sim.sleeps()).isEmpty();
        assertThat(dry.get("dryRun")).isEqualTo(true);
        Map<String, Object> dryOrders = cleanupEvent("orders-db");
        Map<String, Object> dryBilling = cleanupEvent("billing-db");
        assertThat(dryOrders).containsEntry("dryRun", true).containsEntry("deleted", (long) strings(dryOrders, "deletedSnapshotIds").size());
        assertThat(strings(dryOrders, "deletedSnapshotIds")).isNotEmpty();
        assertThat(sim.log().decisionsFor("orders-db")).filteredOn(l -> "delete".equals(l.get("action")))
                .hasSize(strings(dryOrders, "deletedSnapshotIds").size())
                .allSatisfy(l -> assertThat(l).containsEntry("dryRun", true).containsEntry("reason", "deleted: outside all rules"));

        // AND WHEN the same schedule fires with CLEANUP_DRY_RUN=false
        sim.handler(realRun(), 3).handleRequest(scheduledEvent(), sim.context(Duration.ofMinutes(5)));

        // THEN exactly what the dry run announced is deleted, and the events differ only in being real
        Map<String, Object> realOrders = cleanupEvent("orders-db");
        assertThat(realOrders).containsEntry("dryRun", false);
        assertThat(strings(realOrders, "deletedSnapshotIds")).isEqualTo(strings(dryOrders, "deletedSnapshotIds"));
        assertThat(strings(cleanupEvent("billing-db"), "deletedSnapshotIds")).isEqualTo(strings(dryBilling, "deletedSnapshotIds"));
        List<String> announced = new ArrayList<>(strings(dryOrders, "deletedSnapshotIds"));
        announced.addAll(strings(dryBilling, "deletedSnapshotIds"));
        assertThat(goneSince(before)).containsExactlyInAnyOrderElementsOf(announced);
    }

    @Test
    void handleRequest_should_countTheSnapshotAsDeleted_when_someoneElseDeletedItFirst() {
        // GIVEN snapshots the policy deletes, and another process deleting the second one just before our request
        sim.createClusters(Map.of("orders-db", BACKUP));
        sim.seedScheduledHistory(List.of("orders-db"), 20, Duration.ofDays(1));
        Set<String> before = sim.manualSnapshotIds();
        List<String> planned = expectedPlan(Set.of("orders-db"), 10).delete().stream()
                .sorted(Comparator.comparing(d -> d.snapshot().createdAt())).map(d -> d.identifier()).toList();
        String taken = planned.get(1);
        SnapshotCleanupHandler handler = sim.handler(realRun(), 3, rds -> new HookedRdsClient(rds).beforeDelete(id -> {
            if (id.equals(taken)) {
                sim.rds().deleteDBClusterSnapshot(b -> b.dbClusterSnapshotIdentifier(taken));
            }
        }));

        // WHEN the schedule fires
        Map<String, Object> result = handler.handleRequest(scheduledEvent(), sim.context(Duration.ofMinutes(5)));

        // THEN DBClusterSnapshotNotFound counted as success: every planned snapshot is gone, no failure, no retry
        assertThat(goneSince(before)).containsExactlyInAnyOrderElementsOf(planned);
        assertThat(result.get("retry")).isEqualTo(false);
        Map<String, Object> event = cleanupEvent("orders-db");
        assertThat(event).containsEntry("deleted", (long) planned.size()).containsEntry("failed", 0L).containsEntry("skipped", 0L);
        assertThat(strings(event, "alreadyGoneSnapshotIds")).containsExactly(taken);
        assertThat(strings(event, "deletedSnapshotIds")).contains(taken);
    }

    @Test
    void handleRequest_should_skipAndReport_when_rdsRefusesTheSnapshotsState() {
        // GIVEN snapshots the policy deletes, one of which leaves the available state after it was listed
        sim.createClusters(Map.of("orders-db", BACKUP));
        sim.seedScheduledHistory(List.of("orders-db"), 20, Duration.ofDays(1));
        Set<String> before = sim.manualSnapshotIds();
        List<String> planned = expectedPlan(Set.of("orders-db"), 10).delete().stream()
                .sorted(Comparator.comparing(d -> d.snapshot().createdAt())).map(d -> d.identifier()).toList();
        String busy = planned.get(0);
        SnapshotCleanupHandler handler = sim.handler(realRun(), 3, rds -> new HookedRdsClient(rds).beforeDelete(id -> {
            if (id.equals(busy)) {
                // Another process's delete of it is in progress: RDS refuses ours with InvalidDBClusterSnapshotState.
                sim.simulator().rds().forceSnapshotStatus(busy, "deleting");
            }
        }));

        // WHEN the schedule fires
        Map<String, Object> result = handler.handleRequest(scheduledEvent(), sim.context(Duration.ofMinutes(5)));

        // THEN that one is skipped and reported, the others are deleted, and the invocation succeeds
        assertThat(goneSince(before)).containsExactlyInAnyOrderElementsOf(planned.subList(1, planned.size()));
        assertThat(result.get("retry")).isEqualTo(false);
        Map<String, Object> event = cleanupEvent("orders-db");
        assertThat(event).containsEntry("skipped", 1L).containsEntry("failed", 0L).containsEntry("deleted", (long) planned.size() - 1);
        assertThat(list(event, "skippedSnapshots")).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("snapshotId", busy).containsEntry("errorCode", "InvalidDBClusterSnapshotStateFault"));
        assertThat(sim.log().decisionsFor("orders-db")).filteredOn(l -> busy.equals(l.get("snapshot"))).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("level", "WARN").containsEntry("action", "skip"));
    }

    @Test
    void handleRequest_should_runAsADryRunFromVariablesAlone_when_builtAsLambdaBuildsIt() {
        // GIVEN a listed cluster with snapshots to clean, and the handler built exactly as Lambda builds it
        sim.createClusters(Map.of("orders-db", Map.of()));
        sim.seedScheduledHistory(List.of("orders-db"), 30, Duration.ofDays(1));
        Set<String> before = sim.manualSnapshotIds();
        Map<String, String> env = new HashMap<>(sim.awsVariables());
        env.put("RETENTION_POLICY", POLICY);
        env.put("SNAPSHOT_CLUSTERS", "orders-db");
        env.put("SNAPSHOT_SELECTION_TAG", "none");
        env.put("EVENT_BUS_NAME", SimulatedCleanup.BUS);
        SnapshotCleanupHandler handler = new SnapshotCleanupHandler(Environment.of(env));

        // WHEN the verbatim Scheduled Event arrives
        Map<String, Object> result = handler.handleRequest(scheduledEvent(), null);

        // THEN it is a dry run by default: the plan is published, nothing is deleted
        assertThat(result).containsEntry("dryRun", true).containsEntry("retry", false);
        assertThat(result.get("trigger")).isEqualTo(Map.of("type", "scheduled-event", "reference",
                "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", "rule", "arn:aws:events:us-east-1:123456789012:rule/my-scheduled-rule"));
        assertThat(sim.manualSnapshotIds()).isEqualTo(before);
        // (the production clock is the real one, so what the policy would delete depends on today's date)
        assertThat(sim.simulator().faults().calls(DELETE)).isZero();
        assertThat(cleanupEvent("orders-db")).containsEntry("dryRun", true).containsEntry("listed", 30L)
                .hasEntrySatisfying("trigger", t -> assertThat(((Map<?, ?>) t).get("reference")).isEqualTo("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa"));
    }
}
