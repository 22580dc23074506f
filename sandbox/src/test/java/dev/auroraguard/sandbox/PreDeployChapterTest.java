package dev.auroraguard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.simulator.SimClock;
import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.SimulatorOptions;
import dev.auroraguard.simulator.codepipeline.CodePipelineService.Job;
import dev.auroraguard.simulator.codepipeline.CodePipelineService.JobStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's pre-deploy chapter, run the way DemoCommand runs chapters: in-process, on the simulated clock. */
class PreDeployChapterTest {

    @Test
    void run_should_narrateContinuationsSuccessAndAFastFailure_when_runAfterTheClusterChapter() throws Exception {
        // GIVEN the demo's simulator, clients, router and invoker, and the seeded cluster
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        SimulatorOptions options = SimulatorOptions.forTests().toBuilder()
                .clock(SimClock.manual(storyStart())).eventBus(SandboxDefaults.EVENT_BUS).build();
        try (Simulator simulator = Simulator.start(options);
             SandboxClients aws = new SandboxClients(simulator.endpoint(), simulator.region())) {
            LambdaInvoker invoker = new LambdaInvoker(simulator.endpoint(), simulator.region(), SandboxDefaults.functionEnvironment());
            EventRouter router = new EventRouter(simulator, invoker);
            Narrator narrator = new Narrator(new PrintStream(output, true, StandardCharsets.UTF_8), simulator.clock()::instant);
            new DemoCommand.ClusterChapter(narrator, simulator, aws).run();
            router.deliverPending();

            // WHEN the chapter runs
            new PreDeployChapter(narrator, simulator, aws, router, invoker).run();
            router.close();

            // THEN the release's action went through its continuations to a final success, and the typo failed in one job
            List<String> firstJobs = simulator.codePipeline().actionJobs(firstActionJob(simulator)).stream().map(Job::id).toList();
            assertThat(firstJobs).hasSize(3);
            assertThat(simulator.codePipeline().jobResults(firstJobs.get(2)).get(0).outputVariables())
                    .containsKeys("SnapshotId", "SnapshotArn", "SnapshotCreateTime").containsEntry("Label", "release-42");
            assertThat(simulator.codePipeline().actionJobs(firstActionJob(simulator)).stream().map(Job::status))
                    .containsOnly(JobStatus.SUCCEEDED);
        }
        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Chapter 2. Pre-deploy snapshots: a rollback point before the migration")
                .containsPattern("\\[\\d{4}-\\d\\d-\\d\\d 14:00 UTC\\] 2\\.1 CodePipeline starts the action")
                .contains("pre-deploy-snapshot: started orders-db-pre-deploy-")
                .contains("CodePipeline was told: PutJobSuccessResult with a continuation token")
                .contains("Snapshot Available: orders-db-pre-deploy-", "label release-42")
                .contains("CodePipeline was told: PutJobSuccessResult without a token - the action succeeded, output variables:")
                .contains("CodePipeline was told: PutJobFailureResult, ConfigurationError:\n        \"cluster 'orders-bd' does not"
                        + " exist in this account and region; check the cluster identifier in the action's UserParameters\"")
                .contains("rule pre-deploy-snapshot-request -> pre-deploy-snapshot: started orders-db-pre-deploy-")
                .contains("label billing-7")
                .containsPattern("the function logged [1-9][0-9]* lines, none of them with a credential");
    }

    /** As DemoCommand does: the functions read the real clock, so the story lies in the past. */
    private static Instant storyStart() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(DemoCommand.DAYS_OF_HISTORY).atTime(1, 30)
                .toInstant(java.time.ZoneOffset.UTC);
    }

    private static String firstActionJob(Simulator simulator) {
        return simulator.codePipeline().jobs().get(0).id();
    }

    @Test
    void nextReleaseTime_should_beTheNext1400Utc_when_givenAnyTime() {
        assertThat(PreDeployChapter.nextReleaseTime(Instant.parse("2026-11-18T01:30:00Z"))).isEqualTo(Instant.parse("2026-11-18T14:00:00Z"));
        assertThat(PreDeployChapter.nextReleaseTime(Instant.parse("2026-11-18T14:00:00Z"))).isEqualTo(Instant.parse("2026-11-19T14:00:00Z"));
        assertThat(PreDeployChapter.nextReleaseTime(Instant.parse("2026-11-18T15:10:00Z"))).isEqualTo(Instant.parse("2026-11-19T14:00:00Z"));
        assertThat(Duration.between(Instant.parse("2026-11-18T13:59:00Z"),
                PreDeployChapter.nextReleaseTime(Instant.parse("2026-11-18T13:59:00Z")))).isEqualTo(Duration.ofMinutes(1));
    }
}
