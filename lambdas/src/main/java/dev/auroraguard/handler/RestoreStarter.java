package dev.auroraguard.handler;

import dev.auroraguard.config.RestoreSettings;
import dev.auroraguard.domain.Snapshot;
import dev.auroraguard.domain.restore.ClusterDetails;
import dev.auroraguard.domain.restore.DbInstance;
import dev.auroraguard.domain.restore.InstancePlanner;
import dev.auroraguard.domain.restore.PlannedInstance;
import dev.auroraguard.domain.restore.RestoreGuard;
import dev.auroraguard.domain.restore.RestoreNamer;
import dev.auroraguard.domain.restore.RestorePoint;
import dev.auroraguard.domain.restore.RestoreRequest;
import dev.auroraguard.domain.restore.RestoreSpec;
import dev.auroraguard.domain.restore.RestoreWindow;
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
 * Starts one restore: validates it against what RDS says (the source exists and is restorable, the instant
 * lies in its window, the snapshot is the source's and available, the target is free or already this very
 * restore), applies the guard rails, and calls RDS once. Every outcome is logged and published; nothing is
 * created unless every check passed.
 */
final class RestoreStarter {

    private final ClusterRestores rds;
    private final OutcomeEvents events;
    private final RestoreSettings settings;
    private final Clock clock;
    private final StructuredLog log;
    private final String functionName;

    RestoreStarter(ClusterRestores rds, OutcomeEvents events, RestoreSettings settings, Clock clock, StructuredLog log,
                   String functionName) {
        this.rds = rds;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.log = log;
        this.functionName = functionName;
    }

    /** What became of one restore request. */
    record Outcome(String outcome, String reason, String message, Optional<String> sourceCluster, Optional<String> restoredCluster,
                   Optional<Instant> restoredTo, Optional<Instant> clampedFrom, boolean retryable, PublishResult events) {

        boolean needsRetry() {
            return retryable || events.failed().stream().anyMatch(OutcomeEvents.FailedEvent::retryable);
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("outcome", outcome);
            map.put("reason", reason);
            sourceCluster.ifPresent(s -> map.put("sourceCluster", s));
            restoredCluster.ifPresent(c -> map.put("restoredCluster", c));
            restoredTo.ifPresent(t -> map.put("restoredTo", t.toString()));
            clampedFrom.ifPresent(t -> map.put("clampedFrom", t.toString()));
            map.put("message", message);
            map.put("events", Map.of("published", events.published(), "failed", events.failed().stream()
                    .map(f -> Map.of("detailType", f.event().detailType(), "errorCode", String.valueOf(f.errorCode()), "retryable", f.retryable()))
                    .toList()));
            map.put("retry", needsRetry());
            return map;
        }
    }

    /** A request that was refused before it reached RDS, or an alarm that names no cluster: one Restore Failed event. */
    Outcome reject(Optional<String> sourceCluster, Optional<RestoreRequest> request, String reference, String reason, String message,
                   String requestId) {
        log.log(Level.ERROR, "restore refused: " + message, fields(sourceCluster, Optional.empty(), "reject", reason));
        OutcomeEvent event = RestoreEventSchema.requestFailed(sourceCluster, request, reference, "validate", reason, message, false,
                Optional.empty(), functionName, requestId, clock.instant());
        return new Outcome("failed", reason, message, sourceCluster, Optional.empty(), Optional.empty(), Optional.empty(), false,
                publish(event));
    }

