package dev.auroraguard.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.auroraguard.aws.AwsClients;
import dev.auroraguard.aws.EventBridgeOutcomeEvents;
import dev.auroraguard.aws.RdsClusterSnapshots;
import dev.auroraguard.config.Environment;
import dev.auroraguard.config.SnapshotAvailableSettings;
import dev.auroraguard.event.InvalidEventException;
import dev.auroraguard.event.SnapshotAvailableInput;
import dev.auroraguard.handler.SnapshotAnnouncer.AnnouncementReport;
import dev.auroraguard.handler.SnapshotAnnouncer.SnapshotDecision;
import dev.auroraguard.port.ClusterSnapshots;
import dev.auroraguard.port.OutcomeEvents;
import dev.auroraguard.port.ServiceCallException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code snapshot-available} function: publishes {@code Snapshot Available} when an aurora-guard
 * snapshot reaches {@code available}. Invoked by RDS's "RDS DB Cluster Snapshot Event"
 * (RDS-EVENT-0075) and, because RDS events are best effort, by a periodic schedule that confirms
 * snapshots whose event never came. Announces each snapshot once (see
 * {@link dev.auroraguard.domain.AnnouncementRule}).
 */
public final class SnapshotAvailableHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    public static final String FUNCTION_NAME = "snapshot-available";

    private final SnapshotAnnouncer announcer;
    private final StructuredLog log;
    /** Registered by the Lambda constructors; null when collaborators are passed in (tests). */
    private SnapStartPriming priming;

    /** For Lambda: settings from the environment (or system properties), SDK clients built once per container. */
    public SnapshotAvailableHandler() {
        this(Environment.system());
    }

    public SnapshotAvailableHandler(Environment environment) {
        this(environment, StructuredLog.stdout(FUNCTION_NAME, environment));
        this.priming = SnapStartPriming.register(FunctionCatalog.SNAPSHOT_AVAILABLE, environment, log,
                SnapshotAvailableInput::parse);
    }

    /** The SnapStart priming hook, if this handler was built from the environment. */
    SnapStartPriming priming() {
        return priming;
    }

    private SnapshotAvailableHandler(Environment environment, StructuredLog log) {
        this(StartupConfig.read(environment, log, SnapshotAvailableSettings::fromEnvironment), log);
    }

    private SnapshotAvailableHandler(StartupConfig<SnapshotAvailableSettings> config, StructuredLog log) {
        this(new RdsClusterSnapshots(AwsClients.shared(config.aws()).rds()),
                new EventBridgeOutcomeEvents(AwsClients.shared(config.aws()).eventBridge(), config.settings().eventBusName()),
                Clock.systemUTC(), config.settings(), log);
    }

    /** For tests and the sandbox: explicit collaborators. */
    public SnapshotAvailableHandler(ClusterSnapshots snapshots, OutcomeEvents events, Clock clock,
                                    SnapshotAvailableSettings settings, StructuredLog log) {
        this.log = log;
        this.announcer = new SnapshotAnnouncer(snapshots, events, settings, clock, log, FUNCTION_NAME);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String requestId = context != null && context.getAwsRequestId() != null
                ? context.getAwsRequestId()
                : "local-" + UUID.randomUUID();
        log.requestId(requestId);
        SnapshotAvailableInput parsed;
        try {
            parsed = SnapshotAvailableInput.parse(input);
        } catch (InvalidEventException e) {
            log.error("invalid input; nothing was attempted", Map.of("action", "reject-input", "reason", String.valueOf(e.getMessage())));
            throw e;
        }
        Map<String, Object> trigger = new LinkedHashMap<>();
        AnnouncementReport report;
        try {
            if (parsed instanceof SnapshotAvailableInput.RdsEvent rds) {
                trigger.put("type", "rds-event");
                trigger.put("reference", rds.event().eventBridgeId());
                trigger.put("rdsEventId", rds.event().rdsEventId());
                trigger.put("snapshot", rds.event().snapshotId());
                log.info("RDS snapshot event received", trigger);
                report = announcer.onRdsEvent(rds.event(), requestId);
            } else {
                SnapshotAvailableInput.PeriodicCheck check = (SnapshotAvailableInput.PeriodicCheck) parsed;
                trigger.put("type", "periodic-check");
                trigger.put("reference", check.eventId());
                log.info("periodic check started", trigger);
                report = announcer.periodicCheck(requestId);
            }
        } catch (ServiceCallException e) {
            log.error("could not read snapshots; nothing was announced", Map.of("action", "read-snapshots",
                    "reason", e.errorCode(), "retryable", e.retryable(), "errorMessage", String.valueOf(e.getMessage())));
            throw e;
        }
        Map<String, Object> result = toMap(requestId, trigger, report);
        if (report.needsRetry()) {
            log.error("announcements not published; failing the invocation so Lambda retries",
                    Map.of("eventsFailed", report.events().failed().size()));
            throw new RetryableFailureException(FUNCTION_NAME + ": " + report.events().failed().size()
                    + " Snapshot Available event(s) not published (" + report.events().failed().stream()
                    .map(f -> f.event().detail().get("snapshotId") + ": " + f.errorCode()).toList()
                    + "); Lambda will retry the invocation");
        }
        log.info("snapshot-available finished", Map.of("announced", report.announced().size(),
                "examined", report.decisions().size(), "tagFailures", report.tagFailures().size()));
        return result;
    }

    private static Map<String, Object> toMap(String requestId, Map<String, Object> trigger, AnnouncementReport report) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("function", FUNCTION_NAME);
        map.put("requestId", requestId);
        map.put("trigger", trigger);
        map.put("announced", report.announced().stream().map(d -> Map.of("snapshot", d.snapshot(), "cluster", d.cluster(),
                "confirmedBy", d.confirmedBy().orElseThrow())).toList());
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (SnapshotDecision d : report.decisions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("snapshot", d.snapshot());
            m.put("cluster", d.cluster());
            m.put("action", d.action());
            m.put("reason", d.reason());
            decisions.add(m);
        }
        map.put("decisions", decisions);
        map.put("events", PublishedEvents.toMap(report.events(),
                (f, e) -> e.put("snapshot", f.event().detail().get("snapshotId"))));
        map.put("tagFailures", report.tagFailures());
        map.put("retry", report.needsRetry());
        return map;
    }
}
