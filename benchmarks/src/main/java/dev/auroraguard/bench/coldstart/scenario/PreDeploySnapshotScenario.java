package dev.auroraguard.bench.coldstart.scenario;

import dev.auroraguard.bench.baseline.NaivePreDeploySnapshot;
import dev.auroraguard.bench.coldstart.BenchSimulator;
import dev.auroraguard.bench.coldstart.ColdStartScenario;
import dev.auroraguard.handler.FunctionCatalog;
import dev.auroraguard.simulator.codepipeline.CodePipelineService;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code pre-deploy-snapshot} as a CodePipeline Lambda invoke action before a release's migration: the first job of
 * an action (no continuation token), as CodePipeline sends it. The function describes the cluster, starts the
 * snapshot, publishes its start and answers the job "in progress" with a continuation token. Each invocation is the
 * first job of a release of its own (so a snapshot of its own).
 */
public final class PreDeploySnapshotScenario implements ColdStartScenario {

    static final String CLUSTER = "orders-db";
    static final String FUNCTION_NAME = "aurora-guard-" + FunctionCatalog.PRE_DEPLOY_SNAPSHOT.functionName();

    private int releases;

    @Override
    public FunctionCatalog function() {
        return FunctionCatalog.PRE_DEPLOY_SNAPSHOT;
    }

    @Override
    public String baselineClass() {
        return NaivePreDeploySnapshot.class.getName();
    }

    @Override
    public Sample prepare(BenchSimulator simulator, int sample) {
        simulator.seedClusterIfAbsent(CLUSTER);
        // What earlier samples started is available (the cluster is no longer backing up), then deleted.
        simulator.pass(Duration.ofMinutes(10));
        ManagedSnapshots.deleteAll(simulator);
        CodePipelineService codePipeline = simulator.simulator().codePipeline();
        String cold = codePipeline.createJob(FUNCTION_NAME, userParameters(++releases));
        return new Sample(Map.of("EVENT_BUS_NAME", BenchSimulator.EVENT_BUS), codePipeline.lambdaEvent(cold),
                List.of(CLUSTER, CLUSTER + "-pre-deploy-release-" + releases, cold, BenchSimulator.EVENT_BUS));
    }

    /** The next release's job; what the previous one snapshotted is available by then, and deleted (the quota). */
    @Override
    public String warmEvent(BenchSimulator simulator) {
        ManagedSnapshots.deleteAll(simulator);
        CodePipelineService codePipeline = simulator.simulator().codePipeline();
        return codePipeline.lambdaEvent(codePipeline.createJob(FUNCTION_NAME, userParameters(++releases)));
    }

    private static String userParameters(int release) {
        return "{\"cluster\":\"" + CLUSTER + "\",\"label\":\"release-" + release + "\"}";
    }
}
