package dev.auroraguard.handler;

import dev.auroraguard.config.SnapshotCleanupSettings;
import dev.auroraguard.domain.Cluster;
import dev.auroraguard.domain.ClusterSelection;
import dev.auroraguard.domain.retention.CleanupTrigger;
import dev.auroraguard.domain.retention.ClusterCleanup;
import dev.auroraguard.domain.retention.DeletionOutcome;
import dev.auroraguard.domain.retention.DeletionOutcome.Result;
import dev.auroraguard.domain.retention.KeepRules;
import dev.auroraguard.domain.retention.ListedSnapshot;
import dev.auroraguard.domain.retention.Reason;
import dev.auroraguard.domain.retention.RetentionPlan;
import dev.auroraguard.domain.retention.RetentionPlanner;
import dev.auroraguard.domain.retention.SnapshotDecision;
import dev.auroraguard.domain.retention.SnapshotDeletion;
import dev.auroraguard.domain.retention.SnapshotListing;
import dev.auroraguard.event.OutcomeEvent;
import dev.auroraguard.event.OutcomeEventSchema;
import dev.auroraguard.handler.StructuredLog.Level;
import dev.auroraguard.port.ClusterDirectory;
import dev.auroraguard.port.OutcomeEvents;
import dev.auroraguard.port.OutcomeEvents.FailedEvent;
import dev.auroraguard.port.OutcomeEvents.PublishResult;
import dev.auroraguard.port.ServiceCallException;
import dev.auroraguard.port.SnapshotDeleter;
import dev.auroraguard.port.SnapshotInventory;
import dev.auroraguard.port.SnapshotInventory.Inventory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One cleanup run: select the clusters, list the account's manual snapshots (every page, tags
 * included, at the fixed listing pace), plan with the pure {@link RetentionPlanner}, delete the planned
 * snapshots oldest first at the configured pace until the plan is done or the Lambda deadline is near,
 * then publish one {@code Cleanup Completed} event per cluster and report. Both paces are derived from
 * RDS's per-account request rate (see {@link SnapshotCleanupSettings#LIST_PAGES_PER_SECOND}), so the run's
 * request rate never depends on how fast RDS answers.
 *
 * <p>It feeds the planner honestly: a listing that stopped early (a page failed, the deadline) is
 * planned as incomplete, so nothing is deleted. In a dry run it plans, logs and publishes exactly the
 * same, marked {@code dryRun}, and sends no delete request.
 */
public final class SnapshotCleanupRun {

    /** The run stopped before the deadline would cut it. */
    public static final String STOPPED_BY_DEADLINE = "deadline";
    /** A delete failed for a reason that may pass (throttling after the SDK's retries, 5xx): stop asking. */
    public static final String STOPPED_BY_RDS_ERROR = "rds-error";
    public static final String STOPPED_BY_INTERNAL_ERROR = "internal-error";
    public static final String STOPPED_BY_INTERRUPT = "interrupted";

    private static final Comparator<SnapshotDecision> OLDEST_FIRST = Comparator
            .comparing((SnapshotDecision d) -> d.snapshot().createdAt())
            .thenComparing(d -> d.snapshot().cluster())
            .thenComparing(SnapshotDecision::identifier);

    private final ClusterDirectory directory;
    private final SnapshotInventory inventory;
    private final SnapshotDeleter deleter;
    private final OutcomeEvents events;
    private final SnapshotCleanupSettings settings;
    private final Clock clock;
    private final RequestPacer listingPacer;
    private final RequestPacer deletePacer;
    private final StructuredLog log;
    private final String functionName;
    private final RetentionPlanner planner;

    public SnapshotCleanupRun(ClusterDirectory directory, SnapshotInventory inventory, SnapshotDeleter deleter,
                              OutcomeEvents events, SnapshotCleanupSettings settings, Clock clock, RequestPacer listingPacer,
                              RequestPacer deletePacer, StructuredLog log, String functionName) {
        this.directory = directory;
        this.inventory = inventory;
        this.deleter = deleter;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.listingPacer = listingPacer;
        this.deletePacer = deletePacer;
        this.log = log;
        this.functionName = functionName;
        this.planner = new RetentionPlanner(settings.policy());
    }

