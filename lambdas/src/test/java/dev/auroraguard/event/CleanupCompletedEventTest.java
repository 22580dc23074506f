package dev.auroraguard.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.domain.SnapshotTrigger;
import dev.auroraguard.domain.TagScheme;
import dev.auroraguard.domain.retention.CleanupTrigger;
import dev.auroraguard.domain.retention.ClusterCleanup;
import dev.auroraguard.domain.retention.DeletionBudget;
import dev.auroraguard.domain.retention.DeletionOutcome;
import dev.auroraguard.domain.retention.DeletionOutcome.Result;
import dev.auroraguard.domain.retention.KeepRules;
import dev.auroraguard.domain.retention.ListedSnapshot;
import dev.auroraguard.domain.retention.RetentionPlan;
import dev.auroraguard.domain.retention.RetentionPlanner;
import dev.auroraguard.domain.retention.RetentionPolicy;
import dev.auroraguard.domain.retention.SnapshotDecision;
import dev.auroraguard.domain.retention.SnapshotListing;
import dev.auroraguard.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CleanupCompletedEventTest {

    private static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");
    private static final String ARN = "arn:aws:rds:us-east-1:123456789012:cluster:orders-db";

    /** A plan of orders-db keeping 2 and deleting 5 (budget 5, one more deferred by it), one outcome of each kind. */
    private static ClusterCleanup cleanup() {
        List<ListedSnapshot> listed = new ArrayList<>();
        for (int day = 1; day <= 8; day++) {
            listed.add(new ListedSnapshot("s" + day, "orders-db", NOW.minus(Duration.ofDays(day)), "available", "manual",
                    Map.of(TagScheme.MANAGED, "true", TagScheme.KIND, "scheduled")));
        }
        RetentionPlan plan = new RetentionPlanner(RetentionPolicy.utc(Map.of("scheduled", KeepRules.NONE.withLast(2))))
                .plan(SnapshotListing.complete(listed), NOW, DeletionBudget.of(5));
        List<SnapshotDecision> delete = plan.delete();
        List<DeletionOutcome> outcomes = List.of(
                new DeletionOutcome(delete.get(0), Result.DELETED, "deleted", Optional.empty(), false),
                new DeletionOutcome(delete.get(1), Result.ALREADY_GONE, "already deleted", Optional.of("DBClusterSnapshotNotFoundFault"), false),
                new DeletionOutcome(delete.get(2), Result.SKIPPED, "refused", Optional.of("InvalidDBClusterSnapshotStateFault"), false),
                new DeletionOutcome(delete.get(3), Result.FAILED, "throttled", Optional.of("Throttling"), true),
                new DeletionOutcome(delete.get(4), Result.DEFERRED, "not attempted", Optional.empty(), false));
        return new ClusterCleanup("orders-db", Optional.of(ARN), plan.keep(), outcomes);
    }

    @Test
    void cleanupCompleted_should_carryTheVersionedCountsAndIdentifiers_when_built() {
        // GIVEN one cluster's cleanup with one deletion outcome of each kind, stopped by an RDS error
        ClusterCleanup cleanup = cleanup();
        CleanupTrigger trigger = new CleanupTrigger(SnapshotTrigger.Type.SCHEDULED_EVENT, "evt-1",
                Optional.of("arn:aws:events:us-east-1:123456789012:rule/aurora-guard-snapshot-cleanup"), Optional.empty());

        // WHEN the event is built and written as PutEvents writes it
        OutcomeEvent event = OutcomeEventSchema.cleanupCompleted(cleanup, trigger, false, DeletionBudget.of(5), Optional.empty(),
                Optional.of("rds-error"), "snapshot-cleanup", "req-1", NOW);
        Map<String, Object> detail = Json.parseObject(Json.write(event.detail()));

        // THEN the envelope and every field of schema version 1 are as documented
        assertThat(event.source()).isEqualTo("aurora-guard");
        assertThat(event.detailType()).isEqualTo("Cleanup Completed");
        assertThat(event.resources()).containsExactly(ARN);
        List<String> deletedIds = List.of(cleanup.deletions().get(0).identifier(), cleanup.deletions().get(1).identifier());
        assertThat(detail).containsExactly(
                Map.entry("schemaVersion", "1"),
                Map.entry("function", "snapshot-cleanup"),
                Map.entry("requestId", "req-1"),
                Map.entry("clusterId", "orders-db"),
                Map.entry("clusterArn", ARN),
                Map.entry("dryRun", false),
                Map.entry("listingComplete", true),
                Map.entry("listed", 8L),
                Map.entry("kept", 3L),
                Map.entry("deleted", 2L),
                Map.entry("skipped", 1L),
                Map.entry("failed", 1L),
                Map.entry("deferred", 1L),
                Map.entry("deferredByBudget", 1L),
                Map.entry("deletedSnapshotIds", deletedIds),
                Map.entry("alreadyGoneSnapshotIds", List.of(cleanup.deletions().get(1).identifier())),
                Map.entry("skippedSnapshots", List.of(Map.of("snapshotId", cleanup.deletions().get(2).identifier(),
                        "errorCode", "InvalidDBClusterSnapshotStateFault", "message", "refused"))),
                Map.entry("failedSnapshots", List.of(Map.of("snapshotId", cleanup.deletions().get(3).identifier(),
                        "errorCode", "Throttling", "message", "throttled", "retryable", true))),
                Map.entry("deferredSnapshotIds", List.of(cleanup.deletions().get(4).identifier())),
                Map.entry("stoppedBy", "rds-error"),
                Map.entry("budget", 5L),
                Map.entry("trigger", Map.of("type", "scheduled-event", "reference", "evt-1",
                        "rule", "arn:aws:events:us-east-1:123456789012:rule/aurora-guard-snapshot-cleanup")),
                Map.entry("message", "orders-db: deleted 2, kept 3, skipped 1 (not in a deletable state), failed 1, deferred 1"
                        + " to the next run (stopped by rds-error), 1 more over the deletion budget wait for the next run"));
        assertThat(OutcomeEventSchema.DETAIL_TYPES).contains("Cleanup Completed");
    }

    @Test
    void cleanupCompleted_should_sayNothingWasDeleted_when_aDryRunOrAnIncompleteListing() {
        // GIVEN a dry run on an incomplete listing
        ClusterCleanup cleanup = new ClusterCleanup("orders-db", Optional.empty(), List.of(), List.of());
        CleanupTrigger trigger = new CleanupTrigger(SnapshotTrigger.Type.CONSTANT_INPUT, "req-2", Optional.empty(),
                Optional.of(List.of("orders-db")));
        // WHEN built
        OutcomeEvent event = OutcomeEventSchema.cleanupCompleted(cleanup, trigger, true, DeletionBudget.DEFAULT,
                Optional.of("page 2 of the listing failed"), Optional.empty(), "snapshot-cleanup", "req-2", NOW);
        // THEN optional fields are absent, not null, and the message says what happened
        assertThat(event.resources()).isEmpty();
        assertThat(event.detail()).containsEntry("dryRun", true).containsEntry("listingComplete", false)
                .containsEntry("listingProblem", "page 2 of the listing failed").containsEntry("deletedSnapshotIds", List.of())
                .doesNotContainKeys("clusterArn", "alreadyGoneSnapshotIds", "skippedSnapshots", "failedSnapshots",
                        "deferredSnapshotIds", "stoppedBy")
                .containsEntry("message", "orders-db: dry run, nothing was deleted; a real run would have deleted 0, kept 0;"
                        + " the listing was incomplete, so nothing was deleted: page 2 of the listing failed");
    }
}
