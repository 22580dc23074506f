package dev.auroraguard.event;

import dev.auroraguard.domain.ClusterOutcome;
import dev.auroraguard.domain.PreDeployOutcome;
import dev.auroraguard.domain.PreDeployRequest;
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
    public static final String RESTORE_STARTED = "Restore Started";
    public static final String RESTORE_SKIPPED = "Restore Skipped";
    public static final String RESTORE_PROGRESS = "Restore Progress";
    public static final String RESTORE_COMPLETED = "Restore Completed";
    public static final String RESTORE_FAILED = "Restore Failed";
    public static final String RESTORE_CUTOVER_COMPLETED = "Restore Cutover Completed";
    public static final String RESTORE_CUTOVER_FAILED = "Restore Cutover Failed";

    /** Every detail-type aurora-guard publishes. */
    public static final List<String> DETAIL_TYPES = List.of(
            SNAPSHOT_STARTED, SNAPSHOT_SKIPPED, SNAPSHOT_FAILED, SNAPSHOT_AVAILABLE, SNAPSHOT_QUOTA_WARNING,
            CLEANUP_COMPLETED,
            RESTORE_STARTED, RESTORE_SKIPPED, RESTORE_PROGRESS, RESTORE_COMPLETED, RESTORE_FAILED, RESTORE_CUTOVER_COMPLETED,
            RESTORE_CUTOVER_FAILED);

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
        snapshot.tag(TagScheme.LABEL).ifPresent(label -> detail.put("label", label));
        snapshot.tag(TagScheme.PIPELINE_JOB).ifPresent(job -> detail.put("pipelineJobId", job));
        snapshot.tag(TagScheme.REQUESTER).ifPresent(requester -> detail.put("requester", requester));
        detail.put("confirmedBy", confirmedBy);
        rdsEventId.ifPresent(id -> detail.put("rdsEventId", id));
        detail.put("message", "snapshot " + snapshot.id() + " of " + snapshot.clusterId() + " is available");
        return new OutcomeEvent(SNAPSHOT_AVAILABLE, now, List.of(snapshot.arn()), detail);
    }

    /**
     * A managed snapshot that will never become available (status {@code failed}, ...), found by
     * {@code snapshot-available}'s periodic check: {@code Snapshot Failed}, reason {@code snapshot-failed},
     * with the snapshot's kind, slot, trigger and label from its tags.
     */
    public static OutcomeEvent snapshotNeverAvailable(Snapshot snapshot, String confirmedBy, String functionName,
                                                      String requestId, Instant now) {
        Map<String, Object> detail = header(functionName, requestId);
        snapshot.tag(TagScheme.KIND).ifPresent(kind -> detail.put("kind", kind));
        detail.put("outcome", ClusterOutcome.Status.FAILED.toString());
        detail.put("reason", PreDeployOutcome.Reason.SNAPSHOT_FAILED.code());
        detail.put("message", "snapshot " + snapshot.id() + " of " + snapshot.clusterId() + " is '" + snapshot.status()
                + "' and will never become available");
        detail.put("retryable", false);
        detail.put("clusterId", snapshot.clusterId());
        detail.put("snapshotId", snapshot.id());
        detail.put("snapshotArn", snapshot.arn());
        detail.put("snapshotStatus", snapshot.status());
        detail.put("alreadyExisted", false);
        snapshot.tag(TagScheme.SLOT).ifPresent(slot -> detail.put("slot", slot));
        snapshot.tag(TagScheme.TRIGGER).ifPresent(ref -> detail.put("triggerReference", ref));
        snapshot.tag(TagScheme.LABEL).ifPresent(label -> detail.put("label", label));
        snapshot.tag(TagScheme.PIPELINE_JOB).ifPresent(job -> detail.put("pipelineJobId", job));
        snapshot.tag(TagScheme.REQUESTER).ifPresent(requester -> detail.put("requester", requester));
        detail.put("confirmedBy", confirmedBy);
        return new OutcomeEvent(SNAPSHOT_FAILED, now, List.of(snapshot.arn()), detail);
    }

    /**
     * The {@code Snapshot Started} (snapshot creating or available) or {@code Snapshot Failed} (failed, or not
     * started yet) event of a pre-deploy request, kind {@code pre-deploy}, carrying the request's label.
     *
     * @param jobId the CodePipeline job being answered, for requests from CodePipeline
     */
    public static OutcomeEvent preDeployOutcome(PreDeployOutcome outcome, PreDeployRequest request, Optional<String> jobId,
                                                String functionName, String requestId, Instant now) {
        boolean started = outcome.status() == PreDeployOutcome.Status.CREATING
                || outcome.status() == PreDeployOutcome.Status.AVAILABLE;
        Map<String, Object> detail = header(functionName, requestId);
        detail.put("kind", SnapshotKind.PRE_DEPLOY.word());
        detail.put("outcome", (started ? ClusterOutcome.Status.STARTED : ClusterOutcome.Status.FAILED).toString());
        detail.put("reason", outcome.reason().code());
        detail.put("message", outcome.message());
        detail.put("retryable", !started && outcome.retryable());
        detail.put("clusterId", outcome.clusterId());
        outcome.clusterArn().ifPresent(arn -> detail.put("clusterArn", arn));
        detail.put("snapshotId", outcome.snapshotId());
        outcome.snapshot().ifPresent(s -> {
            detail.put("snapshotArn", s.arn());
            detail.put("snapshotStatus", s.status());
            s.createTime().ifPresent(t -> detail.put("snapshotCreateTime", t.toString()));
        });
        detail.put("alreadyExisted", outcome.alreadyExisted());
        request.label().ifPresent(label -> detail.put("label", label));
        request.requester().ifPresent(requester -> detail.put("requester", requester));
        detail.put("trigger", preDeployTrigger(request.source(), request.reference(), jobId));
        List<String> resources = new ArrayList<>();
        outcome.clusterArn().ifPresent(resources::add);
        outcome.snapshot().ifPresent(s -> resources.add(s.arn()));
        return new OutcomeEvent(started ? SNAPSHOT_STARTED : SNAPSHOT_FAILED, now, resources, detail);
    }

    /**
     * {@code Snapshot Failed}, reason {@code invalid-request}: a pre-deploy request that names no usable cluster
     * or carries an unusable label, reported with whatever it did carry.
     */
    public static OutcomeEvent preDeployRejected(PreDeployRequest.Source source, String reference, Optional<String> jobId,
                                                 Optional<String> label, String message, String functionName,
                                                 String requestId, Instant now) {
        Map<String, Object> detail = header(functionName, requestId);
        detail.put("kind", SnapshotKind.PRE_DEPLOY.word());
        detail.put("outcome", ClusterOutcome.Status.FAILED.toString());
        detail.put("reason", PreDeployOutcome.Reason.INVALID_REQUEST.code());
        detail.put("message", message);
        detail.put("retryable", false);
        detail.put("alreadyExisted", false);
        label.ifPresent(l -> detail.put("label", l));
        detail.put("trigger", preDeployTrigger(source, reference, jobId));
        return new OutcomeEvent(SNAPSHOT_FAILED, now, List.of(), detail);
    }

    private static Map<String, Object> preDeployTrigger(PreDeployRequest.Source source, String reference, Optional<String> jobId) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", source.toString());
        map.put("reference", reference);
        jobId.ifPresent(id -> map.put("jobId", id));
        return map;
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

    static Map<String, Object> header(String functionName, String requestId) {
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
