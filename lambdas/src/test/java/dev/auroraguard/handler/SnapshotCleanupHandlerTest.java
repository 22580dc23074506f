package dev.auroraguard.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.config.ConfigException;
import dev.auroraguard.config.Environment;
import dev.auroraguard.config.SnapshotCleanupSettings;
import dev.auroraguard.domain.TagScheme;
import dev.auroraguard.domain.retention.ListedSnapshot;
import dev.auroraguard.domain.retention.SnapshotDeletion;
import dev.auroraguard.event.EventFixtures;
import dev.auroraguard.event.InvalidEventException;
import dev.auroraguard.event.OutcomeEventSchema;
import dev.auroraguard.port.ServiceCallException;
import dev.auroraguard.port.SnapshotDeleter;
import dev.auroraguard.port.SnapshotInventory;
import dev.auroraguard.port.SnapshotInventory.Inventory;
import dev.auroraguard.testing.CapturedLog;
import dev.auroraguard.testing.InMemoryRds;
import dev.auroraguard.testing.MutableClock;
import dev.auroraguard.testing.RecordingOutcomeEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The function's decisions over in-memory ports: what the simulator cannot produce (AccessDenied, refused events). */
class SnapshotCleanupHandlerTest {

    private static final String POLICY = "{\"rules\":{\"scheduled\":{\"keepLast\":3}}}";
    private static final Map<String, String> BACKUP = Map.of("aurora-guard:backup", "true");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T04:00:00Z"));
    private final InMemoryRds rds = new InMemoryRds(clock);
    private final List<ListedSnapshot> listed = new ArrayList<>();
    private final List<String> deleteRequests = new ArrayList<>();
    private final Map<String, RuntimeException> deleteErrors = new HashMap<>();
    private final RecordingOutcomeEvents events = new RecordingOutcomeEvents();
    private final CapturedLog log = new CapturedLog(clock, SnapshotCleanupHandler.FUNCTION_NAME);
    private int listings;

    private final SnapshotInventory inventory = gate -> {
        listings++;
        return new Inventory(listed, 1, Optional.empty());
    };
    private final SnapshotDeleter deleter = id -> {
        deleteRequests.add(id);
        RuntimeException error = deleteErrors.get(id);
        if (error != null) {
            throw error;
        }
        return new SnapshotDeletion.Deleted();
    };

    private SnapshotCleanupHandler handler(Map<String, String> more) {
        Map<String, String> env = new LinkedHashMap<>(Map.of("RETENTION_POLICY", POLICY, "CLEANUP_DRY_RUN", "false"));
        env.putAll(more);
        return new SnapshotCleanupHandler(rds, inventory, deleter, events, clock, clock::advance,
                SnapshotCleanupSettings.fromEnvironment(Environment.of(env)), log.log());
    }

    /** {@code count} daily scheduled snapshots of {@code cluster}, the newest yesterday; with keepLast 3, all but 3 go. */
    private void history(String cluster, int count) {
        for (int day = 1; day <= count; day++) {
            listed.add(new ListedSnapshot(cluster + "-scheduled-" + day, cluster, clock.instant().minus(Duration.ofDays(day)),
                    "available", "manual", Map.of(TagScheme.MANAGED, "true", TagScheme.KIND, "scheduled")));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }

    @Test
    void handleRequest_should_cleanOnlyTheNamedClusters_when_constantInputNamesThem() {
        // GIVEN two tagged clusters with deletable history
        rds.cluster("orders-db", "available", BACKUP).cluster("billing-db", "available", BACKUP);
        history("orders-db", 5);
        history("billing-db", 5);
        // WHEN invoked with constant input naming one of them
        Map<String, Object> result = handler(Map.of()).handleRequest(Map.of("clusters", List.of("billing-db")), null);
        // THEN only its snapshots are deleted, oldest first, and only it gets an event
        assertThat(deleteRequests).containsExactly("billing-db-scheduled-5", "billing-db-scheduled-4");
        assertThat(list(result, "clusters")).extracting(c -> c.get("cluster")).containsExactly("billing-db");
        assertThat(events.withDetailType(OutcomeEventSchema.CLEANUP_COMPLETED)).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("clusterId", "billing-db")
                        .containsEntry("trigger", Map.of("type", "constant-input", "reference", result.get("requestId"),
                                "clusters", List.of("billing-db"))));
    }

