package dev.auroraguard.handler;

import dev.auroraguard.domain.retention.CleanupTrigger;
import dev.auroraguard.domain.retention.ClusterCleanup;
import dev.auroraguard.domain.retention.DeletionBudget;
import dev.auroraguard.domain.retention.DeletionOutcome;
import dev.auroraguard.domain.retention.DeletionOutcome.Result;
import dev.auroraguard.port.OutcomeEvents.FailedEvent;
import dev.auroraguard.port.OutcomeEvents.PublishResult;
import dev.auroraguard.port.SnapshotInventory.Inventory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of one cleanup run: the listing, every cluster's cleanup and what became of the outcome
 * events. {@link #needsRetry()} is the error policy in one line.
 *
 * @param listing            what the listing read (snapshots of every cluster) and whether it was complete
 * @param unselectedSnapshots listed manual snapshots of clusters outside the selection (left alone)
 * @param missingClusters    listed clusters RDS does not know (their snapshots are left alone)
 * @param stoppedBy          why deleting stopped before the end of the plan, if it did
 */
public record CleanupReport(CleanupTrigger trigger, String requestId, boolean dryRun, Instant now, DeletionBudget budget,
                            Inventory listing, int unselectedSnapshots, List<ClusterCleanup> clusters,
                            List<String> missingClusters, Optional<String> stoppedBy, PublishResult events) {

    public CleanupReport {
        clusters = List.copyOf(clusters);
        missingClusters = List.copyOf(missingClusters);
    }

    public int total(Result result) {
        return clusters.stream().mapToInt(c -> c.withResult(result).size()).sum();
    }

    public int deleted() {
        return clusters.stream().mapToInt(c -> c.deletedIds().size()).sum();
    }

    public int kept() {
        return clusters.stream().mapToInt(c -> c.kept().size()).sum();
    }

    public int deferredByBudget() {
        return clusters.stream().mapToInt(ClusterCleanup::deferredByBudget).sum();
    }

    public boolean listingFailedRetryably() {
        return listing.incomplete().filter(i -> i.retryable()).isPresent();
    }

    public List<DeletionOutcome> retryableFailures() {
        return clusters.stream().flatMap(c -> c.deletions().stream()).filter(DeletionOutcome::retryable).toList();
    }

    public List<FailedEvent> retryableEventFailures() {
        return events.failed().stream().filter(FailedEvent::retryable).toList();
    }

    /**
     * The invocation fails, so that Lambda retries it, only when something retryable failed: a listing
     * page, a delete, or publishing an event. Stopping for the deadline or the budget is not a failure:
     * the next scheduled run carries on.
     */
    public boolean needsRetry() {
        return listingFailedRetryably() || !retryableFailures().isEmpty() || !retryableEventFailures().isEmpty();
    }

    /** The counts of the run's closing log line. */
    public Map<String, Object> counts() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("dryRun", dryRun);
        map.put("listingComplete", listing.complete());
        map.put("clusters", clusters.size());
        map.put("kept", kept());
        map.put("deleted", deleted());
        map.put("skipped", total(Result.SKIPPED));
        map.put("failed", total(Result.FAILED));
        map.put("deferred", total(Result.DEFERRED));
        map.put("deferredByBudget", deferredByBudget());
        stoppedBy.ifPresent(reason -> map.put("stoppedBy", reason));
        map.put("eventsPublished", events.published());
        map.put("eventsFailed", events.failed().size());
        map.put("retry", needsRetry());
        return map;
    }

    /** The invocation's return value: plain maps and lists, printed by {@code ./aurora-guard invoke}. */
    public Map<String, Object> toMap(String functionName) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("function", functionName);
        map.put("requestId", requestId);
        Map<String, Object> triggerMap = new LinkedHashMap<>();
        triggerMap.put("type", trigger.type().toString());
        triggerMap.put("reference", trigger.reference());
        trigger.rule().ifPresent(rule -> triggerMap.put("rule", rule));
        trigger.clusters().ifPresent(named -> triggerMap.put("clusters", named));
        map.put("trigger", triggerMap);
        map.put("dryRun", dryRun);
        map.put("now", now.toString());
        map.put("budget", budget.maxDeletions());
        Map<String, Object> listingMap = new LinkedHashMap<>();
        listingMap.put("complete", listing.complete());
        listingMap.put("pages", listing.pagesRead());
        listingMap.put("snapshots", listing.snapshots().size());
        listingMap.put("ofUnselectedClusters", unselectedSnapshots);
        listing.incomplete().ifPresent(i -> {
            listingMap.put("cause", i.cause().toString());
            listingMap.put("errorCode", i.errorCode());
            listingMap.put("problem", i.message());
            listingMap.put("retryable", i.retryable());
        });
        map.put("listing", listingMap);
        List<Map<String, Object>> clusterMaps = new ArrayList<>();
        for (ClusterCleanup c : clusters) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cluster", c.clusterId());
            m.put("kept", c.kept().size());
            m.put("deleted", c.deletedIds().size());
            m.put("skipped", c.withResult(Result.SKIPPED).size());
            m.put("failed", c.withResult(Result.FAILED).size());
            m.put("deferred", c.withResult(Result.DEFERRED).size());
            m.put("deferredByBudget", c.deferredByBudget());
            m.put("deletedSnapshotIds", c.deletedIds());
            if (!c.alreadyGoneIds().isEmpty()) {
                m.put("alreadyGoneSnapshotIds", c.alreadyGoneIds());
            }
            List<Map<String, Object>> problems = new ArrayList<>();
            for (DeletionOutcome o : c.deletions()) {
                if (o.result() == Result.SKIPPED || o.result() == Result.FAILED) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("snapshot", o.identifier());
                    p.put("result", o.result().toString());
                    o.errorCode().ifPresent(code -> p.put("errorCode", code));
                    p.put("retryable", o.retryable());
                    p.put("message", o.message());
                    problems.add(p);
                }
            }
            if (!problems.isEmpty()) {
                m.put("problems", problems);
            }
            if (!c.idsWith(Result.DEFERRED).isEmpty()) {
                m.put("deferredSnapshotIds", c.idsWith(Result.DEFERRED));
            }
            clusterMaps.add(m);
        }
        map.put("clusters", clusterMaps);
        map.put("missingClusters", missingClusters);
        stoppedBy.ifPresent(reason -> map.put("stoppedBy", reason));
        map.put("events", PublishedEvents.toMapNamingCluster(events));
        map.put("retry", needsRetry());
        return map;
    }

    /** A one-line account of what must be retried, for the exception that makes Lambda retry. */
    public String retrySummary(String functionName) {
        StringBuilder text = new StringBuilder(functionName).append(dryRun ? " (dry run)" : "")
                .append(": retryable failure, Lambda will retry the invocation.");
        listing.incomplete().filter(i -> i.retryable())
                .ifPresent(i -> text.append(" Listing incomplete, nothing was deleted: ").append(i.message()).append('.'));
        List<DeletionOutcome> failures = retryableFailures();
        if (!failures.isEmpty()) {
            text.append(" Deletes failed: ").append(String.join("; ", failures.stream()
                    .map(o -> o.identifier() + " (" + o.errorCode().orElse("error") + ")").toList())).append('.');
        }
        if (!retryableEventFailures().isEmpty()) {
            text.append(" Outcome events not published: ").append(retryableEventFailures().size()).append('.');
        }
        text.append(" Deleted ").append(deleted()).append(", deferred ").append(total(Result.DEFERRED)).append('.');
        return text.toString();
    }
}
