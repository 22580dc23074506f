package dev.auroraguard.event;

import dev.auroraguard.domain.ClusterOutcome;
import dev.auroraguard.domain.QuotaUsage;
import dev.auroraguard.domain.Snapshot;
import dev.auroraguard.domain.SnapshotKind;
import dev.auroraguard.domain.SnapshotTrigger;
import dev.auroraguard.domain.TagScheme;
import dev.auroraguard.domain.retention.CleanupTrigger;
import dev.auroraguard.domain.retention.ClusterCleanup;
import dev.auroraguard.domain.retention.DeletionBudget;
import dev.auroraguard.domain.retention.DeletionOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome events aurora-guard publishes, schema version {@value #SCHEMA_VERSION}. Every detail has
 * {@code schemaVersion}; fields are only ever added within a version, and a field's meaning never
 * changes without a new version. Absent optional fields are left out, never {@code null}.
 *
 * <p>Events are delivered at least once (a retried invocation publishes its outcomes again, with
 * {@code alreadyExisted} true); consumers that need exactly-once de-duplicate on
 * ({@code detail-type}, {@code detail.snapshotId}).
 */
public final class OutcomeEventSchema {

    public static final String SOURCE = "aurora-guard";
    public static final String SCHEMA_VERSION = "1";

    public static final String SNAPSHOT_STARTED = "Snapshot Started";
    public static final String SNAPSHOT_SKIPPED = "Snapshot Skipped";
    public static final String SNAPSHOT_FAILED = "Snapshot Failed";
    public static final String SNAPSHOT_AVAILABLE = "Snapshot Available";
    public static final String SNAPSHOT_QUOTA_WARNING = "Snapshot Quota Warning";
    public static final String CLEANUP_COMPLETED = "Cleanup Completed";

    /** Every detail-type aurora-guard publishes. */
    public static final List<String> DETAIL_TYPES = List.of(
            SNAPSHOT_STARTED, SNAPSHOT_SKIPPED, SNAPSHOT_FAILED, SNAPSHOT_AVAILABLE, SNAPSHOT_QUOTA_WARNING,
            CLEANUP_COMPLETED);

    private OutcomeEventSchema() {
    }

    /** The Snapshot Started / Skipped / Failed event for one cluster's outcome. */
    public static OutcomeEvent clusterOutcome(ClusterOutcome outcome, SnapshotTrigger trigger, SnapshotKind kind,
                                              String functionName, String requestId, Instant now) {
        Map<String, Object> detail = header(functionName, requestId);
        detail.put("kind", kind.word());
        detail.put("outcome", outcome.status().toString());
        detail.put("reason", outcome.reason().code());
        detail.put("message", outcome.message());
        detail.put("retryable", outcome.retryable());
        detail.put("clusterId", outcome.clusterId());
        outcome.clusterArn().ifPresent(arn -> detail.put("clusterArn", arn));
        detail.put("snapshotId", outcome.snapshotId());
        outcome.snapshotArn().ifPresent(arn -> detail.put("snapshotArn", arn));
        outcome.snapshotStatus().ifPresent(status -> detail.put("snapshotStatus", status));
        detail.put("alreadyExisted", outcome.alreadyExisted());
        detail.put("slot", trigger.slot().toString());
        detail.put("trigger", trigger(trigger));
        outcome.quota().ifPresent(q -> detail.put("quota", quota(q)));
        if (!outcome.droppedTagKeys().isEmpty()) {
            detail.put("droppedTagKeys", outcome.droppedTagKeys());
        }
        List<String> resources = new ArrayList<>();
        outcome.clusterArn().ifPresent(resources::add);
        outcome.snapshotArn().ifPresent(resources::add);
        return new OutcomeEvent(detailTypeOf(outcome.status()), now, resources, detail);
    }

    /** The account's manual cluster snapshot usage reached the warning share. */
    public static OutcomeEvent quotaWarning(QuotaUsage usage, double warningShare, int snapshotsPlanned,
                                            SnapshotTrigger trigger, String functionName, String requestId, Instant now) {
        Map<String, Object> detail = header(functionName, requestId);
        detail.put("quota", quota(usage));
        detail.put("warningShare", warningShare);
        detail.put("snapshotsPlanned", snapshotsPlanned);
        detail.put("message", "manual cluster snapshot quota " + usage.used() + " of " + usage.max() + " used ("
                + Math.round(usage.share() * 100) + "%, warning at " + Math.round(warningShare * 100) + "%); this run plans "
                + snapshotsPlanned + " more");
        detail.put("slot", trigger.slot().toString());
        detail.put("trigger", trigger(trigger));
        return new OutcomeEvent(SNAPSHOT_QUOTA_WARNING, now, List.of(), detail);
    }

    /**
     * A managed snapshot reached {@code available}.
     *
     * @param confirmedBy {@code rds-event} or {@code periodic-check}
     * @param rdsEventId  the RDS event id (RDS-EVENT-0075) when an RDS event confirmed it
     */
    public static OutcomeEvent snapshotAvailable(Snapshot snapshot, String confirmedBy, Optional<String> rdsEventId,
                                                 String functionName, String requestId, Instant now) {
        Map<String, Object> detail = header(functionName, requestId);
        snapshot.tag(TagScheme.KIND).ifPresent(kind -> detail.put("kind", kind));
        detail.put("clusterId", snapshot.clusterId());
        detail.put("snapshotId", snapshot.id());
        detail.put("snapshotArn", snapshot.arn());
        detail.put("snapshotStatus", snapshot.status());
        snapshot.createTime().ifPresent(t -> detail.put("snapshotCreateTime", t.toString()));
        snapshot.tag(TagScheme.SLOT).ifPresent(slot -> detail.put("slot", slot));
        snapshot.tag(TagScheme.TRIGGER).ifPresent(ref -> detail.put("triggerReference", ref));
        detail.put("confirmedBy", confirmedBy);
        rdsEventId.ifPresent(id -> detail.put("rdsEventId", id));
        detail.put("message", "snapshot " + snapshot.id() + " of " + snapshot.clusterId() + " is available");
        return new OutcomeEvent(SNAPSHOT_AVAILABLE, now, List.of(snapshot.arn()), detail);
    }

    /**
     * One cluster's cleanup run ({@code snapshot-cleanup}), published once per selected cluster and run,
     * in a dry run too ({@code dryRun} true: the counts and identifiers say what a real run would have
     * deleted). Consumers that need exactly-once de-duplicate on ({@code detail.requestId},
     * {@code detail.clusterId}).
     *
     * @param listingProblem why the listing was incomplete (then nothing was deleted), if it was
     * @param stoppedBy      why the run stopped deleting before the end of the plan ({@code deadline},
     *                       {@code rds-error}, {@code interrupted}), if it did
     */
    public static OutcomeEvent cleanupCompleted(ClusterCleanup cleanup, CleanupTrigger trigger, boolean dryRun,
                                                DeletionBudget budget, Optional<String> listingProblem,
                                                Optional<String> stoppedBy, String functionName, String requestId,
                                                Instant now) {
        Map<String, Object> detail = header(functionName, requestId);
        detail.put("clusterId", cleanup.clusterId());
        cleanup.clusterArn().ifPresent(arn -> detail.put("clusterArn", arn));
        detail.put("dryRun", dryRun);
        detail.put("listingComplete", listingProblem.isEmpty());
        listingProblem.ifPresent(problem -> detail.put("listingProblem", problem));
        detail.put("listed", cleanup.listed());
        detail.put("kept", cleanup.kept().size());
        detail.put("deleted", cleanup.deletedIds().size());
        detail.put("skipped", cleanup.withResult(DeletionOutcome.Result.SKIPPED).size());
        detail.put("failed", cleanup.withResult(DeletionOutcome.Result.FAILED).size());
        detail.put("deferred", cleanup.withResult(DeletionOutcome.Result.DEFERRED).size());
        detail.put("deferredByBudget", cleanup.deferredByBudget());
        detail.put("deletedSnapshotIds", cleanup.deletedIds());
        if (!cleanup.alreadyGoneIds().isEmpty()) {
            detail.put("alreadyGoneSnapshotIds", cleanup.alreadyGoneIds());
        }
        List<Map<String, Object>> skipped = deletionProblems(cleanup.withResult(DeletionOutcome.Result.SKIPPED), false);
        if (!skipped.isEmpty()) {
            detail.put("skippedSnapshots", skipped);
        }
        List<Map<String, Object>> failed = deletionProblems(cleanup.withResult(DeletionOutcome.Result.FAILED), true);
        if (!failed.isEmpty()) {
            detail.put("failedSnapshots", failed);
        }
        if (!cleanup.idsWith(DeletionOutcome.Result.DEFERRED).isEmpty()) {
            detail.put("deferredSnapshotIds", cleanup.idsWith(DeletionOutcome.Result.DEFERRED));
        }
        stoppedBy.ifPresent(reason -> detail.put("stoppedBy", reason));
        detail.put("budget", budget.maxDeletions());
        detail.put("trigger", cleanupTrigger(trigger));
        detail.put("message", cleanupMessage(cleanup, dryRun, listingProblem, stoppedBy));
        return new OutcomeEvent(CLEANUP_COMPLETED, now, cleanup.clusterArn().map(List::of).orElse(List.of()), detail);
    }

    private static List<Map<String, Object>> deletionProblems(List<DeletionOutcome> outcomes, boolean withRetryable) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (DeletionOutcome outcome : outcomes) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("snapshotId", outcome.identifier());
            outcome.errorCode().ifPresent(code -> map.put("errorCode", code));
            map.put("message", outcome.message());
            if (withRetryable) {
                map.put("retryable", outcome.retryable());
            }
            list.add(map);
        }
        return list;
    }

    private static String cleanupMessage(ClusterCleanup cleanup, boolean dryRun, Optional<String> listingProblem,
                                         Optional<String> stoppedBy) {
        StringBuilder text = new StringBuilder(cleanup.clusterId()).append(": ");
        if (dryRun) {
            text.append("dry run, nothing was deleted; a real run would have deleted ").append(cleanup.deletedIds().size());
        } else {
            text.append("deleted ").append(cleanup.deletedIds().size());
        }
        text.append(", kept ").append(cleanup.kept().size());
        int skipped = cleanup.withResult(DeletionOutcome.Result.SKIPPED).size();
        int failed = cleanup.withResult(DeletionOutcome.Result.FAILED).size();
        int deferred = cleanup.withResult(DeletionOutcome.Result.DEFERRED).size();
        if (skipped > 0) {
            text.append(", skipped ").append(skipped).append(" (not in a deletable state)");
        }
        if (failed > 0) {
            text.append(", failed ").append(failed);
        }
        if (deferred > 0) {
            text.append(", deferred ").append(deferred).append(" to the next run (stopped by ")
                    .append(stoppedBy.orElse("the run")).append(')');
        }
        if (cleanup.deferredByBudget() > 0) {
            text.append(", ").append(cleanup.deferredByBudget()).append(" more over the deletion budget wait for the next run");
        }
        listingProblem.ifPresent(problem -> text.append("; the listing was incomplete, so nothing was deleted: ").append(problem));
        return text.toString();
    }

    private static Map<String, Object> cleanupTrigger(CleanupTrigger trigger) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", trigger.type().toString());
        map.put("reference", trigger.reference());
        trigger.rule().ifPresent(rule -> map.put("rule", rule));
        trigger.clusters().ifPresent(clusters -> map.put("clusters", clusters));
        return map;
    }

    public static String detailTypeOf(ClusterOutcome.Status status) {
        return switch (status) {
            case STARTED -> SNAPSHOT_STARTED;
            case SKIPPED -> SNAPSHOT_SKIPPED;
            case FAILED -> SNAPSHOT_FAILED;
        };
    }

    private static Map<String, Object> header(String functionName, String requestId) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("schemaVersion", SCHEMA_VERSION);
        detail.put("function", functionName);
        detail.put("requestId", requestId);
        return detail;
    }

    private static Map<String, Object> trigger(SnapshotTrigger trigger) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", trigger.type().toString());
        map.put("reference", trigger.reference());
        trigger.rule().ifPresent(rule -> map.put("rule", rule));
        if (trigger.slotFromInvocationTime()) {
            map.put("slotFromInvocationTime", true);
        }
        return map;
    }

    private static Map<String, Object> quota(QuotaUsage usage) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", usage.name());
        map.put("used", usage.used());
        map.put("max", usage.max());
        return map;
    }
}