    Outcome start(RestoreRequest request, String requestId) {
        try {
            return validateAndStart(request, requestId);
        } catch (ServiceCallException e) {
            String message = "RDS could not be reached to start the restore of " + request.sourceCluster() + ": " + e.getMessage()
                    + (e.retryable() ? "; Lambda will retry the invocation" : "");
            log.log(Level.ERROR, message, with(fields(Optional.of(request.sourceCluster()), Optional.empty(), "fail", "aws-error"),
                    "retryable", e.retryable()));
            OutcomeEvent event = RestoreEventSchema.requestFailed(Optional.of(request.sourceCluster()), Optional.of(request),
                    request.reference(), "restore-cluster", "aws-error", message, e.retryable(), Optional.of(e.errorCode()), functionName,
                    requestId, clock.instant());
            return new Outcome("failed", "aws-error", message, Optional.of(request.sourceCluster()), Optional.empty(), Optional.empty(),
                    Optional.empty(), e.retryable(), publish(event));
        }
    }

    private Outcome validateAndStart(RestoreRequest request, String requestId) {
        String source = request.sourceCluster();
        Optional<ClusterDetails> found = rds.describeCluster(source);
        if (found.isEmpty()) {
            return reject(request, "source-not-found", "source cluster " + source + " does not exist in this account and region", requestId);
        }
        ClusterDetails sourceCluster = found.get();
        if (RestoredCluster.isRestore(sourceCluster) && request.origin() == dev.auroraguard.domain.restore.RestoreOrigin.ALARM) {
            return reject(request, "source-is-a-restore", "cluster " + source + " is itself an aurora-guard restore; alarms on it"
                    + " do not restore it again (ask with a Restore Requested event if that is really wanted)", requestId);
        }

        // The instant restored to, and the target cluster.
        Instant restoreTime;
        Optional<Instant> clampedFrom = Optional.empty();
        if (request.point() instanceof RestorePoint.FromSnapshot fromSnapshot) {
            Optional<Snapshot> snapshot = rds.describeSnapshot(fromSnapshot.snapshotId());
            if (snapshot.isEmpty()) {
                return reject(request, "snapshot-not-found", "cluster snapshot " + fromSnapshot.snapshotId() + " does not exist", requestId);
            }
            if (!snapshot.get().clusterId().equals(source)) {
                return reject(request, "snapshot-of-another-cluster", "cluster snapshot " + snapshot.get().id() + " was taken of "
                        + snapshot.get().clusterId() + ", not of the source cluster " + source, requestId);
            }
            if (!snapshot.get().isAvailable() || snapshot.get().createTime().isEmpty()) {
                return reject(request, "snapshot-not-available", "cluster snapshot " + snapshot.get().id() + " is "
                        + snapshot.get().status() + "; RDS restores only an available snapshot", requestId);
            }
            restoreTime = snapshot.get().createTime().get().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        } else {
            Optional<RestoreWindow> window = sourceCluster.window();
            if (window.isEmpty()) {
                return reject(request, "source-not-restorable", "source cluster " + source + " (status " + sourceCluster.status()
                        + ") has no restorable window yet", requestId);
            }
            if (request.point() instanceof RestorePoint.At at) {
                RestoreWindow.Fit fit = window.get().fit(at.instant());
                if (fit instanceof RestoreWindow.TooEarly early) {
                    return reject(request, "before-restore-window", "cannot restore " + source + " to " + early.requested()
                            + ": it is before the earliest restorable time; the restorable window is " + window.get()
                            + " (backups are kept " + "for the cluster's backup retention period)", requestId);
                }
                if (fit instanceof RestoreWindow.Clamped clamped) {
                    clampedFrom = Optional.of(clamped.requested());
                }
                restoreTime = fit.instant();
            } else {
                restoreTime = window.get().latestSecond();
            }
        }
        String target = request.targetCluster().orElseGet(() -> request.point() instanceof RestorePoint.FromSnapshot
                ? RestoreNamer.snapshotTarget(source, restoreTime)
                : RestoreNamer.pointInTimeTarget(source, restoreTime));

        // Guard rails: duplicates, one restore in flight per source, the alarm cooldown, a free target.
        List<ClusterDetails> clusters = rds.listClusters();
        List<RestoredCluster> restoresOfSource = new ArrayList<>();
        Optional<ClusterDetails> targetCluster = Optional.empty();
        for (ClusterDetails c : clusters) {
            if (c.id().equals(target)) {
                targetCluster = Optional.of(c);
            }
            readable(c).filter(r -> r.sourceCluster().equals(source)).ifPresent(restoresOfSource::add);
        }
        RestoreGuard.Decision decision = RestoreGuard.check(request, target, restoreTime, restoresOfSource, settings.alarmCooldown(),
                clock.instant());
        if (decision instanceof RestoreGuard.Duplicate duplicate) {
            return started(request, duplicate.existing().cluster(), restoreTime, clampedFrom, duplicate.existing().plan(), true,
                    List.of(), requestId);
        }
        if (targetCluster.isPresent()) {
            return reject(request, "target-exists", "cluster " + target + " already exists and is not this restore of " + source
                    + " to " + restoreTime + "; name another targetCluster", requestId);
        }
        if (decision instanceof RestoreGuard.InFlight inFlight) {
            return skip(request, "restore-in-flight", "restore " + inFlight.other().id() + " of " + source + " (to "
                    + inFlight.other().restoreTime() + ") is still in progress; one restore per source cluster at a time",
                    Optional.of(inFlight.other().id()), Optional.empty(), requestId);
        }
        if (decision instanceof RestoreGuard.Cooldown cooldown) {
            return skip(request, "cooldown", "alarm-triggered restore " + cooldown.last().id() + " of " + source + " finished at "
                    + cooldown.last().finishedAt().orElseThrow() + "; alarms do not restore " + source + " again before "
                    + cooldown.until() + " (" + RestoreSettings.ALARM_COOLDOWN + ")", Optional.of(cooldown.last().id()),
                    Optional.of(cooldown.until()), requestId);
        }

        // The instances the restored cluster will get, from the source's.
        List<DbInstance> sourceInstances = rds.instancesOf(source);
        InstancePlanner.Result planned = InstancePlanner.plan(sourceCluster, sourceInstances, settings.readers(), settings.instanceClass());
        if (planned instanceof InstancePlanner.Impossible impossible) {
            return reject(request, "no-instance-plan", impossible.reason(), requestId);
        }
        List<PlannedInstance> plan = ((InstancePlanner.Planned) planned).instances();
        RestoredCluster.NewClusterTags tags = RestoredCluster.tagsFor(request, restoreTime, plan, sourceCluster.tags());
        RestoreSpec spec = RestoreSpec.of(request, sourceCluster, target, restoreTime, tags.tags());

        ClusterRestores.RestoreStart result = rds.restore(spec);
        if (result instanceof ClusterRestores.Started started) {
            return started(request, started.cluster(), restoreTime, clampedFrom, plan, false, tags.droppedKeys(), requestId);
        }
        if (result instanceof ClusterRestores.ClusterAlreadyExists) {
            // Another delivery of the same request won the race between our check and our call.
            Optional<RestoredCluster> existing = rds.describeCluster(target).flatMap(this::readable)
                    .filter(r -> r.sourceCluster().equals(source) && r.restoreTime().equals(restoreTime));
            if (existing.isPresent()) {
                return started(request, existing.get().cluster(), restoreTime, clampedFrom, existing.get().plan(), true, List.of(),
                        requestId);
            }
            return reject(request, "target-exists", "cluster " + target + " already exists and is not this restore of " + source,
                    requestId);
        }
        ClusterRestores.RestoreRefused refused = (ClusterRestores.RestoreRefused) result;
        String message = "RDS refused to restore " + source + " into " + target + " (" + refused.errorCode() + "): " + refused.message();
        log.log(Level.ERROR, message, fields(Optional.of(source), Optional.of(target), "fail", "rds-refused"));
        OutcomeEvent event = RestoreEventSchema.requestFailed(Optional.of(source), Optional.of(request), request.reference(),
                "restore-cluster", "rds-refused", message, false, Optional.of(refused.errorCode()), functionName, requestId, clock.instant());
        return new Outcome("failed", "rds-refused", message, Optional.of(source), Optional.of(target), Optional.of(restoreTime),
                clampedFrom, false, publish(event));
    }

