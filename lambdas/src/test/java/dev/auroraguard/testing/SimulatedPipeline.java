package dev.auroraguard.testing;

import dev.auroraguard.aws.AwsClients;
import dev.auroraguard.aws.CodePipelineJobResults;
import dev.auroraguard.aws.EventBridgeOutcomeEvents;
import dev.auroraguard.aws.RdsClusterDirectory;
import dev.auroraguard.aws.RdsClusterSnapshots;
import dev.auroraguard.config.PreDeploySnapshotSettings;
import dev.auroraguard.event.EventPatterns;
import dev.auroraguard.handler.PreDeploySnapshotHandler;
import dev.auroraguard.handler.SnapshotAvailableHandler;
import dev.auroraguard.json.Json;
import dev.auroraguard.simulator.RecordedEvent;
import dev.auroraguard.simulator.codepipeline.CodePipelineService;
import dev.auroraguard.simulator.codepipeline.CodePipelineService.JobResult;
import dev.auroraguard.simulator.events.EventPatternMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pre-deploy-snapshot function wired to the embedded simulator through the real SDK clients
 * {@link AwsClients} builds (RDS, EventBridge, CodePipeline), and a pipeline that drives it the way
 * CodePipeline does: a job, the job's event, the answer, the continuation job.
 */
public final class SimulatedPipeline {

    /** The function name a pipeline's action names ({@code FunctionName}). */
    public static final String FUNCTION = "aurora-guard-pre-deploy-snapshot";

    private final SimulatedAws sim;
    private final CapturedLog log;
    private final CapturedLog availableLog;
    private int routedUpTo;

    public SimulatedPipeline(SimulatedAws sim) {
        this.sim = sim;
        this.log = new CapturedLog(sim.simulator().clock(), PreDeploySnapshotHandler.FUNCTION_NAME);
        this.availableLog = new CapturedLog(sim.simulator().clock(), SnapshotAvailableHandler.FUNCTION_NAME);
        this.routedUpTo = sim.simulator().events().size();
    }

    public PreDeploySnapshotHandler handler(Duration maxWait, int maxAttempts) {
        AwsClients clients = sim.clients(maxAttempts);
        return new PreDeploySnapshotHandler(new RdsClusterDirectory(clients.rds()), new RdsClusterSnapshots(clients.rds()),
                new CodePipelineJobResults(clients.codePipeline()), new EventBridgeOutcomeEvents(clients.eventBridge(), SimulatedAws.BUS),
                sim.simulator().clock(), new PreDeploySnapshotSettings(maxWait, false, SimulatedAws.BUS), log.log());
    }

    public SnapshotAvailableHandler snapshotAvailable() {
        AwsClients clients = sim.clients(3);
        return new SnapshotAvailableHandler(new RdsClusterSnapshots(clients.rds()),
                new EventBridgeOutcomeEvents(clients.eventBridge(), SimulatedAws.BUS), sim.simulator().clock(),
                new dev.auroraguard.config.SnapshotAvailableSettings(Duration.ofDays(2), Duration.ofMinutes(10), SimulatedAws.BUS),
                availableLog.log());
    }

    public CodePipelineService codePipeline() {
        return sim.simulator().codePipeline();
    }

    public CapturedLog log() {
        return log;
    }

    public CapturedLog availableLog() {
        return availableLog;
    }

    /** CodePipeline runs the action: a new job with these UserParameters (null: none). */
    public String startAction(String userParameters) {
        return codePipeline().createJob(FUNCTION, userParameters);
    }

    /** The job's event as the Lambda runtime hands it to the handler. */
    public Map<String, Object> jobEvent(String jobId) {
        return Json.parseObject(codePipeline().lambdaEvent(jobId));
    }

    /** Lambda invokes the function with the job's event. */
    public Map<String, Object> invoke(PreDeploySnapshotHandler handler, String jobId) {
        return handler.handleRequest(jobEvent(jobId), null);
    }

    /** The one result CodePipeline recorded for the job. */
    public JobResult result(String jobId) {
        List<JobResult> results = codePipeline().jobResults(jobId);
        if (results.size() != 1) {
            throw new AssertionError("job " + jobId + " has " + results.size() + " results: " + results);
        }
        return results.get(0);
    }

    /** The continuation job CodePipeline scheduled after the job's in-progress answer. */
    public String nextJob(String jobId) {
        return codePipeline().nextJobId(jobId).orElseThrow(() -> new AssertionError("job " + jobId
                + " scheduled no continuation: " + codePipeline().jobResults(jobId)));
    }

    /**
     * Delivers every event recorded since the last call to pre-deploy-snapshot and snapshot-available when
     * their pattern rules match it (the request rule on the aurora-guard bus, RDS's snapshot event on the
     * default bus), as the deployed rules will; other functions' rules are not exercised here. Returns the
     * functions' results (a failed invocation's exception is rethrown).
     */
    public List<Map<String, Object>> route(PreDeploySnapshotHandler preDeploy, SnapshotAvailableHandler snapshotAvailable) {
        List<RecordedEvent> all = sim.simulator().events().all();
        List<RecordedEvent> fresh = new ArrayList<>(all.subList(routedUpTo, all.size()));
        routedUpTo = all.size();
        List<Map<String, Object>> results = new ArrayList<>();
        for (RecordedEvent event : fresh) {
            String envelope = event.envelopeJson();
            for (EventPatterns rule : EventPatterns.patternRules()) {
                boolean wired = rule.functionName().equals(PreDeploySnapshotHandler.FUNCTION_NAME)
                        || rule.functionName().equals(SnapshotAvailableHandler.FUNCTION_NAME);
                if (wired && rule.eventBusName().equals(event.eventBusName())
                        && EventPatternMatcher.of(rule.eventPattern().orElseThrow()).matches(envelope)) {
                    Map<String, Object> input = Json.parseObject(envelope);
                    results.add(switch (rule.functionName()) {
                        case PreDeploySnapshotHandler.FUNCTION_NAME -> preDeploy.handleRequest(input, null);
                        case SnapshotAvailableHandler.FUNCTION_NAME -> snapshotAvailable.handleRequest(input, null);
                        default -> throw new IllegalStateException("no handler wired for " + rule.functionName());
                    });
                }
            }
        }
        return results;
    }
}
