package dev.auroraguard.handler;

import dev.auroraguard.config.ScheduledSnapshotSettings;
import dev.auroraguard.domain.Cluster;
import dev.auroraguard.domain.ClusterOutcome;
import dev.auroraguard.domain.ClusterOutcome.Reason;
import dev.auroraguard.domain.ClusterSelection;
import dev.auroraguard.domain.OutcomeClassifier;
import dev.auroraguard.domain.QuotaUsage;
import dev.auroraguard.domain.Snapshot;
import dev.auroraguard.domain.SnapshotCreation;
import dev.auroraguard.domain.SnapshotKind;
import dev.auroraguard.domain.SnapshotPlanner;
import dev.auroraguard.domain.SnapshotPlanner.SnapshotPlan;
import dev.auroraguard.domain.SnapshotTrigger;
import dev.auroraguard.event.OutcomeEvent;
import dev.auroraguard.event.OutcomeEventSchema;
import dev.auroraguard.handler.RunReport.QuotaCheck;
import dev.auroraguard.handler.StructuredLog.Level;
import dev.auroraguard.port.AccountQuotas;
import dev.auroraguard.port.ClusterDirectory;
import dev.auroraguard.port.ClusterSnapshots;
import dev.auroraguard.port.OutcomeEvents;
import dev.auroraguard.port.OutcomeEvents.PublishResult;
import dev.auroraguard.port.ServiceCallException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of scheduled snapshots: read the quota, select the clusters, create one snapshot per cluster
 * for the trigger's slot, publish one outcome event per cluster, and report. One cluster failing never
 * stops the others.
 */
public final class ScheduledSnapshotRun {

    private final ClusterDirectory directory;
    private final ClusterSnapshots snapshots;
    private final AccountQuotas quotas;
    private final OutcomeEvents events;
    private final ScheduledSnapshotSettings settings;
    private final Clock clock;
    private final StructuredLog log;
    private final String functionName;
    private final SnapshotPlanner planner;
    private final OutcomeClassifier classifier;

    public ScheduledSnapshotRun(ClusterDirectory directory, ClusterSnapshots snapshots, AccountQuotas quotas,
                                OutcomeEvents events, ScheduledSnapshotSettings settings, Clock clock, StructuredLog log,
                                String functionName) {
        this.directory = directory;
        this.snapshots = snapshots;
        this.quotas = quotas;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.log = log;
        this.functionName = functionName;
        this.planner = new SnapshotPlanner(SnapshotKind.SCHEDULED, settings.onUnavailable(), settings.copyClusterTags());
        this.classifier = new OutcomeClassifier(planner);
    }

    /**
     * @throws ClusterSelectionException when the clusters cannot be listed at all (nothing was attempted)
     */
    public RunReport run(SnapshotTrigger trigger, String requestId) {
        if (trigger.slotFromInvocationTime()) {
            log.warn("constant input carries no time: the slot is the invocation's minute, so a retry in a later"
                    + " minute or a duplicate delivery names a different snapshot; pass time and id with an input transformer",
                    Map.of("slot", trigger.slot().toString(), "reference", trigger.reference()));
        }
        Optional<QuotaUsage> usage = Optional.empty();
        Optional<String> quotaProblem = Optional.empty();
        try {
            usage = quotas.manualClusterSnapshots();
            if (usage.isEmpty()) {
                quotaProblem = Optional.of("RDS did not report the " + QuotaUsage.MANUAL_CLUSTER_SNAPSHOTS + " quota");
            }
        } catch (ServiceCallException e) {
            quotaProblem = Optional.of(e.getMessage());
        }
        quotaProblem.ifPresent(problem -> log.warn("manual cluster snapshot quota unknown; taking snapshots regardless",
                Map.of("reason", problem)));

        ClusterSelection.Selected selected = select(trigger);
        List<ClusterOutcome> outcomes = new ArrayList<>();
        for (String missing : selected.missingIds()) {
            outcomes.add(planner.missing(missing, trigger));
        }
        List<SnapshotPlan> plans = new ArrayList<>();
        for (Cluster cluster : selected.clusters()) {
            plans.add(planner.plan(cluster, trigger));
        }
        long creations = plans.stream().filter(p -> p.cluster().isAvailable()).count();

        List<OutcomeEvent> outbound = new ArrayList<>();
        boolean warned = false;
        if (usage.isPresent()) {
            QuotaUsage u = usage.get();
            warned = u.reaches(settings.quotaWarningShare());
            Map<String, Object> fields = quotaFields(u);
            fields.put("snapshotsPlanned", creations);
            if (warned) {
                log.warn("manual cluster snapshot quota usage reached the warning share", fields);
                outbound.add(OutcomeEventSchema.quotaWarning(u, settings.quotaWarningShare(), (int) creations, trigger,
                        functionName, requestId, clock.instant()));
            } else {
                log.info("manual cluster snapshot quota checked", fields);
            }
        }

        for (SnapshotPlan plan : plans) {
            outcomes.add(attempt(plan, usage));
        }
        for (ClusterOutcome outcome : outcomes) {
            logDecision(outcome);
            outbound.add(OutcomeEventSchema.clusterOutcome(outcome, trigger, SnapshotKind.SCHEDULED, functionName,
                    requestId, clock.instant()));
        }

        PublishResult published = PublishedEvents.publish(events, outbound, log, settings.eventBusName());
        if (selected.clusters().isEmpty() && selected.missingIds().isEmpty()) {
            log.warn("no cluster selected: no snapshot taken", Map.of("selection", describe(trigger)));
        }
        return new RunReport(trigger, requestId, outcomes, new QuotaCheck(usage, warned, quotaProblem), published);
    }