    /**
     * @throws ServiceCallException when the clusters cannot be described at all (nothing was listed or deleted)
     */
    public CleanupReport run(CleanupTrigger trigger, String requestId, InvocationDeadline deadline) {
        logStart(trigger, deadline);
        ClusterSelection.Selected selected = select(trigger);

        boolean[] interrupted = {false};
        Inventory listing = inventory.listManual(() -> {
            try {
                listingPacer.awaitTurn();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                interrupted[0] = true;
                return false;
            }
            // Checked after the pause: the pause itself spends the invocation's time.
            return !deadline.within(settings.deadlineMargin());
        });
        Set<String> selectedIds = selected.clusters().stream().map(Cluster::id).collect(Collectors.toSet());
        List<ListedSnapshot> ofSelected = listing.snapshots().stream()
                .filter(s -> selectedIds.contains(s.cluster()))
                .toList();
        logListing(listing, ofSelected.size());

        Instant now = clock.instant();
        RetentionPlan plan = planner.plan(new SnapshotListing(ofSelected, listing.complete()), now, settings.budget());
        for (SnapshotDecision kept : plan.keep()) {
            logKeep(kept);
        }

        Optional<String> stoppedBy = listing.incomplete()
                .filter(i -> i.cause() == SnapshotInventory.Incomplete.Cause.STOPPED)
                .map(i -> interrupted[0] ? STOPPED_BY_INTERRUPT : STOPPED_BY_DEADLINE);
        List<DeletionOutcome> outcomes = new ArrayList<>();
        for (SnapshotDecision planned : plan.delete().stream().sorted(OLDEST_FIRST).toList()) {
            DeletionOutcome outcome;
            if (settings.dryRun()) {
                outcome = new DeletionOutcome(planned, Result.DELETED,
                        "dry run: not deleted (" + SnapshotCleanupSettings.DRY_RUN + " is not false); a real run deletes it",
                        Optional.empty(), false);
            } else if (stoppedBy.isPresent()) {
                outcome = deferred(planned, stoppedBy.get());
            } else {
                stoppedBy = awaitTurn(deadline);
                if (stoppedBy.isPresent()) {
                    outcome = deferred(planned, stoppedBy.get());
                } else {
                    outcome = delete(planned);
                    stoppedBy = stopAfter(outcome);
                }
            }
            outcomes.add(outcome);
            logDeletion(outcome);
        }

        List<ClusterCleanup> cleanups = new ArrayList<>();
        for (Cluster cluster : selected.clusters()) {
            cleanups.add(new ClusterCleanup(cluster.id(), Optional.of(cluster.arn()),
                    plan.keep().stream().filter(d -> d.snapshot().cluster().equals(cluster.id())).toList(),
                    outcomes.stream().filter(o -> o.decision().snapshot().cluster().equals(cluster.id())).toList()));
        }
        Optional<String> listingProblem = listing.incomplete().map(SnapshotInventory.Incomplete::message);
        List<OutcomeEvent> outbound = new ArrayList<>();
        for (ClusterCleanup cleanup : cleanups) {
            outbound.add(OutcomeEventSchema.cleanupCompleted(cleanup, trigger, settings.dryRun(), settings.budget(),
                    listingProblem, stoppedBy, functionName, requestId, clock.instant()));
        }
        PublishResult published = outbound.isEmpty() ? new PublishResult(0, List.of()) : events.publish(outbound);
        for (FailedEvent failed : published.failed()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("cluster", failed.event().detail().get("clusterId"));
            fields.put("action", "publish-event");
            fields.put("reason", failed.errorCode());
            fields.put("detailType", failed.event().detailType());
            fields.put("retryable", failed.retryable());
            fields.put("errorMessage", failed.errorMessage());
            log.error("outcome event not published to bus " + settings.eventBusName(), fields);
        }
        if (selected.clusters().isEmpty()) {
            log.warn("no cluster selected: nothing to clean", Map.of("selection", describe(trigger),
                    "missing", selected.missingIds()));
        }
        return new CleanupReport(trigger, requestId, settings.dryRun(), now, settings.budget(), listing,
                listing.snapshots().size() - ofSelected.size(), cleanups, selected.missingIds(), stoppedBy, published);
    }

