package dev.auroraguard.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.auroraguard.aws.AwsClients;
import dev.auroraguard.aws.EventBridgeOutcomeEvents;
import dev.auroraguard.aws.RdsClusterRestores;
import dev.auroraguard.config.Environment;
import dev.auroraguard.config.RestoreSettings;
import dev.auroraguard.domain.restore.AlarmTransition;
import dev.auroraguard.domain.restore.RestoreOrigin;
import dev.auroraguard.domain.restore.RestorePoint;
import dev.auroraguard.domain.restore.RestoreRequest;
import dev.auroraguard.domain.restore.RestoreType;
import dev.auroraguard.event.InvalidEventException;
import dev.auroraguard.event.PointInTimeRestoreInput;
import dev.auroraguard.port.ClusterRestores;
import dev.auroraguard.port.OutcomeEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code point-in-time-restore} function: turns a {@code Restore Requested} event, an EventBridge
 * {@code CloudWatch Alarm State Change} or an alarm action's payload into one validated restore of a
 * cluster into a new cluster ({@code RestoreDBClusterToPointInTime} / {@code RestoreDBClusterFromSnapshot}).
 * It never waits for RDS: {@code restore-progress} takes over from RDS's events and its sweep.
 *
 * <p>Bad input gets a {@code Restore Failed} event and creates nothing; the invocation fails (so Lambda
 * retries it) only when something retryable failed.
 */
