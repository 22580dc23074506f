package dev.auroraguard.handler;

import dev.auroraguard.domain.ClusterOutcome;
import dev.auroraguard.domain.ClusterOutcome.Status;
import dev.auroraguard.domain.QuotaUsage;
import dev.auroraguard.domain.SnapshotTrigger;
import dev.auroraguard.port.OutcomeEvents.FailedEvent;
import dev.auroraguard.port.OutcomeEvents.PublishResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of one scheduled-snapshot run: every cluster's outcome, the quota check and what became
 * of the outcome events. {@link #needsRetry()} is the error policy in one line.
 */
public record RunReport(SnapshotTrigger trigger, String requestId, List<ClusterOutcome> outcomes, QuotaCheck quota,
                        PublishResult events) {

    public RunReport {
        outcomes = List.copyOf(outcomes);
    }

    public List<ClusterOutcome> withStatus(Status status) {
        return outcomes.stream().filter(o -> o.status() == status).toList();
    }

    public List<ClusterOutcome> retryableFailures() {
        return outcomes.stream().filter(ClusterOutcome::retryable).toList();
    }

    public List<FailedEvent> retryableEventFailures() {
        return events.failed().stream().filter(FailedEvent::retryable).toList();
    }

    /** The invocation fails, so that Lambda retries it, only when something retryable failed. */
    public boolean needsRetry() {
        return !retryableFailures().isEmpty() || !retryableEventFailures().isEmpty();
    }

    /** The invocation's return value: plain maps and lists, printed by {@code ./aurora-guard invoke}. */
    public Map<String, Object> toMap(String functionName) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("function", functionName);
        map.put("requestId", requestId);
        Map<String, Object> triggerMap = new LinkedHashMap<>();
        triggerMap.put("type", trigger.type().toString());
        triggerMap.put("reference", trigger.reference());
        triggerMap.put("slot", trigger.slot().toString());
        trigger.rule().ifPresent(rule -> triggerMap.put("rule", rule));
        if (trigger.slotFromInvocationTime()) {
            triggerMap.put("slotFromInvocationTime", true);
        }
        map.put("trigger", triggerMap);
        map.put("succeeded", withStatus(Status.STARTED).stream().map(RunReport::outcomeMap).toList());
        map.put("skipped", withStatus(Status.SKIPPED).stream().map(RunReport::outcomeMap).toList());
        map.put("failed", withStatus(Status.FAILED).stream().map(RunReport::outcomeMap).toList());
        map.put("quota", quota.toMap());
        map.put("events", PublishedEvents.toMapNamingCluster(events));
        map.put("retry", needsRetry());
        return map;
    }

    /** A one-line account of what must be retried, for the exception that makes Lambda retry. */
    public String retrySummary(String functionName) {
        List<String> parts = new ArrayList<>();
        for (ClusterOutcome o : retryableFailures()) {
            parts.add(o.clusterId() + " (" + o.reason().code() + ": " + o.message() + ")");
        }
        StringBuilder text = new StringBuilder(functionName).append(" slot ").append(trigger.slot())
                .append(": retryable failure, Lambda will retry the invocation.");
        if (!parts.isEmpty()) {
            text.append(" Clusters: ").append(String.join("; ", parts)).append('.');
        }
        if (!retryableEventFailures().isEmpty()) {
            text.append(" Outcome events not published: ").append(retryableEventFailures().size()).append('.');
        }
        text.append(" Succeeded: ").append(withStatus(Status.STARTED).stream().map(ClusterOutcome::clusterId).toList())
                .append(", skipped: ").append(withStatus(Status.SKIPPED).stream().map(ClusterOutcome::clusterId).toList())
                .append(", failed: ").append(withStatus(Status.FAILED).stream().map(ClusterOutcome::clusterId).toList())
                .append('.');
        return text.toString();
    }

    private static Map<String, Object> outcomeMap(ClusterOutcome o) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("cluster", o.clusterId());
        map.put("snapshot", o.snapshotId());
        map.put("reason", o.reason().code());
        o.snapshotStatus().ifPresent(s -> map.put("snapshotStatus", s));
        if (o.alreadyExisted()) {
            map.put("alreadyExisted", true);
        }
        if (o.status() == Status.FAILED) {
            map.put("retryable", o.retryable());
        }
        o.quota().ifPresent(q -> map.put("quota", Map.of("used", q.used(), "max", q.max())));
        if (!o.droppedTagKeys().isEmpty()) {
            map.put("droppedTagKeys", o.droppedTagKeys());
        }
        map.put("message", o.message());
        return map;
    }

    /**
     * The quota check made before creating snapshots.
     *
     * @param usage   the ManualClusterSnapshots usage, when RDS reported it
     * @param warned  whether usage reached the warning share (a warning event was published)
     * @param problem why the quota could not be read, when it could not (the run went on regardless)
     */
    public record QuotaCheck(Optional<QuotaUsage> usage, boolean warned, Optional<String> problem) {

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            usage.ifPresent(u -> {
                map.put("name", u.name());
                map.put("used", u.used());
                map.put("max", u.max());
            });
            map.put("warning", warned);
            problem.ifPresent(p -> map.put("unavailable", p));
            return map;
        }
    }
}
