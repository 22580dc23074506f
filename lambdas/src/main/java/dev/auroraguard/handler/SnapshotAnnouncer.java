package dev.auroraguard.handler;

import dev.auroraguard.config.SnapshotAvailableSettings;
import dev.auroraguard.domain.AnnouncementRule;
import dev.auroraguard.domain.AnnouncementRule.Decision;
import dev.auroraguard.domain.Snapshot;
import dev.auroraguard.domain.TagScheme;
import dev.auroraguard.event.OutcomeEvent;
import dev.auroraguard.event.OutcomeEventSchema;
import dev.auroraguard.event.RdsSnapshotEvent;
import dev.auroraguard.handler.StructuredLog.Level;
import dev.auroraguard.port.ClusterSnapshots;
import dev.auroraguard.port.OutcomeEvents;
import dev.auroraguard.port.OutcomeEvents.FailedEvent;
import dev.auroraguard.port.OutcomeEvents.PublishResult;
import dev.auroraguard.port.ServiceCallException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Announces managed snapshots as available ({@code Snapshot Available}), driven by RDS's event and
 * confirmed by a periodic check, following {@link AnnouncementRule}.
 */
public final class SnapshotAnnouncer {

    public static final String CONFIRMED_BY_RDS_EVENT = "rds-event";
    public static final String CONFIRMED_BY_PERIODIC_CHECK = "periodic-check";

    private final ClusterSnapshots snapshots;
    private final OutcomeEvents events;
    private final SnapshotAvailableSettings settings;
    private final Clock clock;
    private final StructuredLog log;
    private final String functionName;
    private final AnnouncementRule rule;

    public SnapshotAnnouncer(ClusterSnapshots snapshots, OutcomeEvents events, SnapshotAvailableSettings settings,
                             Clock clock, StructuredLog log, String functionName) {
        this.snapshots = snapshots;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.log = log;
        this.functionName = functionName;
        this.rule = new AnnouncementRule(settings.grace());
    }

    /** Handles RDS's "RDS DB Cluster Snapshot Event"; only RDS-EVENT-0075 (manual snapshot created) matters. */
    public AnnouncementReport onRdsEvent(RdsSnapshotEvent event, String requestId) {
        List<SnapshotDecision> decisions = new ArrayList<>();
        if (!event.isManualSnapshotCreated()) {
            decisions.add(new SnapshotDecision(event.snapshotId(), "", "ignore", "rds-event-" + event.rdsEventId(), Optional.empty()));
            log.decision(Level.INFO, "RDS event is not 'manual cluster snapshot created'; ignored", null, event.snapshotId(),
                    "ignore", "not-" + RdsSnapshotEvent.MANUAL_SNAPSHOT_CREATED, Map.of("rdsEventId", event.rdsEventId()));
            return new AnnouncementReport(decisions, new PublishResult(0, List.of()), List.of());
        }
        Optional<Snapshot> described = snapshots.describe(event.snapshotId());
        if (described.isEmpty()) {
            decisions.add(new SnapshotDecision(event.snapshotId(), "", "ignore", "snapshot-not-found", Optional.empty()));
            log.decision(Level.WARN, "RDS announced a snapshot that no longer exists; nothing to announce", null,
                    event.snapshotId(), "ignore", "snapshot-not-found", Map.of("rdsEventId", event.rdsEventId()));
            return new AnnouncementReport(decisions, new PublishResult(0, List.of()), List.of());
        }
        Snapshot snapshot = described.get();
        Decision decision = rule.onRdsEvent(snapshot);
        return apply(List.of(new Pending(snapshot, decision)), CONFIRMED_BY_RDS_EVENT, Optional.of(event.rdsEventId()), requestId);
    }

    /** The periodic check: every recent managed snapshot, announced if its RDS event never came. */
    public AnnouncementReport periodicCheck(String requestId) {
        Instant now = clock.instant();
        List<Pending> pending = new ArrayList<>();
        for (Snapshot snapshot : snapshots.listManual(now.minus(settings.lookback()))) {
            if (snapshot.isManaged()) {
                pending.add(new Pending(snapshot, rule.onPeriodicCheck(snapshot, now)));
            }
        }
        log.info("periodic check: managed snapshots examined", Map.of("snapshots", pending.size(),
                "lookback", settings.lookback().toString()));
        return apply(pending, CONFIRMED_BY_PERIODIC_CHECK, Optional.empty(), requestId);
    }

