package dev.auroraguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auroraguard.simulator.protocol.ServiceModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;

/** State in {@code stateDir/state.json} survives a restart. */
class PersistenceTest {

    @TempDir
    Path stateDir;

    private SimulatorOptions options() {
        return FakeRds.options().stateDir(stateDir).build();
    }

    @Test
    void state_should_surviveRestart_when_stateDirIsSet() throws Exception {
        // GIVEN a simulator that created a cluster, an event bus and an event
        String eventId;
        try (Simulator first = Simulator.start(options());
                RdsClient rds = SdkClients.rds(first);
                EventBridgeClient events = SdkClients.eventBridge(first)) {
            first.register(ServiceModel.RDS, FakeRds::new);
            rds.createDBCluster(r -> r.dbClusterIdentifier("orders").engine("aurora-postgresql"));
            events.createEventBus(r -> r.name("restores"));
            eventId = events.putEvents(r -> r.entries(PutEventsRequestEntry.builder().source("aurora-guard.test")
                    .detailType("Test").detail("{\"n\":1}").eventBusName("restores").build())).entries().get(0).eventId();

            // THEN the file is written after each mutating call, before any shutdown
            JsonNode saved = new ObjectMapper().readTree(stateDir.resolve("state.json").toFile());
            assertThat(saved.path("services").path(ServiceModel.RDS).path("clusters").has("orders")).isTrue();
            assertThat(saved.path("events")).hasSize(1);
        }

        // WHEN a new simulator starts on the same directory
        try (Simulator second = Simulator.start(options());
                RdsClient rds = SdkClients.rds(second);
                EventBridgeClient events = SdkClients.eventBridge(second)) {
            second.register(ServiceModel.RDS, FakeRds::new);

            // THEN
            assertThat(rds.describeDBClusters().dbClusters()).extracting(DBCluster::dbClusterIdentifier).containsExactly("orders");
            assertThat(events.describeEventBus(r -> r.name("restores")).name()).isEqualTo("restores");
            assertThat(second.events().all()).singleElement().satisfies(event -> {
                assertThat(event.id()).isEqualTo(eventId);
                assertThat(event.eventBusName()).isEqualTo("restores");
                assertThat(event.detailJson()).isEqualTo("{\"n\":1}");
            });
        }
        try (Stream<Path> files = Files.list(stateDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("state.json");
        }
    }

    @Test
    void state_should_keepServiceSection_when_restartedWithoutThatService() throws Exception {
        // GIVEN saved RDS state
        try (Simulator first = Simulator.start(options()); RdsClient rds = SdkClients.rds(first)) {
            first.register(ServiceModel.RDS, FakeRds::new);
            rds.createDBCluster(r -> r.dbClusterIdentifier("orders").engine("aurora-postgresql"));
        }

        // WHEN a simulator without RDS runs and changes other state
        try (Simulator withoutRds = Simulator.start(options()); EventBridgeClient events = SdkClients.eventBridge(withoutRds)) {
            events.createEventBus(r -> r.name("other"));
        }

        // THEN the RDS state is still there for the next one
        try (Simulator third = Simulator.start(options()); RdsClient rds = SdkClients.rds(third)) {
            third.register(ServiceModel.RDS, FakeRds::new);
            assertThat(rds.describeDBClusters().dbClusters()).hasSize(1);
        }
    }

    @Test
    void state_should_startEmpty_when_stateDirIsNotSet() throws Exception {
        // GIVEN a bus created in a memory-only simulator
        try (Simulator first = Simulator.start(SimulatorOptions.forTests()); EventBridgeClient events = SdkClients.eventBridge(first)) {
            events.createEventBus(r -> r.name("restores"));
        }

        // WHEN / THEN a new one knows nothing of it
        try (Simulator second = Simulator.start(SimulatorOptions.forTests()); EventBridgeClient events = SdkClients.eventBridge(second)) {
            assertThatThrownBy(() -> events.describeEventBus(r -> r.name("restores"))).isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void start_should_failLoudly_when_stateFileIsNotThisFormat() throws Exception {
        // GIVEN
        Files.writeString(stateDir.resolve("state.json"), "{\"format\":99}");

        // WHEN / THEN
        assertThatThrownBy(() -> Simulator.start(options()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("format 99");
    }
}