    @Test
    void handleRequest_should_reportAndCarryOn_when_aDeleteIsRefusedForGood() {
        // GIVEN deletable history and AccessDenied on the oldest snapshot (a tag-conditioned IAM policy, say)
        rds.cluster("orders-db", "available", BACKUP);
        history("orders-db", 6);
        deleteErrors.put("orders-db-scheduled-6", InMemoryRds.accessDenied("DeleteDBClusterSnapshot"));
        // WHEN the schedule fires
        Map<String, Object> result = handler(Map.of()).handleRequest(EventFixtures.load("scheduled-event.json"), null);
        // THEN the other deletions went ahead, the failure is reported as final, and Lambda is not asked to retry
        assertThat(deleteRequests).containsExactly("orders-db-scheduled-6", "orders-db-scheduled-5", "orders-db-scheduled-4");
        assertThat(result.get("retry")).isEqualTo(false);
        Map<String, Object> detail = events.withDetailType(OutcomeEventSchema.CLEANUP_COMPLETED).get(0).detail();
        assertThat(detail).containsEntry("deleted", 2).containsEntry("failed", 1).doesNotContainKey("stoppedBy");
        assertThat(list(detail, "failedSnapshots")).singleElement().satisfies(f -> assertThat(f)
                .containsEntry("snapshotId", "orders-db-scheduled-6").containsEntry("errorCode", "AccessDenied")
                .containsEntry("retryable", false));
        assertThat(log.decisionsFor("orders-db")).filteredOn(l -> "fail".equals(l.get("action"))).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("level", "ERROR").containsEntry("retryable", false));
    }

    @Test
    void handleRequest_should_failForRetryAfterDeleting_when_theEventsAreRefused() {
        // GIVEN deletable history and an event bus refusing entries for a passing reason
        rds.cluster("orders-db", "available", BACKUP);
        history("orders-db", 4);
        events.refuse(e -> true, "ThrottlingException", true);
        // WHEN the schedule fires / THEN the invocation fails for a retry, after the deletion was done
        assertThatThrownBy(() -> handler(Map.of()).handleRequest(EventFixtures.load("scheduled-event.json"), null))
                .isInstanceOf(RetryableFailureException.class).hasMessageContaining("Outcome events not published: 1");
        assertThat(deleteRequests).containsExactly("orders-db-scheduled-4");
        assertThat(log.lines()).anySatisfy(l -> assertThat(l).containsEntry("action", "publish-event")
                .containsEntry("reason", "ThrottlingException"));
    }

    @Test
    void handleRequest_should_listAndDeleteNothing_when_theClustersCannotBeDescribed() {
        // GIVEN DescribeDBClusters failing after the SDK's retries
        rds.cluster("orders-db", "available", BACKUP);
        history("orders-db", 5);
        rds.failNext("listAll", InMemoryRds.throttled("DescribeDBClusters"));
        // WHEN the schedule fires / THEN the error fails the invocation, and nothing was listed or deleted
        assertThatThrownBy(() -> handler(Map.of()).handleRequest(EventFixtures.load("scheduled-event.json"), null))
                .isInstanceOf(ServiceCallException.class).hasMessageContaining("DescribeDBClusters");
        assertThat(listings).isZero();
        assertThat(deleteRequests).isEmpty();
        assertThat(log.lines()).anySatisfy(l -> assertThat(l).containsEntry("action", "select-clusters").containsEntry("level", "ERROR"));
    }

    @Test
    void handleRequest_should_leaveAMissingClustersSnapshotsAlone_when_aListedClusterIsGone() {
        // GIVEN a listed cluster that was deleted, whose manual snapshots remain
        rds.cluster("orders-db", "available", Map.of());
        history("orders-db", 5);
        history("legacy-db", 5);
        // WHEN the schedule fires
        Map<String, Object> result = handler(Map.of("SNAPSHOT_CLUSTERS", "orders-db,legacy-db", "SNAPSHOT_SELECTION_TAG", "none"))
                .handleRequest(EventFixtures.load("scheduled-event.json"), null);
        // THEN only the existing cluster is cleaned, and the missing one is reported
        assertThat(deleteRequests).allMatch(id -> id.startsWith("orders-db"));
        assertThat(result.get("missingClusters")).isEqualTo(List.of("legacy-db"));
        assertThat(log.lines()).anySatisfy(l -> assertThat(l).containsEntry("level", "WARN").containsEntry("missing", List.of("legacy-db")));
    }

    @Test
    void handleRequest_should_attemptNothing_when_theInputIsNotAScheduledEvent() {
        // GIVEN an RDS event delivered by a misconfigured rule / WHEN handled / THEN it is refused before any call
        assertThatThrownBy(() -> handler(Map.of()).handleRequest(EventFixtures.load("rds-cluster-snapshot-event-0075.json"), null))
                .isInstanceOf(InvalidEventException.class);
        assertThat(listings).isZero();
    }

    @Test
    void constructor_should_nameEveryBadVariable_when_theConfigurationIsUnusable() {
        // GIVEN an environment without region or policy and a bad dry-run flag
        Environment env = Environment.of(Map.of("CLEANUP_DRY_RUN", "yes please"));
        // WHEN the handler is built as Lambda builds it / THEN start-up fails with one message naming all three
        assertThatThrownBy(() -> new SnapshotCleanupHandler(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("RETENTION_POLICY is not set")
                .hasMessageContaining("CLEANUP_DRY_RUN='yes please' is not true or false")
                .hasMessageContaining("AWS_REGION is not set");
    }
}
