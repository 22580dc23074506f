package dev.auroraguard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.simulator.SimClock;
import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.SimulatorOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo's recovery chapter, run as DemoCommand runs it. */
class RestoreChapterTest {

    @Test
    void run_should_tellTheRecoveryStory_from_alarm_to_restoreCompleted() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        SimulatorOptions options = SimulatorOptions.forTests().toBuilder()
                .clock(SimClock.manual(DemoCommand.DEMO_START)).eventBus(SandboxDefaults.EVENT_BUS).build();
        try (Simulator simulator = Simulator.start(options);
             SandboxClients aws = new SandboxClients(simulator.endpoint(), simulator.region())) {
            LambdaInvoker invoker = new LambdaInvoker(simulator.endpoint(), simulator.region(), SandboxDefaults.functionEnvironment());
            EventRouter router = new EventRouter(simulator, invoker);
            Narrator narrator = new Narrator(out, simulator.clock()::instant);
            new DemoCommand.ClusterChapter(narrator, simulator, aws).run();
            router.deliverPending();

            // WHEN
            new RestoreChapter(narrator, simulator, aws, router, invoker).run();
            router.close();
        }

        // THEN the story goes from the alarm to the completed restore, and the flapping alarm creates nothing more
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("point-in-time-restore: started (started)")
                .contains("ignored (not-alarm)")
                .contains("skipped (restore-in-flight)")
                .contains("create-instances (instances-requested)")
                .contains("Restore Completed:")
                .contains("writer endpoint   orders-db-pitr-")
                .containsPattern("Restore Completed +1\\n")
                .doesNotContain("FAILED");
    }
}