    private Optional<RestoredCluster> readable(ClusterDetails cluster) {
        try {
            return RestoredCluster.from(cluster);
        } catch (IllegalArgumentException e) {
            log.warn(e.getMessage(), fields(Optional.empty(), Optional.of(cluster.id()), "read-restore", "unreadable-tags"));
            return Optional.empty();
        }
    }

    private Outcome started(RestoreRequest request, ClusterDetails restored, Instant restoreTime, Optional<Instant> clampedFrom,
                            List<PlannedInstance> plan, boolean alreadyExisted, List<String> droppedTagKeys, String requestId) {
        String message = (alreadyExisted ? "restore already started: " : "restore started: ") + request.sourceCluster() + " to "
                + restoreTime + " into new cluster " + restored.id()
                + clampedFrom.map(c -> " (asked for " + c + ", after the latest restorable time)").orElse("")
                + "; instances follow once RDS has restored the cluster";
        Map<String, Object> logFields = fields(Optional.of(request.sourceCluster()), Optional.of(restored.id()), "restore",
                alreadyExisted ? "already-started" : "started");
        logFields.put("restoredTo", restoreTime.toString());
        clampedFrom.ifPresent(c -> logFields.put("clampedFrom", c.toString()));
        if (!droppedTagKeys.isEmpty()) {
            logFields.put("droppedTagKeys", droppedTagKeys);
        }
        log.info(message, logFields);
        OutcomeEvent event = RestoreEventSchema.started(request, restored.id(), restored.arn(), restoreTime, clampedFrom, plan,
                alreadyExisted, droppedTagKeys, message, functionName, requestId, clock.instant());
        return new Outcome(alreadyExisted ? "already-started" : "started", alreadyExisted ? "already-started" : "started", message,
                Optional.of(request.sourceCluster()), Optional.of(restored.id()), Optional.of(restoreTime), clampedFrom, false,
                publish(event));
    }

