package dev.auroraguard.event;

import dev.auroraguard.domain.restore.DbInstance;
import dev.auroraguard.domain.restore.PlannedInstance;
import dev.auroraguard.domain.restore.RestoreNamer;
import dev.auroraguard.domain.restore.RestoreRequest;
import dev.auroraguard.domain.restore.RestoredCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The restore workflow's outcome events (schema version {@value OutcomeEventSchema#SCHEMA_VERSION}, source
 * {@value OutcomeEventSchema#SOURCE}): {@code Restore Started}, {@code Restore Skipped}, {@code Restore Progress},
 * {@code Restore Completed}, {@code Restore Failed}, {@code Restore Cutover Completed}, {@code Restore Cutover Failed}.
 * Every detail names {@code sourceCluster}; once a restored cluster exists, {@code restoredCluster} too, so a
 * consumer can follow one restore from request to completion. Absent optional fields are left out.
 */
public final class RestoreEventSchema {

    private RestoreEventSchema() {
    }

    /** RDS accepted the restore (or had accepted it before: {@code alreadyExisted}). */
    public static OutcomeEvent started(RestoreRequest request, String restoredCluster, String restoredClusterArn, Instant restoredTo,
                                       Optional<Instant> clampedFrom, List<PlannedInstance> plan, boolean alreadyExisted,
                                       List<String> droppedTagKeys, String message, String functionName, String requestId, Instant now) {
        Map<String, Object> detail = OutcomeEventSchema.header(functionName, requestId);
        request(detail, request);
        detail.put("restoredCluster", restoredCluster);
        detail.put("restoredClusterArn", restoredClusterArn);
        detail.put("restoredTo", restoredTo.toString());
        clampedFrom.ifPresent(c -> detail.put("clampedFrom", c.toString()));
        detail.put("instances", plan.stream().map(p -> plannedInstance(restoredCluster, p)).toList());
        detail.put("alreadyExisted", alreadyExisted);
        if (!droppedTagKeys.isEmpty()) {
            detail.put("droppedTagKeys", droppedTagKeys);
        }
        detail.put("message", message);
        return new OutcomeEvent(OutcomeEventSchema.RESTORE_STARTED, now, List.of(restoredClusterArn), detail);
    }

    /**
     * A guard rail held the request back; nothing was created.
     *
     * @param reason      {@code restore-in-flight} or {@code cooldown} (the detail's {@code skipReason})
     * @param blockingCluster the restored cluster that holds it back
     */
    public static OutcomeEvent skipped(RestoreRequest request, String reason, String message, Optional<String> blockingCluster,
                                       Optional<Instant> until, String functionName, String requestId, Instant now) {
        Map<String, Object> detail = OutcomeEventSchema.header(functionName, requestId);
        request(detail, request);
        detail.put("skipReason", reason);
        blockingCluster.ifPresent(c -> detail.put("blockingCluster", c));
        until.ifPresent(u -> detail.put("until", u.toString()));
        detail.put("message", message);
        return new OutcomeEvent(OutcomeEventSchema.RESTORE_SKIPPED, now, List.of(), detail);
    }

    /**
     * The restore could not be started; nothing was created.
     *
     * @param sourceCluster the source, when the request named one
     * @param request       the request, when it could be read
     * @param step          {@code validate} or {@code restore-cluster}
     * @param rdsErrorCode  RDS's error code, when RDS refused
     */
    public static OutcomeEvent requestFailed(Optional<String> sourceCluster, Optional<RestoreRequest> request, String reference,
                                             String step, String reason, String message, boolean retryable,
                                             Optional<String> rdsErrorCode, String functionName, String requestId, Instant now) {
        Map<String, Object> detail = OutcomeEventSchema.header(functionName, requestId);
        if (request.isPresent()) {
            request(detail, request.get());
        } else {
            sourceCluster.ifPresent(s -> detail.put("sourceCluster", s));
            detail.put("trigger", Map.of("reference", reference));
        }
        failure(detail, step, reason, message, retryable, rdsErrorCode);
        return new OutcomeEvent(OutcomeEventSchema.RESTORE_FAILED, now, List.of(), detail);
    }

    /** The restored cluster exists but the workflow can't finish it ({@code cluster}, {@code create-instances}, {@code instance}). */
    public static OutcomeEvent restoreFailed(RestoredCluster restore, String step, String reason, String message,
                                             Optional<String> rdsErrorCode, String functionName, String requestId, Instant now) {
        Map<String, Object> detail = OutcomeEventSchema.header(functionName, requestId);
        restore(detail, restore);
        failure(detail, step, reason, message, false, rdsErrorCode);
        return new OutcomeEvent(OutcomeEventSchema.RESTORE_FAILED, now, List.of(restore.cluster().arn()), detail);
    }

    /** The cluster became available and its instances were requested. */
    public static OutcomeEvent progress(RestoredCluster restore, String step, List<String> instancesRequested, String message,
                                        String functionName, String requestId, Instant now) {
        Map<String, Object> detail = OutcomeEventSchema.header(functionName, requestId);
        restore(detail, restore);
        detail.put("step", step);
        detail.put("instancesRequested", instancesRequested);
        detail.put("message", message);
        return new OutcomeEvent(OutcomeEventSchema.RESTORE_PROGRESS, now, List.of(restore.cluster().arn()), detail);
    }

    /** The restored cluster and its instances are available: where to connect, to what point in time, how long it took. */
    public static OutcomeEvent completed(RestoredCluster restore, List<DbInstance> instances, Optional<String> writerInstance,
                                         String message, String functionName, String requestId, Instant now) {
        Map<String, Object> detail = OutcomeEventSchema.header(functionName, requestId);
        restore(detail, restore);
        restore.cluster().endpoint().ifPresent(e -> detail.put("writerEndpoint", e));
        restore.cluster().readerEndpoint().ifPresent(e -> detail.put("readerEndpoint", e));
        detail.put("port", restore.cluster().port());
        List<Map<String, Object>> list = new ArrayList<>();
        for (DbInstance i : instances) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("instanceId", i.id());
            m.put("instanceClass", i.instanceClass());
            m.put("role", writerInstance.map(w -> w.equals(i.id()) ? "writer" : "reader").orElse("unknown"));
            i.endpoint().ifPresent(e -> m.put("endpoint", e));
            list.add(m);
        }
        detail.put("instances", list);
        detail.put("requestedAt", restore.requestedAt().toString());
        detail.put("completedAt", now.toString());
        Duration elapsed = Duration.between(restore.requestedAt(), now);
        detail.put("elapsedSeconds", Math.max(0, elapsed.toSeconds()));
        detail.put("elapsed", elapsed.isNegative() ? Duration.ZERO.toString() : elapsed.withNanos(0).toString());
        detail.put("message", message);
        return new OutcomeEvent(OutcomeEventSchema.RESTORE_COMPLETED, now, List.of(restore.cluster().arn()), detail);
    }

    /** The application parameter now names the restored cluster's writer endpoint. */
    public static OutcomeEvent cutoverCompleted(RestoredCluster restore, String parameter, Optional<String> previousValue,
                                                Optional<Long> previousVersion, String newValue, long newVersion, String trigger,
                                                String message, String functionName, String requestId, Instant now) {
        Map<String, Object> detail = OutcomeEventSchema.header(functionName, requestId);
        restore(detail, restore);
        detail.put("parameter", parameter);
        previousValue.ifPresent(v -> detail.put("previousValue", v));
        previousVersion.ifPresent(v -> detail.put("previousVersion", v));
        detail.put("newValue", newValue);
        detail.put("newVersion", newVersion);
        detail.put("cutoverTrigger", trigger);
        detail.put("message", message);
        return new OutcomeEvent(OutcomeEventSchema.RESTORE_CUTOVER_COMPLETED, now, List.of(restore.cluster().arn()), detail);
    }

    /** The application parameter was not changed. */
    public static OutcomeEvent cutoverFailed(String restoredCluster, Optional<RestoredCluster> restore, String parameter, String reason,
                                             String message, boolean retryable, String functionName, String requestId, Instant now) {
        Map<String, Object> detail = OutcomeEventSchema.header(functionName, requestId);
        if (restore.isPresent()) {
            restore(detail, restore.get());
        } else {
            detail.put("restoredCluster", restoredCluster);
        }
        detail.put("parameter", parameter);
        detail.put("reason", reason);
        detail.put("retryable", retryable);
        detail.put("message", message);
        return new OutcomeEvent(OutcomeEventSchema.RESTORE_CUTOVER_FAILED, now,
                restore.map(r -> List.of(r.cluster().arn())).orElse(List.of()), detail);
    }

    private static void request(Map<String, Object> detail, RestoreRequest request) {
        detail.put("sourceCluster", request.sourceCluster());
        detail.put("requestedRestorePoint", request.point().toString());
        request.targetCluster().ifPresent(t -> detail.put("requestedTargetCluster", t));
        detail.put("restoreType", request.restoreType().word());
        detail.put("origin", request.origin().word());
        detail.put("reason", request.reason());
        detail.put("requestedBy", request.requestedBy());
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("reference", request.reference());
        trigger.put("time", request.requestedAt().toString());
        detail.put("trigger", trigger);
    }

    private static void restore(Map<String, Object> detail, RestoredCluster restore) {
        detail.put("sourceCluster", restore.sourceCluster());
        detail.put("restoredCluster", restore.id());
        detail.put("restoredClusterArn", restore.cluster().arn());
        detail.put("restoredTo", restore.restoreTime().toString());
        restore.snapshot().ifPresent(s -> detail.put("snapshot", s));
        detail.put("restoreType", restore.restoreType().word());
        detail.put("origin", restore.origin().word());
        detail.put("reason", restore.reason());
        detail.put("requestedBy", restore.requestedBy());
        detail.put("trigger", Map.of("reference", restore.requestReference()));
    }

    private static void failure(Map<String, Object> detail, String step, String reason, String message, boolean retryable,
                                Optional<String> rdsErrorCode) {
        detail.put("step", step);
        // A failure's reason code; the request's own reason (why it was asked) stays under "reason" when present.
        detail.put("failure", reason);
        rdsErrorCode.ifPresent(c -> detail.put("rdsErrorCode", c));
        detail.put("retryable", retryable);
        detail.put("message", message);
    }

    private static Map<String, Object> plannedInstance(String restoredCluster, PlannedInstance p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instanceId", RestoreNamer.instance(restoredCluster, p.ordinal()));
        m.put("instanceClass", p.instanceClass());
        p.parameterGroup().ifPresent(g -> m.put("parameterGroup", g));
        m.put("role", p.writer() ? "writer" : "reader");
        return m;
    }
}