    private Optional<String> awaitTurn(InvocationDeadline deadline) {
        try {
            deletePacer.awaitTurn();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(STOPPED_BY_INTERRUPT);
        }
        // Checked after the pause: the pause itself spends the invocation's time.
        return deadline.within(settings.deadlineMargin()) ? Optional.of(STOPPED_BY_DEADLINE) : Optional.empty();
    }

    private DeletionOutcome delete(SnapshotDecision planned) {
        try {
            SnapshotDeletion answer = deleter.delete(planned.identifier());
            if (answer instanceof SnapshotDeletion.AlreadyGone gone) {
                return new DeletionOutcome(planned, Result.ALREADY_GONE, "already deleted by someone else"
                        + " (DBClusterSnapshotNotFound): counted as deleted; " + gone.message(),
                        Optional.of("DBClusterSnapshotNotFoundFault"), false);
            }
            if (answer instanceof SnapshotDeletion.InvalidState invalid) {
                return new DeletionOutcome(planned, Result.SKIPPED, "RDS refused to delete it in its current state"
                        + " (InvalidDBClusterSnapshotState), skipped; the next run plans it again: " + invalid.message(),
                        Optional.of("InvalidDBClusterSnapshotStateFault"), false);
            }
            return new DeletionOutcome(planned, Result.DELETED, "deleted", Optional.empty(), false);
        } catch (ServiceCallException e) {
            return new DeletionOutcome(planned, Result.FAILED, e.getMessage(), Optional.of(e.errorCode()), e.retryable());
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            log.error("unexpected error while deleting a snapshot", Map.of("cluster", planned.snapshot().cluster(),
                    "snapshot", planned.identifier(), "error", e.toString(), "stackTrace", trace.toString()));
            return new DeletionOutcome(planned, Result.FAILED, "unexpected error: " + e, Optional.of("internal-error"), true);
        }
    }

    /** A failure that may pass (throttling, 5xx) means RDS is under pressure: stop asking until the next run. */
    private static Optional<String> stopAfter(DeletionOutcome outcome) {
        if (outcome.result() != Result.FAILED || !outcome.retryable()) {
            return Optional.empty();
        }
        return Optional.of(outcome.errorCode().filter("internal-error"::equals).isPresent()
                ? STOPPED_BY_INTERNAL_ERROR : STOPPED_BY_RDS_ERROR);
    }

    private static DeletionOutcome deferred(SnapshotDecision planned, String stoppedBy) {
        String why = switch (stoppedBy) {
            case STOPPED_BY_DEADLINE -> "the Lambda deadline is near";
            case STOPPED_BY_INTERRUPT -> "the run was interrupted";
            default -> "an earlier delete failed with a retryable error";
        };
        return new DeletionOutcome(planned, Result.DEFERRED, "not attempted: " + why + "; the next run deletes it",
                Optional.empty(), false);
    }

    private ClusterSelection.Selected select(CleanupTrigger trigger) {
        ClusterSelection selection = trigger.clusters().map(ClusterSelection::listed).orElse(settings.selection());
        try {
            ClusterSelection.Selected selected = directory.select(selection);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("selection", describe(trigger));
            fields.put("clusters", selected.clusters().stream().map(Cluster::id).toList());
            fields.put("missing", selected.missingIds());
            log.info("clusters selected", fields);
            if (!selected.missingIds().isEmpty()) {
                log.warn("listed clusters do not exist; their snapshots, if any, are left alone",
                        Map.of("missing", selected.missingIds()));
            }
            return selected;
        } catch (ServiceCallException e) {
            log.error("could not describe the clusters to clean; nothing was listed or deleted",
                    Map.of("action", "select-clusters", "reason", e.errorCode(), "retryable", e.retryable(),
                            "errorMessage", String.valueOf(e.getMessage())));
            throw e;
        }
    }

    private String describe(CleanupTrigger trigger) {
        return settings.selection().describe(trigger.clusters());
    }

