package dev.auroraguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.auroraguard.simulator.events.EventBridgeService;
import dev.auroraguard.simulator.protocol.ServiceModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.RdsException;

/** The facade: built-in services, registration, routing of what nothing serves. */
class SimulatorTest {

    @Test
    void start_should_serveEventBridge_when_optionsAreDefault() throws Exception {
        try (Simulator simulator = Simulator.start(SimulatorOptions.forTests())) {
            assertThat(simulator.eventBridge().eventBusNames()).containsExactly("default");
            assertThat(simulator.service(EventBridgeService.class)).isSameAs(simulator.eventBridge());
            assertThat(simulator.accountId()).isEqualTo("123456789012");
            assertThat(simulator.region()).isEqualTo("us-east-1");
            assertThat(simulator.clock().instant()).isEqualTo(SimulatorOptions.TEST_START);
        }
    }

    @Test
    void start_should_refuse_when_servicesNameAModelWithoutBuiltInService() {
        assertThatThrownBy(() -> Simulator.start(SimulatorOptions.forTests().toBuilder().services("nope-2020-01-01").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no built-in service for the model nope-2020-01-01");
    }

    @Test
    void service_should_explain_when_noServiceOfThatClassIsRegistered() throws Exception {
        try (Simulator simulator = Simulator.start(SimulatorOptions.forTests())) {
            assertThatThrownBy(() -> simulator.service(FakeRds.class))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("FakeRds").hasMessageContaining(ServiceModel.EVENTS);
        }
    }

    @Test
    void rdsCall_should_answerInvalidAction_when_noQueryServiceIsRegistered() throws Exception {
        try (Simulator simulator = Simulator.start(FakeRds.options().build());
                RdsClient client = SdkClients.rds(simulator.endpoint(), SdkClients.standardRetries(1))) {
            assertThatThrownBy(client::describeDBClusters)
                    .asInstanceOf(type(RdsException.class))
                    .satisfies(e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("serves no Query service for 'rds'");
                    });
        }
    }

    @Test
    void register_should_replaceService_when_modelIsRegisteredAgain() throws Exception {
        try (Simulator simulator = Simulator.start(FakeRds.options().build()); RdsClient client = SdkClients.rds(simulator)) {
            // GIVEN
            simulator.register(ServiceModel.RDS, FakeRds::new);
            client.createDBCluster(r -> r.dbClusterIdentifier("orders").engine("aurora-postgresql"));

            // WHEN
            FakeRds replacement = simulator.register(ServiceModel.RDS, FakeRds::new);

            // THEN
            assertThat(simulator.service(FakeRds.class)).isSameAs(replacement);
            assertThat(client.describeDBClusters().dbClusters()).isEmpty();
        }
    }

    /** A client whose calls fail instead of hanging if the simulator ever deadlocked. */
    private static ClientOverrideConfiguration bounded() {
        return ClientOverrideConfiguration.builder().retryStrategy(SdkClients.standardRetries(1))
                .apiCallTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void subscriber_should_callBackIntoSimulator_when_putEventsDeliversAnEvent() throws Exception {
        try (Simulator simulator = Simulator.start(SimulatorOptions.forTests());
                EventBridgeClient client = SdkClients.eventBridge(simulator.endpoint(), bounded());
                EventBridgeClient callback = SdkClients.eventBridge(simulator.endpoint(), bounded())) {
            // GIVEN a subscriber that, like the sandbox's router running a function, calls the simulator
            List<String> seen = new CopyOnWriteArrayList<>();
            simulator.events().subscribe(event -> seen.add(callback.describeEventBus(r -> r.name(event.eventBusName())).name()));

            // WHEN
            client.putEvents(r -> r.entries(PutEventsRequestEntry.builder().source("aurora-guard.test").detailType("Test")
                    .detail("{}").build()));

            // THEN the callback was answered: no lock was held while the subscriber ran
            assertThat(seen).containsExactly("default");
        }
    }

    @Test
    void subscriber_should_callBackIntoSimulator_when_clockAdvancePublishesAnEvent() throws Exception {
        try (Simulator simulator = Simulator.start(FakeRds.options().build());
                RdsClient callback = SdkClients.rds(simulator.endpoint(), bounded())) {
            // GIVEN a service that publishes on its next settle, and a subscriber calling back
            FakeRds rds = simulator.register(ServiceModel.RDS, FakeRds::new);
            rds.eventOnNextSettle = "DB cluster created";
            List<Integer> seen = new CopyOnWriteArrayList<>();
            simulator.events().subscribe(event -> seen.add(callback.describeDBClusters().dbClusters().size()));

            // WHEN
            simulator.clock().advance(Duration.ofMinutes(1));

            // THEN
            assertThat(seen).containsExactly(0);
            assertThat(simulator.events().withDetailType("RDS DB Cluster Event")).hasSize(1);
        }
    }
}
