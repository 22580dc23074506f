package dev.auroraguard.event;

import dev.auroraguard.domain.ClusterOutcome;
import dev.auroraguard.domain.QuotaUsage;
import dev.auroraguard.domain.Snapshot;
import dev.auroraguard.domain.SnapshotKind;
import dev.auroraguard.domain.SnapshotTrigger;
import dev.auroraguard.domain.TagScheme;
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
        detail.put("confirmedBy", confirmedBy);
        rdsEventId.ifPresent(id -> detail.put("rdsEventId", id));
        detail.put("message", "snapshot " + snapshot.id() + " of " + snapshot.clusterId() + " is available");
        return new OutcomeEvent(SNAPSHOT_AVAILABLE, now, List.of(snapshot.arn()), detail);
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