    private void logStart(CleanupTrigger trigger, InvocationDeadline deadline) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("triggerType", trigger.type().toString());
        fields.put("reference", trigger.reference());
        trigger.rule().ifPresent(rule -> fields.put("rule", rule));
        fields.put("dryRun", settings.dryRun());
        fields.put("budget", settings.budget().maxDeletions());
        fields.put("deletesPerSecond", settings.deletesPerSecond());
        fields.put("deadlineMargin", settings.deadlineMargin().toString());
        deadline.remaining().ifPresent(left -> fields.put("remainingTime", left.toString()));
        fields.put("timezone", settings.policy().zone().getId());
        Map<String, Object> rules = new LinkedHashMap<>();
        for (Map.Entry<String, KeepRules> kind : settings.policy().rulesByKind().entrySet()) {
            rules.put(kind.getKey(), kind.getValue().toString());
        }
        fields.put("rules", rules);
        log.info(settings.dryRun()
                ? "snapshot cleanup started: DRY RUN, nothing will be deleted (set " + SnapshotCleanupSettings.DRY_RUN
                        + "=false to delete)"
                : "snapshot cleanup started: planned snapshots will be deleted", fields);
        if (deadline.within(settings.deadlineMargin())) {
            log.warn("less time is left than the deadline margin before anything started: nothing will be listed or"
                    + " deleted; give the function a longer timeout or a shorter " + SnapshotCleanupSettings.DEADLINE_MARGIN,
                    Map.of("remainingTime", deadline.remaining().map(Object::toString).orElse(""),
                            "deadlineMargin", settings.deadlineMargin().toString()));
        }
    }

    private void logListing(Inventory listing, int ofSelected) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("pages", listing.pagesRead());
        fields.put("snapshots", listing.snapshots().size());
        fields.put("ofSelectedClusters", ofSelected);
        fields.put("complete", listing.complete());
        if (listing.complete()) {
            log.info("manual snapshots listed", fields);
            return;
        }
        SnapshotInventory.Incomplete why = listing.incomplete().orElseThrow();
        fields.put("action", "list-snapshots");
        fields.put("reason", why.errorCode());
        fields.put("cause", why.cause().toString());
        fields.put("retryable", why.retryable());
        fields.put("errorMessage", why.message());
        // Stopping for the deadline is a configuration matter (timeout vs margin), not an AWS failure.
        log.log(why.cause() == SnapshotInventory.Incomplete.Cause.STOPPED ? Level.WARN : Level.ERROR,
                "the snapshot listing is incomplete: nothing will be deleted this run", fields);
    }

    private void logKeep(SnapshotDecision decision) {
        log.decision(Level.INFO, "snapshot kept", decision.snapshot().cluster(), decision.identifier(), "keep",
                String.join("; ", decision.reasonTexts()), decisionFields(decision));
    }

    private void logDeletion(DeletionOutcome outcome) {
        SnapshotDecision decision = outcome.decision();
        Map<String, Object> extra = decisionFields(decision);
        extra.put("result", outcome.result().toString());
        outcome.errorCode().ifPresent(code -> extra.put("errorCode", code));
        if (outcome.result() == Result.FAILED) {
            extra.put("retryable", outcome.retryable());
        }
        Level level;
        String action;
        String message;
        switch (outcome.result()) {
            case DELETED -> {
                level = Level.INFO;
                action = "delete";
                message = settings.dryRun() ? outcome.message() : "snapshot deleted";
            }
            case ALREADY_GONE -> {
                level = Level.INFO;
                action = "delete";
                message = outcome.message();
            }
            case SKIPPED -> {
                level = Level.WARN;
                action = "skip";
                message = outcome.message();
            }
            case FAILED -> {
                level = Level.ERROR;
                action = "fail";
                message = "could not delete the snapshot: " + outcome.message();
            }
            default -> {
                level = Level.WARN;
                action = "defer";
                message = outcome.message();
            }
        }
        log.decision(level, message, decision.snapshot().cluster(), decision.identifier(), action,
                String.join("; ", decision.reasonTexts()), extra);
    }

    private Map<String, Object> decisionFields(SnapshotDecision decision) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reasonCodes", decision.reasons().stream().map(Reason::code).map(Enum::name).toList());
        decision.kind().ifPresent(kind -> fields.put("kind", kind));
        fields.put("createdAt", decision.snapshot().createdAt().toString());
        fields.put("dryRun", settings.dryRun());
        return fields;
    }
}