    private AnnouncementReport apply(List<Pending> pending, String confirmedBy, Optional<String> rdsEventId, String requestId) {
        Instant now = clock.instant();
        List<SnapshotDecision> decisions = new ArrayList<>();
        List<String> tagFailures = new ArrayList<>();
        Map<OutcomeEvent, Snapshot> announcements = new LinkedHashMap<>();
        Set<OutcomeEvent> failureReports = new HashSet<>();
        for (Pending p : pending) {
            Snapshot s = p.snapshot();
            switch (p.decision()) {
                case ANNOUNCE -> announcements.put(
                        OutcomeEventSchema.snapshotAvailable(s, confirmedBy, rdsEventId, functionName, requestId, now), s);
                case REPORT_FAILED -> {
                    OutcomeEvent report = OutcomeEventSchema.snapshotNeverAvailable(s, confirmedBy, functionName, requestId, now);
                    announcements.put(report, s);
                    failureReports.add(report);
                }
                case MARK_SEEN -> {
                    if (tag(s, TagScheme.AVAILABLE_SEEN, now, tagFailures)) {
                        decide(decisions, s, p.decision(), Level.INFO,
                                "snapshot available but not yet announced; waiting for RDS's event before announcing it");
                    }
                }
                case WAIT_FOR_RDS_EVENT -> decide(decisions, s, p.decision(), Level.INFO,
                        "snapshot available, unannounced; RDS's event still has time to arrive");
                case ALREADY_ANNOUNCED -> decide(decisions, s, p.decision(), Level.INFO, "snapshot already announced");
                case NOT_YET_AVAILABLE -> decide(decisions, s, p.decision(), Level.INFO,
                        "snapshot is '" + s.status() + "', not available yet");
                case NOT_MANAGED -> decide(decisions, s, p.decision(), Level.INFO,
                        "snapshot is not an aurora-guard snapshot; not announced");
            }
        }
        PublishResult published = announcements.isEmpty()
                ? new PublishResult(0, List.of())
                : events.publish(new ArrayList<>(announcements.keySet()));
        Set<OutcomeEvent> refused = new HashSet<>();
        for (FailedEvent failed : published.failed()) {
            refused.add(failed.event());
            Snapshot s = announcements.get(failed.event());
            log.decision(Level.ERROR, failed.event().detailType() + " event not published to bus " + settings.eventBusName(),
                    s.clusterId(), s.id(), "announce", failed.errorCode(),
                    Map.of("retryable", failed.retryable(), "errorMessage", String.valueOf(failed.errorMessage())));
            decisions.add(new SnapshotDecision(s.id(), s.clusterId(), "announce-failed", failed.errorCode(), Optional.empty()));
        }
        for (Map.Entry<OutcomeEvent, Snapshot> announcement : announcements.entrySet()) {
            if (refused.contains(announcement.getKey())) {
                continue;
            }
            Snapshot s = announcement.getValue();
            if (failureReports.contains(announcement.getKey())) {
                decisions.add(new SnapshotDecision(s.id(), s.clusterId(), Decision.REPORT_FAILED.toString(), s.status(),
                        Optional.empty()));
                log.decision(Level.ERROR, "snapshot is '" + s.status() + "' and will never become available; reported as failed",
                        s.clusterId(), s.id(), Decision.REPORT_FAILED.toString(), s.status(), Map.of());
                tag(s, TagScheme.ANNOUNCED, now, tagFailures);
                continue;
            }
            decisions.add(new SnapshotDecision(s.id(), s.clusterId(), Decision.ANNOUNCE.toString(), confirmedBy, Optional.of(confirmedBy)));
            log.decision(Level.INFO, "snapshot announced as available", s.clusterId(), s.id(), "announce", confirmedBy,
                    Map.of());
            tag(s, TagScheme.ANNOUNCED, now, tagFailures);
        }
        return new AnnouncementReport(decisions, published, tagFailures);
    }

    private void decide(List<SnapshotDecision> decisions, Snapshot s, Decision decision, Level level, String message) {
        decisions.add(new SnapshotDecision(s.id(), s.clusterId(), decision.toString(), decision.toString(), Optional.empty()));
        log.decision(level, message, s.clusterId(), s.id(), decision.toString(), decision.toString(), Map.of("status", s.status()));
    }

    private boolean tag(Snapshot s, String key, Instant now, List<String> failures) {
        try {
            snapshots.addTags(s.arn(), Map.of(key, now.toString()));
            return true;
        } catch (ServiceCallException e) {
            failures.add(s.id() + ": " + key + ": " + e.getMessage());
            log.decision(Level.ERROR, "could not tag snapshot " + key + "; it may be announced again later", s.clusterId(),
                    s.id(), "tag", e.errorCode(), Map.of("retryable", e.retryable(), "errorMessage", String.valueOf(e.getMessage())));
            return false;
        }
    }

    private record Pending(Snapshot snapshot, Decision decision) {
    }

    /** One snapshot's decision, for the invocation's result. */
    public record SnapshotDecision(String snapshot, String cluster, String action, String reason, Optional<String> confirmedBy) {
    }

    /**
     * @param tagFailures tags that could not be written (announced or available-seen); logged as errors,
     *                    not retried (a retry would publish the announcement again)
     */
    public record AnnouncementReport(List<SnapshotDecision> decisions, PublishResult events, List<String> tagFailures) {

        public AnnouncementReport {
            decisions = List.copyOf(decisions);
            tagFailures = List.copyOf(tagFailures);
        }

        public List<SnapshotDecision> announced() {
            return decisions.stream().filter(d -> d.confirmedBy().isPresent()).toList();
        }

        /** Retry only for announcements that could not be published for a retryable reason. */
        public boolean needsRetry() {
            return events.failed().stream().anyMatch(FailedEvent::retryable);
        }
    }
}
