package dev.auroraguard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.json.Json;
import dev.auroraguard.sandbox.cli.UsageException;
import dev.auroraguard.simulator.RecordedEvent;
import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.SimulatorOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestoreCommandTest {

    private Simulator simulator;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        simulator = Simulator.start(SimulatorOptions.forTests().toBuilder().eventBus(SandboxDefaults.EVENT_BUS).build());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private int run(String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", simulator.endpoint().toString()));
        return new RestoreCommand().run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void run_should_putRestoreRequestedOnTheBus_when_theRequestIsValid() throws Exception {
        // WHEN
        int code = run("--cluster", "orders-db", "--to", "2026-11-25T03:41:00Z", "--target", "orders-db-investigation",
                "--reason", "migration 142", "--requested-by", "alice");

        // THEN
        assertThat(code).isZero();
        List<RecordedEvent> events = simulator.events().onBus(SandboxDefaults.EVENT_BUS);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.detailType()).isEqualTo("Restore Requested");
            assertThat(e.source()).isEqualTo(RestoreCommand.SOURCE);
            assertThat(Json.parseObject(e.detailJson())).isEqualTo(Map.of("sourceCluster", "orders-db", "restoreTo",
                    "2026-11-25T03:41:00Z", "targetCluster", "orders-db-investigation", "restoreType", "full-copy",
                    "reason", "migration 142", "requestedBy", "alice"));
        });
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Restore Requested sent to bus aurora-guard");
    }

    @Test
    void run_should_refuseBadRequestsBeforeSending() {
        assertThatThrownBy(() -> run("--cluster", "orders-db", "--to", "yesterday")).isInstanceOf(UsageException.class)
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> run("--cluster", "orders-db", "--to", "2026-11-25T03:41:00Z", "--type", "copy-on-write"))
                .isInstanceOf(UsageException.class).hasMessageContaining("RDS clones only the latest restorable state");
        assertThatThrownBy(() -> run("--cluster", "orders_db", "--to", "latest")).isInstanceOf(UsageException.class)
                .hasMessageContaining("not a valid cluster identifier");
        assertThatThrownBy(() -> run("--cluster", "orders-db")).isInstanceOf(UsageException.class).hasMessageContaining("exactly one");
        assertThat(simulator.events().onBus(SandboxDefaults.EVENT_BUS)).isEmpty();
    }

    @Test
    void run_should_failWithEventBridgesReason_when_theBusDoesNotExist() throws Exception {
        assertThat(run("--cluster", "orders-db", "--snapshot", "orders-db-before", "--bus", "nope")).isEqualTo(Main.EXIT_FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ResourceNotFoundException");
    }
}
