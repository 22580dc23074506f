package dev.auroraguard.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.auroraguard.aws.AwsClients;
import dev.auroraguard.aws.EventBridgeOutcomeEvents;
import dev.auroraguard.aws.RdsClusterDirectory;
import dev.auroraguard.aws.RdsSnapshotDeleter;
import dev.auroraguard.aws.RdsSnapshotInventory;
import dev.auroraguard.config.Environment;
import dev.auroraguard.config.SnapshotCleanupSettings;
import dev.auroraguard.domain.retention.CleanupTrigger;
import dev.auroraguard.event.InvalidEventException;
import dev.auroraguard.event.SnapshotCleanupInput;
import dev.auroraguard.port.ClusterDirectory;
import dev.auroraguard.port.OutcomeEvents;
import dev.auroraguard.port.SnapshotDeleter;
import dev.auroraguard.port.SnapshotInventory;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code snapshot-cleanup} function: invoked by an EventBridge schedule (or with constant input
 * naming clusters), it applies the retention policy to the selected clusters' manual snapshots. A dry
 * run unless {@code CLEANUP_DRY_RUN=false}. See {@code lambdas/RETENTION.md}.
 *
 * <p>It returns a summary per cluster and throws (so that Lambda retries) only when something
 * retryable failed: a listing page, a delete, or publishing an event. Stopping before the Lambda
 * deadline, or at the deletion budget, is a normal end: the next scheduled run carries on. Invalid input
 * also throws: it cannot succeed, and failing sends it to the failure destination where someone will
 * see it.
 */
public final class SnapshotCleanupHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    public static final String FUNCTION_NAME = "snapshot-cleanup";

    private final SnapshotCleanupRun run;
    private final StructuredLog log;
    /** Registered by the Lambda constructors; null when collaborators are passed in (tests). */
    private SnapStartPriming priming;

    /** For Lambda: settings from the environment (or system properties), SDK clients built once per container. */
    public SnapshotCleanupHandler() {
        this(Environment.system());
    }

    /** Settings from {@code environment}; fails with one message naming every bad variable. */
    public SnapshotCleanupHandler(Environment environment) {
        this(environment, StructuredLog.stdout(FUNCTION_NAME, environment));
        this.priming = SnapStartPriming.register(FunctionCatalog.SNAPSHOT_CLEANUP, environment, log,
                event -> SnapshotCleanupInput.parse(event, "snapstart-priming"));
    }

    /** The SnapStart priming hook, if this handler was built from the environment. */
    SnapStartPriming priming() {
        return priming;
    }

    private SnapshotCleanupHandler(Environment environment, StructuredLog log) {
        this(StartupConfig.read(environment, log, SnapshotCleanupSettings::fromEnvironment), log);
    }

    private SnapshotCleanupHandler(StartupConfig<SnapshotCleanupSettings> config, StructuredLog log) {
        this(config.settings(), AwsClients.shared(config.aws()), log);
    }

    private SnapshotCleanupHandler(SnapshotCleanupSettings settings, AwsClients clients, StructuredLog log) {
        this(new RdsClusterDirectory(clients.rds()), new RdsSnapshotInventory(clients.rds()),
                new RdsSnapshotDeleter(clients.rds()), new EventBridgeOutcomeEvents(clients.eventBridge(), settings.eventBusName()),
                Clock.systemUTC(), RequestPacer.THREAD_SLEEP, settings, log);
    }

    /**
     * For tests and the sandbox: explicit collaborators.
     *
     * @param sleeper how the pacers wait on {@code clock}: between listing pages ({@code settings.listPageInterval()}
     *                apart) and between deletes ({@code settings.deleteInterval()} apart)
     */
    public SnapshotCleanupHandler(ClusterDirectory directory, SnapshotInventory inventory, SnapshotDeleter deleter,
                                  OutcomeEvents events, Clock clock, RequestPacer.Sleeper sleeper,
                                  SnapshotCleanupSettings settings, StructuredLog log) {
        this.log = log;
        this.run = new SnapshotCleanupRun(directory, inventory, deleter, events, settings, clock,
                new RequestPacer(settings.listPageInterval(), clock, sleeper),
                new RequestPacer(settings.deleteInterval(), clock, sleeper), log, FUNCTION_NAME);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String requestId = context != null && context.getAwsRequestId() != null
                ? context.getAwsRequestId()
                : "local-" + UUID.randomUUID();
        log.requestId(requestId);
        CleanupTrigger trigger;
        try {
            trigger = SnapshotCleanupInput.parse(input, requestId);
        } catch (InvalidEventException e) {
            log.error("invalid input; nothing was attempted", Map.of("action", "reject-input", "reason", String.valueOf(e.getMessage())));
            throw e;
        }
        CleanupReport report = run.run(trigger, requestId, InvocationDeadline.of(context));
        Map<String, Object> summary = report.toMap(FUNCTION_NAME);
        if (report.needsRetry()) {
            log.error("snapshot cleanup finished with retryable failures; failing the invocation so Lambda retries",
                    report.counts());
            throw new RetryableFailureException(report.retrySummary(FUNCTION_NAME));
        }
        log.info("snapshot cleanup finished", report.counts());
        return summary;
    }
}