    private Outcome skip(RestoreRequest request, String reason, String message, Optional<String> blocking, Optional<Instant> until,
                         String requestId) {
        log.warn("restore not started: " + message, fields(Optional.of(request.sourceCluster()), blocking, "skip", reason));
        OutcomeEvent event = RestoreEventSchema.skipped(request, reason, message, blocking, until, functionName, requestId, clock.instant());
        return new Outcome("skipped", reason, message, Optional.of(request.sourceCluster()), Optional.empty(), Optional.empty(),
                Optional.empty(), false, publish(event));
    }

    private Outcome reject(RestoreRequest request, String reason, String message, String requestId) {
        return reject(Optional.of(request.sourceCluster()), Optional.of(request), request.reference(), reason, message, requestId);
    }

    private PublishResult publish(OutcomeEvent event) {
        return publish(events, log, settings.eventBusName(), event);
    }

    /** Publishes one outcome event; each refusal is an ERROR line (the caller decides whether it is retried). */
    static PublishResult publish(OutcomeEvents events, StructuredLog log, String bus, OutcomeEvent event) {
        PublishResult result = events.publish(List.of(event));
        for (OutcomeEvents.FailedEvent f : result.failed()) {
            log.error("outcome event not published to bus " + bus, Map.of("action", "publish-event",
                    "detailType", f.event().detailType(), "reason", String.valueOf(f.errorCode()), "retryable", f.retryable(),
                    "errorMessage", String.valueOf(f.errorMessage())));
        }
        return result;
    }

    static Map<String, Object> fields(Optional<String> source, Optional<String> restored, String action, String reason) {
        Map<String, Object> map = new LinkedHashMap<>();
        source.ifPresent(s -> map.put("cluster", s));
        restored.ifPresent(r -> map.put("restoredCluster", r));
        map.put("action", action);
        map.put("reason", reason);
        return map;
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        map.put(key, value);
        return map;
    }
}
