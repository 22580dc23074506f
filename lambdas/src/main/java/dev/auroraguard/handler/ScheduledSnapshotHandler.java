package dev.auroraguard.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.auroraguard.aws.AwsClients;
import dev.auroraguard.aws.EventBridgeOutcomeEvents;
import dev.auroraguard.aws.RdsAccountQuotas;
import dev.auroraguard.aws.RdsClusterDirectory;
import dev.auroraguard.aws.RdsClusterSnapshots;
import dev.auroraguard.config.Environment;
import dev.auroraguard.config.ScheduledSnapshotSettings;
import dev.auroraguard.domain.SnapshotTrigger;
import dev.auroraguard.event.InvalidEventException;
import dev.auroraguard.event.ScheduledSnapshotInput;
import dev.auroraguard.port.AccountQuotas;
import dev.auroraguard.port.ClusterDirectory;
import dev.auroraguard.port.ClusterSnapshots;
import dev.auroraguard.port.OutcomeEvents;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code scheduled-snapshot} function: invoked by an EventBridge schedule (or with constant input
 * naming clusters), it takes one manual snapshot per selected cluster for the scheduled slot.
 *
 * <p>It returns a summary of which clusters succeeded, were skipped or failed, and throws (so that
 * Lambda retries) only when something retryable failed. Invalid input also throws: it cannot succeed,
 * and failing sends it to the failure destination where someone will see it.
 */
public final class ScheduledSnapshotHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    public static final String FUNCTION_NAME = "scheduled-snapshot";

    private final ScheduledSnapshotRun run;
    private final Clock clock;
    private final StructuredLog log;
    /** Registered by the Lambda constructors; null when collaborators are passed in (tests). */
    private SnapStartPriming priming;

    /** For Lambda: settings from the environment (or system properties), SDK clients built once per container. */
    public ScheduledSnapshotHandler() {
        this(Environment.system());
    }

    /** Settings from {@code environment}; fails with one message naming every bad variable. */
    public ScheduledSnapshotHandler(Environment environment) {
        this(environment, StructuredLog.stdout(FUNCTION_NAME, environment));
        this.priming = SnapStartPriming.register(FunctionCatalog.SCHEDULED_SNAPSHOT, environment, log,
                event -> ScheduledSnapshotInput.parse(event, "snapstart-priming", clock.instant()));
    }

    /** The SnapStart priming hook, if this handler was built from the environment. */
    SnapStartPriming priming() {
        return priming;
    }

    private ScheduledSnapshotHandler(Environment environment, StructuredLog log) {
        this(Wiring.of(environment, log), Clock.systemUTC(), log);
    }

    private ScheduledSnapshotHandler(Wiring wiring, Clock clock, StructuredLog log) {
        this(wiring.directory, wiring.snapshots, wiring.quotas, wiring.events, clock, wiring.settings, log);
    }

    /** For tests and the sandbox: explicit collaborators. */
    public ScheduledSnapshotHandler(ClusterDirectory directory, ClusterSnapshots snapshots, AccountQuotas quotas,
                                    OutcomeEvents events, Clock clock, ScheduledSnapshotSettings settings,
                                    StructuredLog log) {
        this.clock = clock;
        this.log = log;
        this.run = new ScheduledSnapshotRun(directory, snapshots, quotas, events, settings, clock, log, FUNCTION_NAME);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String requestId = context != null && context.getAwsRequestId() != null
                ? context.getAwsRequestId()
                : "local-" + UUID.randomUUID();
        log.requestId(requestId);
        SnapshotTrigger trigger;
        try {
            trigger = ScheduledSnapshotInput.parse(input, requestId, clock.instant());
        } catch (InvalidEventException e) {
            log.error("invalid input; nothing was attempted", Map.of("action", "reject-input", "reason", String.valueOf(e.getMessage())));
            throw e;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("triggerType", trigger.type().toString());
        fields.put("reference", trigger.reference());
        fields.put("slot", trigger.slot().toString());
        trigger.rule().ifPresent(rule -> fields.put("rule", rule));
        log.info("scheduled snapshot run started", fields);

        RunReport report = run.run(trigger, requestId);
        Map<String, Object> summary = report.toMap(FUNCTION_NAME);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("slot", trigger.slot().toString());
        counts.put("succeeded", report.withStatus(dev.auroraguard.domain.ClusterOutcome.Status.STARTED).size());
        counts.put("skipped", report.withStatus(dev.auroraguard.domain.ClusterOutcome.Status.SKIPPED).size());
        counts.put("failed", report.withStatus(dev.auroraguard.domain.ClusterOutcome.Status.FAILED).size());
        counts.put("eventsPublished", report.events().published());
        counts.put("eventsFailed", report.events().failed().size());
        counts.put("retry", report.needsRetry());
        if (report.needsRetry()) {
            log.error("scheduled snapshot run finished with retryable failures; failing the invocation so Lambda retries", counts);
            throw new RetryableFailureException(report.retrySummary(FUNCTION_NAME));
        }
        log.info("scheduled snapshot run finished", counts);
        return summary;
    }

    /** The production collaborators, built from the environment. */
    private static final class Wiring {
        final ScheduledSnapshotSettings settings;
        final ClusterDirectory directory;
        final ClusterSnapshots snapshots;
        final AccountQuotas quotas;
        final OutcomeEvents events;

        private Wiring(ScheduledSnapshotSettings settings, AwsClients clients) {
            this.settings = settings;
            this.directory = new RdsClusterDirectory(clients.rds());
            this.snapshots = new RdsClusterSnapshots(clients.rds());
            this.quotas = new RdsAccountQuotas(clients.rds());
            this.events = new EventBridgeOutcomeEvents(clients.eventBridge(), settings.eventBusName());
        }

        static Wiring of(Environment environment, StructuredLog log) {
            StartupConfig<ScheduledSnapshotSettings> config =
                    StartupConfig.read(environment, log, ScheduledSnapshotSettings::fromEnvironment);
            return new Wiring(config.settings(), AwsClients.shared(config.aws()));
        }
    }
}
