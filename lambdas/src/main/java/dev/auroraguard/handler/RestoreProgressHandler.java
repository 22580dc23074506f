package dev.auroraguard.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.auroraguard.aws.AwsClients;
import dev.auroraguard.aws.EventBridgeOutcomeEvents;
import dev.auroraguard.aws.RdsClusterRestores;
import dev.auroraguard.aws.SsmApplicationParameters;
import dev.auroraguard.config.Environment;
import dev.auroraguard.config.RestoreSettings;
import dev.auroraguard.domain.restore.DbInstance;
import dev.auroraguard.event.InvalidEventException;
import dev.auroraguard.event.RestoreProgressInput;
import dev.auroraguard.port.ApplicationParameters;
import dev.auroraguard.port.ClusterRestores;
import dev.auroraguard.port.OutcomeEvents;
import dev.auroraguard.port.ServiceCallException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The {@code restore-progress} function: the reconciler of restores in flight. RDS's "DB cluster created"
 * (RDS-EVENT-0170) and "DB instance created" (RDS-EVENT-0005) events prompt it to look at that cluster again;
 * a sweep every few minutes looks at every restore in flight, so a lost event only costs a few minutes. It
 * creates a restored cluster's instances once RDS takes them, and publishes {@code Restore Completed} when
 * everything is available. It also handles {@code Restore Cutover Requested}.
 */
public final class RestoreProgressHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    public static final String FUNCTION_NAME = "restore-progress";

    private final ClusterRestores rds;
    private final RestoreReconciler reconciler;
    private final RestoreCutover cutover;
    private final StructuredLog log;
    /** Registered by the Lambda constructors; null when collaborators are passed in (tests). */
    private SnapStartPriming priming;

    /** For Lambda: settings from the environment (or system properties), SDK clients built once per container. */
    public RestoreProgressHandler() {
        this(Environment.system());
    }

    public RestoreProgressHandler(Environment environment) {
        this(environment, StructuredLog.stdout(FUNCTION_NAME, environment));
        this.priming = SnapStartPriming.register(FunctionCatalog.RESTORE_PROGRESS, environment, log,
                RestoreProgressInput::parse,
                clients -> List.of(SsmApplicationParameters.primingCall(clients.ssm())));
    }

    /** The SnapStart priming hook, if this handler was built from the environment. */
    SnapStartPriming priming() {
        return priming;
    }

    private RestoreProgressHandler(Environment environment, StructuredLog log) {
        this(StartupConfig.read(environment, log, RestoreSettings::fromEnvironment), log);
    }

    private RestoreProgressHandler(StartupConfig<RestoreSettings> config, StructuredLog log) {
        this(new RdsClusterRestores(AwsClients.shared(config.aws()).rds()),
                () -> new SsmApplicationParameters(AwsClients.shared(config.aws()).ssm()),
                new EventBridgeOutcomeEvents(AwsClients.shared(config.aws()).eventBridge(), config.settings().eventBusName()),
                Clock.systemUTC(), config.settings(), log);
    }

    /**
     * For tests and the sandbox: explicit collaborators.
     *
     * @param parameters the SSM parameters port, asked for only when a cutover happens
     */
    public RestoreProgressHandler(ClusterRestores rds, Supplier<ApplicationParameters> parameters, OutcomeEvents events, Clock clock,
                                  RestoreSettings settings, StructuredLog log) {
        this.rds = rds;
        this.log = log;
        this.cutover = new RestoreCutover(rds, memoized(parameters), events, settings, clock, log, FUNCTION_NAME);
        this.reconciler = new RestoreReconciler(rds, events, cutover, settings, clock, log, FUNCTION_NAME);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String requestId = context != null && context.getAwsRequestId() != null
                ? context.getAwsRequestId()
                : "local-" + UUID.randomUUID();
        log.requestId(requestId);
        RestoreProgressInput parsed;
        try {
            parsed = RestoreProgressInput.parse(input);
        } catch (InvalidEventException e) {
            log.error("invalid input; nothing was attempted", Map.of("action", "reject-input", "reason", String.valueOf(e.getMessage())));
            throw e;
        }
        Map<String, Object> trigger = new LinkedHashMap<>();
        List<Map<String, Object>> decisions = new ArrayList<>();
        boolean retry = false;
        if (parsed instanceof RestoreProgressInput.RdsEvent event) {
            trigger.put("type", "rds-event");
            trigger.put("reference", event.eventId());
            trigger.put("rdsEventId", event.rdsEventId());
            trigger.put("source", event.sourceId());
            log.info("RDS event received", trigger);
            Optional<String> cluster = clusterOf(event);
            if (cluster.isEmpty()) {
                decisions.add(Map.of("instance", event.sourceId(), "action", "none", "reason", "instance-gone"));
            } else {
                RestoreReconciler.Decision decision = reconciler.reconcile(cluster.get(), requestId);
                decisions.add(decision.toMap());
                retry = decision.retryable();
            }
        } else if (parsed instanceof RestoreProgressInput.Sweep sweep) {
            trigger.put("type", "sweep");
            trigger.put("reference", sweep.eventId());
            log.info("sweep started", trigger);
            List<RestoreReconciler.Decision> swept;
            try {
                swept = reconciler.sweep(requestId);
            } catch (ServiceCallException e) {
                log.error("could not list clusters; no restore was looked at", Map.of("action", "sweep", "reason", e.errorCode(),
                        "retryable", e.retryable(), "errorMessage", String.valueOf(e.getMessage())));
                throw e;
            }
            for (RestoreReconciler.Decision decision : swept) {
                decisions.add(decision.toMap());
                retry |= decision.retryable();
            }
        } else {
            RestoreProgressInput.CutoverRequested request = (RestoreProgressInput.CutoverRequested) parsed;
            trigger.put("type", "cutover-requested");
            trigger.put("reference", request.eventId());
            trigger.put("restoredCluster", request.restoredCluster());
            log.info("cutover requested", Map.of("restoredCluster", request.restoredCluster(), "requestedBy", request.requestedBy()));
            RestoreCutover.Result result = cutover.requested(request.restoredCluster(), request.requestedBy(), requestId);
            decisions.add(result.toMap(request.restoredCluster()));
            retry = result.retryable();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("function", FUNCTION_NAME);
        result.put("requestId", requestId);
        result.put("trigger", trigger);
        result.put("decisions", decisions);
        result.put("retry", retry);
        if (retry) {
            log.error("restore progress not settled; failing the invocation so Lambda retries", Map.of("decisions", decisions.size()));
            throw new RetryableFailureException(FUNCTION_NAME + " " + trigger.get("reference") + ": retryable failure, Lambda will"
                    + " retry the invocation. Decisions: " + decisions);
        }
        log.info("restore-progress finished", Map.of("decisions", decisions.size()));
        return result;
    }

    /** The cluster an RDS event is about: the cluster itself, or the cluster of the instance. */
    private Optional<String> clusterOf(RestoreProgressInput.RdsEvent event) {
        if (event.cluster()) {
            return Optional.of(event.sourceId());
        }
        try {
            return rds.describeInstance(event.sourceId()).map(DbInstance::clusterId);
        } catch (ServiceCallException e) {
            log.error("could not read instance " + event.sourceId(), Map.of("action", "read-instance", "reason", e.errorCode(),
                    "retryable", e.retryable()));
            throw e;
        }
    }

    private static Supplier<ApplicationParameters> memoized(Supplier<ApplicationParameters> supplier) {
        return new Supplier<>() {
            private ApplicationParameters value;

            @Override
            public synchronized ApplicationParameters get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
