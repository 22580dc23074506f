package dev.auroraguard.handler;

import dev.auroraguard.config.RestoreSettings;
import dev.auroraguard.domain.TagScheme;
import dev.auroraguard.domain.restore.ClusterDetails;
import dev.auroraguard.domain.restore.DbInstance;
import dev.auroraguard.domain.restore.PlannedInstance;
import dev.auroraguard.domain.restore.RestoreNamer;
import dev.auroraguard.domain.restore.RestoreProgress;
import dev.auroraguard.domain.restore.RestoredCluster;
import dev.auroraguard.event.OutcomeEvent;
import dev.auroraguard.event.RestoreEventSchema;
import dev.auroraguard.handler.StructuredLog.Level;
import dev.auroraguard.port.ClusterRestores;
import dev.auroraguard.port.OutcomeEvents;
import dev.auroraguard.port.OutcomeEvents.PublishResult;
import dev.auroraguard.port.ServiceCallException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The progress side of the restore workflow, as an idempotent reconciler: it reads a restored cluster and
 * its instances from RDS (the cluster's tags say what it is and what it should get), performs the next
 * missing step, and records the outcome on the cluster. It keeps no state of its own and waits for nothing:
 * an RDS event or the next sweep runs it again. Safe to run any number of times, for any event, in any order.
 */
final class RestoreReconciler {

    private final ClusterRestores rds;
    private final OutcomeEvents events;
    private final RestoreCutover cutover;
    private final RestoreSettings settings;
    private final Clock clock;
    private final StructuredLog log;
    private final String functionName;

    RestoreReconciler(ClusterRestores rds, OutcomeEvents events, RestoreCutover cutover, RestoreSettings settings, Clock clock,
                      StructuredLog log, String functionName) {
        this.rds = rds;
        this.events = events;
        this.cutover = cutover;
        this.settings = settings;
        this.clock = clock;
        this.log = log;
        this.functionName = functionName;
    }

    /**
     * What one look at one cluster did.
     *
     * @param action    {@code wait}, {@code create-instances}, {@code complete}, {@code fail}, {@code cutover}, {@code none}
     * @param retryable whether something failed that a later run can fix (the invocation then fails)
     */
    record Decision(String cluster, String action, String reason, String message, boolean retryable) {

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("cluster", cluster);
            map.put("action", action);
            map.put("reason", reason);
            map.put("message", message);
            if (retryable) {
                map.put("retryable", true);
            }
            return map;
        }
    }

    /** Looks at one cluster (named by an RDS event): moves it on if it is a restore in flight. */
    Decision reconcile(String clusterId, String requestId) {
        try {
            Optional<ClusterDetails> cluster = rds.describeCluster(clusterId);
            if (cluster.isEmpty()) {
                return decided(Level.INFO, new Decision(clusterId, "none", "cluster-gone", "cluster " + clusterId + " no longer exists", false));
            }
            Optional<RestoredCluster> restore = readable(cluster.get());
            if (restore.isEmpty()) {
                return decided(Level.DEBUG, new Decision(clusterId, "none", "not-a-restore", "cluster " + clusterId
                        + " was not restored by aurora-guard", false));
            }
            return reconcile(restore.get(), requestId);
        } catch (IllegalArgumentException e) {
            return decided(Level.ERROR, new Decision(clusterId, "none", "unreadable-tags", e.getMessage(), false));
        } catch (ServiceCallException e) {
            return decided(Level.ERROR, new Decision(clusterId, "none", "aws-error", e.getMessage(), e.retryable()));
        }
    }

    /** Looks at every restore in flight (and every completed one still owed its automatic cutover). */
    List<Decision> sweep(String requestId) {
        List<Decision> decisions = new ArrayList<>();
        for (ClusterDetails cluster : rds.listClusters()) {
            Optional<RestoredCluster> restore;
            try {
                restore = readable(cluster);
            } catch (IllegalArgumentException e) {
                decisions.add(decided(Level.ERROR, new Decision(cluster.id(), "none", "unreadable-tags", e.getMessage(), false)));
                continue;
            }
            if (restore.isPresent() && (restore.get().inFlight() || cutover.owedAutomatically(restore.get()))) {
                try {
                    decisions.add(reconcile(restore.get(), requestId));
                } catch (ServiceCallException e) {
                    decisions.add(decided(Level.ERROR, new Decision(cluster.id(), "none", "aws-error", e.getMessage(), e.retryable())));
                }
            }
        }
        return decisions;
    }

    private Optional<RestoredCluster> readable(ClusterDetails cluster) {
        return RestoredCluster.from(cluster);
    }

    private Decision reconcile(RestoredCluster restore, String requestId) {
        if (!restore.inFlight()) {
            if (cutover.owedAutomatically(restore)) {
                RestoreCutover.Result result = cutover.cutover(restore, "auto", requestId);
                return new Decision(restore.id(), "cutover", result.reason(), result.message(), result.retryable());
            }
            return decided(Level.DEBUG, new Decision(restore.id(), "none", restore.completedAt().isPresent() ? "completed" : "failed",
                    "restore " + restore.id() + " finished before", false));
        }
        RestoreProgress.Step step = RestoreProgress.next(restore, rds.instancesOf(restore.id()));
        if (step instanceof RestoreProgress.WaitForCluster wait) {
            return decided(Level.INFO, new Decision(restore.id(), "wait", "cluster-" + wait.status(), "restored cluster " + restore.id()
                    + " is " + wait.status() + "; its instances follow once it is available", false));
        }
        if (step instanceof RestoreProgress.ClusterFailed failed) {
            return fail(restore, "restore-cluster", "cluster-" + failed.status(), "RDS could not restore cluster " + restore.id()
                    + ": it is " + failed.status(), Optional.empty(), requestId);
        }
        if (step instanceof RestoreProgress.InstanceFailed failed) {
            return fail(restore, "create-instances", "instance-" + failed.status(), "instance " + failed.instanceId() + " of restored"
                    + " cluster " + restore.id() + " is " + failed.status(), Optional.empty(), requestId);
        }
        if (step instanceof RestoreProgress.CreateInstances create) {
            return createInstances(restore, create.missing(), requestId);
        }
        if (step instanceof RestoreProgress.WaitForInstances wait) {
            return decided(Level.INFO, new Decision(restore.id(), "wait", "instances-creating", "waiting for instances "
                    + wait.statusById() + " of restored cluster " + restore.id(), false));
        }
        if (step instanceof RestoreProgress.Complete complete) {
            return complete(restore, complete.instances(), requestId);
        }
        return decided(Level.DEBUG, new Decision(restore.id(), "none", "finished", "restore " + restore.id() + " finished before", false));
    }

    private Decision createInstances(RestoredCluster restore, List<PlannedInstance> missing, String requestId) {
        List<String> created = new ArrayList<>();
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(TagScheme.MANAGED, TagScheme.TRUE);
        tags.put(TagScheme.KIND, TagScheme.KIND_RESTORE);
        tags.put(TagScheme.RESTORED_FROM, restore.sourceCluster());
        Decision outcome = null;
        for (PlannedInstance instance : missing) {
            String id = RestoreNamer.instance(restore.id(), instance.ordinal());
            ClusterRestores.InstanceCreation result = rds.createInstance(restore, instance, tags);
            if (result instanceof ClusterRestores.InstanceCreated || result instanceof ClusterRestores.InstanceAlreadyExists) {
                created.add(id);
                log.info("instance " + id + " (" + instance.instanceClass() + (instance.writer() ? ", writer" : ", reader")
                        + ") requested for restored cluster " + restore.id(), RestoreStarter.fields(Optional.of(restore.sourceCluster()),
                        Optional.of(restore.id()), "create-instance", result instanceof ClusterRestores.InstanceCreated ? "created"
                                : "already-exists"));
            } else if (result instanceof ClusterRestores.ClusterNotReady notReady) {
                // RDS refuses instances while the cluster is still creating or busy: the next prompt tries again.
                outcome = decided(Level.INFO, new Decision(restore.id(), "wait", "cluster-not-ready", "RDS does not take instances"
                        + " for " + restore.id() + " yet: " + notReady.message(), false));
                break;
            } else {
                ClusterRestores.InstanceRefused refused = (ClusterRestores.InstanceRefused) result;
                // Any instance already requested keeps its place; the restore stops here and says why.
                return fail(restore, "create-instances", "rds-refused", "RDS refused instance " + id + " (" + instance.instanceClass()
                        + ") of restored cluster " + restore.id() + " (" + refused.errorCode() + "): " + refused.message(),
                        Optional.of(refused.errorCode()), requestId);
            }
        }
        if (!created.isEmpty()) {
            String message = "restored cluster " + restore.id() + " is available; instances " + created + " requested";
            PublishResult published = publish(RestoreEventSchema.progress(restore, "instances-requested", created, message,
                    functionName, requestId, clock.instant()));
            boolean retry = published.failed().stream().anyMatch(OutcomeEvents.FailedEvent::retryable);
            return outcome != null ? outcome : new Decision(restore.id(), "create-instances", "instances-requested", message, retry);
        }
        return outcome;
    }

    private Decision complete(RestoredCluster restore, List<DbInstance> instances, String requestId) {
        // Completed when RDS finished the last instance (not when this run noticed): the elapsed time is the restore's own.
        Instant now = instances.stream().map(DbInstance::createTime).flatMap(Optional::stream).max(Instant::compareTo)
                .orElseGet(clock::instant);
        String message = "restore completed: " + restore.sourceCluster() + " as of " + restore.restoreTime() + " is available as "
                + restore.id() + "; writer endpoint " + restore.cluster().endpoint().orElse("(none)") + ", reader endpoint "
                + restore.cluster().readerEndpoint().orElse("(none)");
        // Publish first, then record: a failure in between can repeat the event, never lose it.
        PublishResult published = publish(RestoreEventSchema.completed(restore, instances, restore.cluster().writerInstance(), message,
                functionName, requestId, now));
        if (!published.allPublished()) {
            boolean retry = published.failed().stream().anyMatch(OutcomeEvents.FailedEvent::retryable);
            return decided(Level.ERROR, new Decision(restore.id(), "complete", "event-not-published", "Restore Completed for "
                    + restore.id() + " was not published; the next run publishes it", retry));
        }
        rds.tag(restore, Map.of(TagScheme.RESTORE_COMPLETED, now.toString()));
        Map<String, Object> fields = RestoreStarter.fields(Optional.of(restore.sourceCluster()), Optional.of(restore.id()), "complete",
                "completed");
        fields.put("restoredTo", restore.restoreTime().toString());
        restore.cluster().endpoint().ifPresent(e -> fields.put("writerEndpoint", e));
        fields.put("elapsedSeconds", java.time.Duration.between(restore.requestedAt(), now).toSeconds());
        log.info(message, fields);
        if (settings.cutoverMode() == RestoreSettings.CutoverMode.AUTO && settings.cutoverParameter().isPresent()) {
            RestoreCutover.Result result = cutover.cutover(restore, "auto", requestId);
            return new Decision(restore.id(), "complete", "completed", message + "; " + result.message(), result.retryable());
        }
        return new Decision(restore.id(), "complete", "completed", message, false);
    }

    private Decision fail(RestoredCluster restore, String step, String reason, String message, Optional<String> rdsErrorCode,
                          String requestId) {
        Instant now = clock.instant();
        PublishResult published = publish(RestoreEventSchema.restoreFailed(restore, step, reason, message, rdsErrorCode, functionName,
                requestId, now));
        if (!published.allPublished()) {
            boolean retry = published.failed().stream().anyMatch(OutcomeEvents.FailedEvent::retryable);
            return decided(Level.ERROR, new Decision(restore.id(), "fail", "event-not-published", message
                    + " (Restore Failed not published; the next run tries again)", retry));
        }
        rds.tag(restore, Map.of(TagScheme.RESTORE_FAILED, now.toString(), TagScheme.RESTORE_FAILED_STEP, step));
        return decided(Level.ERROR, new Decision(restore.id(), "fail", reason, message, false));
    }

    private PublishResult publish(OutcomeEvent event) {
        return RestoreStarter.publish(events, log, settings.eventBusName(), event);
    }

    private Decision decided(Level level, Decision decision) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("restoredCluster", decision.cluster());
        fields.put("action", decision.action());
        fields.put("reason", decision.reason());
        if (decision.retryable()) {
            fields.put("retryable", true);
        }
        log.log(level, decision.message(), fields);
        return decision;
    }
}