    private ClusterSelection.Selected select(SnapshotTrigger trigger) {
        ClusterSelection selection = trigger.clusters()
                .map(ClusterSelection::listed)
                .orElse(settings.selection());
        try {
            ClusterSelection.Selected selected = directory.select(selection);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("selection", describe(trigger));
            fields.put("clusters", selected.clusters().stream().map(Cluster::id).toList());
            fields.put("missing", selected.missingIds());
            log.info("clusters selected", fields);
            return selected;
        } catch (ServiceCallException e) {
            log.error("could not list the clusters to snapshot; nothing was attempted",
                    Map.of("action", "select-clusters", "reason", e.errorCode(), "retryable", e.retryable(),
                            "errorMessage", String.valueOf(e.getMessage())));
            throw new ClusterSelectionException("could not list the clusters to snapshot (nothing was attempted): "
                    + e.getMessage(), e);
        }
    }

    private String describe(SnapshotTrigger trigger) {
        return settings.selection().describe(trigger.clusters());
    }

    private ClusterOutcome attempt(SnapshotPlan plan, Optional<QuotaUsage> usageBefore) {
        try {
            if (!plan.cluster().isAvailable()) {
                // RDS would refuse; but if our snapshot for this slot exists, it is why the cluster is busy.
                return classifier.unavailable(plan, "cluster status is '" + plan.cluster().status()
                        + "'; RDS only snapshots an available cluster", snapshots.describe(plan.snapshotId()));
            }
            SnapshotCreation creation = snapshots.create(plan.cluster().id(), plan.snapshotId(), plan.tags().tags());
            if (creation instanceof SnapshotCreation.AlreadyExists) {
                return classifier.existing(plan, snapshots.describe(plan.snapshotId()));
            }
            if (creation instanceof SnapshotCreation.ClusterNotAvailable refused) {
                return classifier.unavailable(plan, "RDS refused the snapshot because the cluster is not available: "
                        + refused.message(), snapshots.describe(plan.snapshotId()));
            }
            if (creation instanceof SnapshotCreation.QuotaExceeded exceeded && exceeded.quota().isEmpty()) {
                return classifier.classify(plan, new SnapshotCreation.QuotaExceeded(exceeded.message(), quotaNow(usageBefore)));
            }
            return classifier.classify(plan, creation);
        } catch (ServiceCallException e) {
            return classifier.error(plan, Reason.AWS_ERROR, e.retryable(), e.getMessage());
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            log.error("unexpected error while snapshotting a cluster", Map.of("cluster", plan.cluster().id(),
                    "snapshot", plan.snapshotId(), "error", e.toString(), "stackTrace", trace.toString()));
            return classifier.error(plan, Reason.INTERNAL_ERROR, true, "unexpected error: " + e);
        }
    }

    /** The quota right after a SnapshotQuotaExceeded (it may have moved since the run began). */
    private Optional<QuotaUsage> quotaNow(Optional<QuotaUsage> usageBefore) {
        try {
            return quotas.manualClusterSnapshots().or(() -> usageBefore);
        } catch (ServiceCallException e) {
            return usageBefore;
        }
    }

    private void logDecision(ClusterOutcome outcome) {
        Level level = switch (outcome.status()) {
            case STARTED -> Level.INFO;
            case SKIPPED -> Level.WARN;
            case FAILED -> Level.ERROR;
        };
        String action = switch (outcome.status()) {
            case STARTED -> "create";
            case SKIPPED -> "skip";
            case FAILED -> "fail";
        };
        Map<String, Object> extra = new LinkedHashMap<>();
        if (outcome.status() == ClusterOutcome.Status.FAILED) {
            extra.put("retryable", outcome.retryable());
        }
        outcome.snapshotStatus().ifPresent(s -> extra.put("snapshotStatus", s));
        if (outcome.alreadyExisted()) {
            extra.put("alreadyExisted", true);
        }
        outcome.quota().ifPresent(q -> extra.putAll(quotaFields(q)));
        if (!outcome.droppedTagKeys().isEmpty()) {
            extra.put("droppedTagKeys", outcome.droppedTagKeys());
        }
        log.decision(level, outcome.message(), outcome.clusterId(), outcome.snapshotId(), action, outcome.reason().code(), extra);
    }

    private static Map<String, Object> quotaFields(QuotaUsage usage) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("quotaName", usage.name());
        fields.put("quotaUsed", usage.used());
        fields.put("quotaMax", usage.max());
        return fields;
    }

    /** The clusters could not be listed; the invocation fails and nothing was attempted. */
    public static final class ClusterSelectionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClusterSelectionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
