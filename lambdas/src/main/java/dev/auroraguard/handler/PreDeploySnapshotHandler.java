package dev.auroraguard.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.auroraguard.aws.AwsClients;
import dev.auroraguard.aws.CodePipelineJobResults;
import dev.auroraguard.aws.EventBridgeOutcomeEvents;
import dev.auroraguard.aws.RdsClusterDirectory;
import dev.auroraguard.aws.RdsClusterSnapshots;
import dev.auroraguard.config.Environment;
import dev.auroraguard.config.PreDeploySnapshotSettings;
import dev.auroraguard.domain.PreDeployClassifier;
import dev.auroraguard.event.CodePipelineJobEvent;
import dev.auroraguard.event.InvalidEventException;
import dev.auroraguard.event.PreDeployRequestEvent;
import dev.auroraguard.port.ClusterDirectory;
import dev.auroraguard.port.ClusterSnapshots;
import dev.auroraguard.port.CodePipelineJobs;
import dev.auroraguard.port.OutcomeEvents;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code pre-deploy-snapshot} function: a rollback point that is certainly complete before a release
 * migrates its database. Invoked by a CodePipeline Lambda invoke action (the job event; the pipeline waits
 * through continuation tokens until the snapshot is available) or by a CI's "Pre-Deploy Snapshot Requested"
 * event on the aurora-guard bus. See {@link CodePipelineJobRun} and {@link PreDeployRequestRun}.
 *
 * <p>The job event carries temporary artifact credentials: the event is never logged, and only the job id,
 * UserParameters and continuation token are read from it.
 */
public final class PreDeploySnapshotHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    public static final String FUNCTION_NAME = "pre-deploy-snapshot";

    private final CodePipelineJobRun codePipelineRun;
    private final PreDeployRequestRun requestRun;
    private final StructuredLog log;
    /** Registered by the Lambda constructors; null when collaborators are passed in (tests). */
    private SnapStartPriming priming;

    /** For Lambda: settings from the environment (or system properties), SDK clients built once per container. */
    public PreDeploySnapshotHandler() {
        this(Environment.system());
    }

    /** Settings from {@code environment}; fails with one message naming every bad variable. */
    public PreDeploySnapshotHandler(Environment environment) {
        this(environment, StructuredLog.stdout(FUNCTION_NAME, environment));
        this.priming = SnapStartPriming.register(FunctionCatalog.PRE_DEPLOY_SNAPSHOT, environment, log,
                CodePipelineJobEvent::parse,
                clients -> List.of(CodePipelineJobResults.primingCall(clients.codePipeline())));
    }

    /** The SnapStart priming hook, if this handler was built from the environment. */
    SnapStartPriming priming() {
        return priming;
    }

    private PreDeploySnapshotHandler(Environment environment, StructuredLog log) {
        this(StartupConfig.read(environment, log, PreDeploySnapshotSettings::fromEnvironment), log);
    }

    private PreDeploySnapshotHandler(StartupConfig<PreDeploySnapshotSettings> config, StructuredLog log) {
        this(AwsClients.shared(config.aws()), config.settings(), log);
    }

    private PreDeploySnapshotHandler(AwsClients clients, PreDeploySnapshotSettings settings, StructuredLog log) {
        this(new RdsClusterDirectory(clients.rds()), new RdsClusterSnapshots(clients.rds()),
                new CodePipelineJobResults(clients.codePipeline()),
                new EventBridgeOutcomeEvents(clients.eventBridge(), settings.eventBusName()), Clock.systemUTC(), settings, log);
    }

    /** For tests and the sandbox: explicit collaborators. */
    public PreDeploySnapshotHandler(ClusterDirectory directory, ClusterSnapshots snapshots, CodePipelineJobs jobs,
                                    OutcomeEvents events, Clock clock, PreDeploySnapshotSettings settings, StructuredLog log) {
        this.log = log;
        PreDeployClassifier classifier = new PreDeployClassifier(settings.maxWait());
        PreDeploySnapshots preDeploy = new PreDeploySnapshots(directory, snapshots, classifier, settings.copyClusterTags(), log);
        this.codePipelineRun = new CodePipelineJobRun(preDeploy, classifier, jobs, events, clock, log, FUNCTION_NAME,
                settings.eventBusName());
        this.requestRun = new PreDeployRequestRun(preDeploy, events, clock, log, FUNCTION_NAME, settings.eventBusName());
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String requestId = context != null && context.getAwsRequestId() != null
                ? context.getAwsRequestId()
                : "local-" + UUID.randomUUID();
        log.requestId(requestId);
        if (CodePipelineJobEvent.isCodePipelineJob(input)) {
            CodePipelineJobEvent job;
            try {
                job = CodePipelineJobEvent.parse(input);
            } catch (InvalidEventException e) {
                // Without a job id there is nobody to answer: fail loudly so the failure destination shows it.
                log.error("CodePipeline job event without a usable job id; the job cannot be answered",
                        Map.of("action", "reject-input", "reason", String.valueOf(e.getMessage())));
                throw e;
            }
            return codePipelineRun.run(job, requestId);
        }
        if (PreDeployRequestEvent.isRequest(input)) {
            return requestRun.run(input, requestId);
        }
        InvalidEventException invalid = new InvalidEventException("pre-deploy-snapshot handles CodePipeline job events (a '"
                + CodePipelineJobEvent.JOB_KEY + "' object) and '" + PreDeployRequestEvent.DETAIL_TYPE + "' events; this input "
                + (input == null ? "is empty" : "has the top-level fields " + input.keySet()
                        + (input.get("detail-type") instanceof String type ? " and detail-type '" + type + "'" : "")));
        log.error("invalid input; nothing was attempted", Map.of("action", "reject-input", "reason", String.valueOf(invalid.getMessage())));
        throw invalid;
    }
}