public final class PointInTimeRestoreHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    public static final String FUNCTION_NAME = "point-in-time-restore";

    private final RestoreStarter starter;
    private final RestoreSettings settings;
    private final Clock clock;
    private final StructuredLog log;
    /** Registered by the Lambda constructors; null when collaborators are passed in (tests). */
    private SnapStartPriming priming;

    /** For Lambda: settings from the environment (or system properties), SDK clients built once per container. */
    public PointInTimeRestoreHandler() {
        this(Environment.system());
    }

    public PointInTimeRestoreHandler(Environment environment) {
        this(environment, StructuredLog.stdout(FUNCTION_NAME, environment));
        this.priming = SnapStartPriming.register(FunctionCatalog.POINT_IN_TIME_RESTORE, environment, log,
                event -> PointInTimeRestoreInput.parse(event, settings.defaultRestoreType()));
    }

    /** The SnapStart priming hook, if this handler was built from the environment. */
    SnapStartPriming priming() {
        return priming;
    }

    private PointInTimeRestoreHandler(Environment environment, StructuredLog log) {
        this(StartupConfig.read(environment, log, RestoreSettings::fromEnvironment), log);
    }

    private PointInTimeRestoreHandler(StartupConfig<RestoreSettings> config, StructuredLog log) {
        this(new RdsClusterRestores(AwsClients.shared(config.aws()).rds()),
                new EventBridgeOutcomeEvents(AwsClients.shared(config.aws()).eventBridge(), config.settings().eventBusName()),
                Clock.systemUTC(), config.settings(), log);
    }

    /** For tests and the sandbox: explicit collaborators. */
    public PointInTimeRestoreHandler(ClusterRestores rds, OutcomeEvents events, Clock clock, RestoreSettings settings,
                                     StructuredLog log) {
        this.settings = settings;
        this.clock = clock;
        this.log = log;
        this.starter = new RestoreStarter(rds, events, settings, clock, log, FUNCTION_NAME);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String requestId = context != null && context.getAwsRequestId() != null
                ? context.getAwsRequestId()
                : "local-" + UUID.randomUUID();
        log.requestId(requestId);
        PointInTimeRestoreInput parsed;
        try {
            parsed = PointInTimeRestoreInput.parse(input, settings.defaultRestoreType());
        } catch (InvalidEventException e) {
            log.error("invalid input; nothing was attempted", Map.of("action", "reject-input", "reason", String.valueOf(e.getMessage())));
            throw e;
        }
        Map<String, Object> trigger = new LinkedHashMap<>();
        RestoreStarter.Outcome outcome;
        if (parsed instanceof PointInTimeRestoreInput.Requested requested) {
            RestoreRequest request = requested.request();
            trigger.put("type", "restore-requested");
            trigger.put("reference", request.reference());
            log.info("restore requested", Map.of("cluster", request.sourceCluster(), "restorePoint", request.point().toString(),
                    "restoreType", request.restoreType().word(), "requestedBy", request.requestedBy(), "reference", request.reference()));
            outcome = starter.start(request, requestId);
        } else if (parsed instanceof PointInTimeRestoreInput.InvalidRequest invalid) {
            trigger.put("type", "restore-requested");
            trigger.put("reference", invalid.problem().reference());
            outcome = starter.reject(invalid.problem().sourceCluster(), Optional.empty(), invalid.problem().reference(), "invalid-request",
                    "Restore Requested can't be acted on: " + invalid.problem().getMessage(), requestId);
        } else {
            AlarmTransition alarm = ((PointInTimeRestoreInput.Alarm) parsed).transition();
            trigger.put("type", "alarm");
            trigger.put("reference", alarm.reference());
            trigger.put("alarmName", alarm.alarmName());
            trigger.put("state", alarm.state());
            trigger.put("previousState", alarm.previousState());
            Optional<Map<String, Object>> ignored = ignoredAlarm(alarm, requestId, trigger);
            if (ignored.isPresent()) {
                return ignored.get();
            }
            outcome = alarmRestore(alarm, requestId);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("function", FUNCTION_NAME);
        result.put("requestId", requestId);
        result.put("trigger", trigger);
        result.putAll(outcome.toMap());
        if (outcome.needsRetry()) {
            log.error("restore request not settled; failing the invocation so Lambda retries", Map.of("reason", outcome.reason()));
            throw new RetryableFailureException(FUNCTION_NAME + " " + trigger.get("reference") + ": " + outcome.message()
                    + (outcome.events().allPublished() ? "" : " (outcome event not published)") + "; Lambda will retry the invocation");
        }
        return result;
    }

    /** Transitions that do not act: acknowledged, logged, and answered without an event. */
    private Optional<Map<String, Object>> ignoredAlarm(AlarmTransition alarm, String requestId, Map<String, Object> trigger) {
        String reason;
        String message;
        if (!alarm.entersAlarm()) {
            reason = AlarmTransition.ALARM.equals(alarm.state()) ? "alarm-repeat" : "not-alarm";
            message = "alarm " + alarm.alarmName() + " went from " + alarm.previousState() + " to " + alarm.state()
                    + "; only a transition into ALARM restores";
        } else if (!settings.acceptsAlarm(alarm.alarmName())) {
            reason = "alarm-not-configured";
            message = "alarm " + alarm.alarmName() + " is not one of " + RestoreSettings.ALARMS + " " + settings.alarms().keySet()
                    + "; nothing restored";
        } else {
            return Optional.empty();
        }
        log.info(message, Map.of("action", "ignore", "reason", reason, "alarmName", alarm.alarmName()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("function", FUNCTION_NAME);
        result.put("requestId", requestId);
        result.put("trigger", trigger);
        result.put("outcome", "ignored");
        result.put("reason", reason);
        result.put("message", message);
        result.put("retry", false);
        return Optional.of(result);
    }

    private RestoreStarter.Outcome alarmRestore(AlarmTransition alarm, String requestId) {
        Optional<String> cluster;
        if (alarm.clusters().size() > 1) {
            return starter.reject(Optional.empty(), Optional.empty(), alarm.reference(), "ambiguous-cluster", "alarm " + alarm.alarmName()
                    + " watches metrics of several clusters " + alarm.clusters() + "; map it to one in " + RestoreSettings.ALARMS, requestId);
        }
        cluster = alarm.clusters().stream().findFirst().or(() -> settings.clusterForAlarm(alarm.alarmName()));
        if (cluster.isEmpty()) {
            return starter.reject(Optional.empty(), Optional.empty(), alarm.reference(), "no-cluster-for-alarm", "alarm "
                    + alarm.alarmName() + " has no " + dev.auroraguard.event.CloudWatchAlarmEvent.CLUSTER_DIMENSION
                    + " dimension and " + RestoreSettings.ALARMS + " maps no cluster to it (e.g. " + alarm.alarmName()
                    + "=orders-db); nothing restored", requestId);
        }
        Instant instant = alarm.restoreInstant(settings.alarmSafetyMargin());
        log.info("alarm " + alarm.alarmName() + " entered ALARM at " + alarm.changedAt() + "; restoring " + cluster.get() + " to "
                + instant, Map.of("cluster", cluster.get(), "action", "alarm", "alarmName", alarm.alarmName(),
                "lookBack", alarm.lookBack().toString(), "safetyMargin", settings.alarmSafetyMargin().toString()));
        RestoreRequest request;
        try {
            // An alarm restores to a point in time: always a full copy (a clone is only of the latest state).
            request = new RestoreRequest(cluster.get(), new RestorePoint.At(instant), Optional.empty(), RestoreType.FULL_COPY,
                    "alarm " + alarm.alarmName() + " entered ALARM at " + alarm.changedAt() + ": " + alarm.reason(),
                    "cloudwatch-alarm:" + alarm.alarmName(), RestoreOrigin.ALARM, alarm.reference(), alarm.changedAt());
        } catch (IllegalArgumentException e) {
            return starter.reject(cluster, Optional.empty(), alarm.reference(), "invalid-request", e.getMessage(), requestId);
        }
        return starter.start(request, requestId);
    }
}
