package dev.auroraguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.auroraguard.simulator.protocol.ServiceModel;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.RdsException;

/** Injected faults as the real SDK sees them: error shapes per protocol, retries, and no state change. */
class FaultInjectionTest {

    private Simulator simulator;

    @BeforeEach
    void start() throws IOException {
        simulator = Simulator.start(FakeRds.options().build());
        simulator.register(ServiceModel.RDS, FakeRds::new);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private static PutEventsRequestEntry event() {
        return PutEventsRequestEntry.builder().source("aurora-guard.test").detailType("Test").detail("{}").build();
    }

    @Test
    void putEvents_should_succeedThroughHalfThrottling_when_sdkRetriesWithStandardStrategy() {
        // GIVEN half of the PutEvents calls throttled, and the SDK's standard strategy with room to retry
        simulator.faults().throttle("PutEvents", 0.5);
        try (EventBridgeClient client = SdkClients.eventBridge(simulator.endpoint(), SdkClients.standardRetries(10))) {
            // WHEN
            for (int i = 0; i < 20; i++) {
                assertThat(client.putEvents(r -> r.entries(event())).failedEntryCount()).isZero();
            }
        }

        // THEN every call landed once, and every throttled attempt shows in the counters
        assertThat(simulator.events().size()).isEqualTo(20);
        assertThat(simulator.faults().throttledCount()).isPositive();
        assertThat(simulator.faults().calls("PutEvents")).isEqualTo(20 + simulator.faults().throttledCount());
    }

    @Test
    void putEvents_should_showEachSdkAttemptInCounters_when_nextTwoCallsAreThrottled() {
        // GIVEN
        simulator.faults().failNext("PutEvents", FaultKind.THROTTLING, 2);

        // WHEN the SDK's standard strategy (3 attempts) retries twice
        try (EventBridgeClient client = SdkClients.eventBridge(simulator.endpoint(), SdkClients.standardRetries(3))) {
            client.putEvents(r -> r.entries(event()));
        }

        // THEN
        assertThat(simulator.faults().calls("PutEvents")).isEqualTo(3);
        assertThat(simulator.faults().throttledCount()).isEqualTo(2);
        assertThat(simulator.events().size()).isEqualTo(1);
    }

    @Test
    void putEvents_should_failAfterThreeAttempts_when_throttlingOutlastsTheRetries() {
        // GIVEN
        simulator.faults().failNext("PutEvents", FaultKind.THROTTLING, 5);

        // WHEN / THEN the JSON protocol's throttling shape reaches the caller
        try (EventBridgeClient client = SdkClients.eventBridge(simulator.endpoint(), SdkClients.standardRetries(3))) {
            assertThatThrownBy(() -> client.putEvents(r -> r.entries(event())))
                    .asInstanceOf(type(EventBridgeException.class))
                    .satisfies(e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
                        assertThat(e.isThrottlingException()).isTrue();
                        assertThat(e.numAttempts()).isEqualTo(3);
                    });
        }
        assertThat(simulator.events().size()).isZero();
    }

    @Test
    void eventBridge_should_answerServerErrors_when_internalErrorAndUnavailableAreInjected() {
        // GIVEN
        simulator.faults().failNext("PutEvents", FaultKind.INTERNAL_ERROR, 1).failNext("PutEvents", FaultKind.SERVICE_UNAVAILABLE, 1);

        try (EventBridgeClient client = SdkClients.eventBridge(simulator.endpoint(), SdkClients.standardRetries(1))) {
            // WHEN / THEN
            assertThatThrownBy(() -> client.putEvents(r -> r.entries(event())))
                    .asInstanceOf(type(EventBridgeException.class))
                    .satisfies(e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
                    });
            assertThatThrownBy(() -> client.putEvents(r -> r.entries(event())))
                    .asInstanceOf(type(EventBridgeException.class))
                    .satisfies(e -> {
                        assertThat(e.statusCode()).isEqualTo(503);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
                    });
        }
        assertThat(simulator.faults().injected(FaultKind.INTERNAL_ERROR)).isEqualTo(1);
        assertThat(simulator.faults().injected(FaultKind.SERVICE_UNAVAILABLE)).isEqualTo(1);
        assertThat(simulator.faults().serverErrorCount()).isEqualTo(2);
    }

    @Test
    void rds_should_answerQueryErrorShapes_when_faultsAreInjected() {
        // GIVEN
        simulator.faults().failNext("DescribeDBClusters", FaultKind.THROTTLING, 1)
                .failNext("DescribeDBClusters", FaultKind.INTERNAL_ERROR, 1)
                .failNext("DescribeDBClusters", FaultKind.SERVICE_UNAVAILABLE, 1);

        try (RdsClient client = SdkClients.rds(simulator.endpoint(), SdkClients.standardRetries(1))) {
            // WHEN / THEN
            assertThatThrownBy(() -> client.describeDBClusters())
                    .asInstanceOf(type(RdsException.class))
                    .satisfies(e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
                        assertThat(e.isThrottlingException()).isTrue();
                    });
            assertThatThrownBy(() -> client.describeDBClusters())
                    .asInstanceOf(type(RdsException.class))
                    .satisfies(e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
                    });
            assertThatThrownBy(() -> client.describeDBClusters())
                    .asInstanceOf(type(RdsException.class))
                    .satisfies(e -> {
                        assertThat(e.statusCode()).isEqualTo(503);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
                    });
            // AND the queue is spent
            assertThat(client.describeDBClusters().dbClusters()).isEmpty();
        }
    }

    @Test
    void rds_should_succeedAfterRetries_when_serverErrorsAreTransient() {
        // GIVEN
        simulator.faults().failNext("DescribeDBClusters", FaultKind.SERVICE_UNAVAILABLE, 1)
                .failNext("DescribeDBClusters", FaultKind.INTERNAL_ERROR, 1);

        // WHEN
        try (RdsClient client = SdkClients.rds(simulator.endpoint(), SdkClients.standardRetries(3))) {
            client.describeDBClusters();
        }

        // THEN
        assertThat(simulator.faults().calls("DescribeDBClusters")).isEqualTo(3);
    }

    @Test
    void faults_should_notChangeState_when_mutatingCallIsRefused() {
        // GIVEN
        simulator.faults().failNext("CreateEventBus", FaultKind.INTERNAL_ERROR, 1);

        try (EventBridgeClient client = SdkClients.eventBridge(simulator.endpoint(), SdkClients.standardRetries(1))) {
            // WHEN
            assertThatThrownBy(() -> client.createEventBus(r -> r.name("refused"))).isInstanceOf(EventBridgeException.class);

            // THEN the bus was never created
            assertThatThrownBy(() -> client.describeEventBus(r -> r.name("refused"))).isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void wildcard_should_applyToEveryOperation_until_cleared() {
        // GIVEN
        simulator.faults().throttle("*", 1.0);

        try (EventBridgeClient events = SdkClients.eventBridge(simulator.endpoint(), SdkClients.standardRetries(1));
                RdsClient rds = SdkClients.rds(simulator.endpoint(), SdkClients.standardRetries(1))) {
            // WHEN / THEN
            assertThatThrownBy(() -> events.describeEventBus(r -> { })).isInstanceOf(EventBridgeException.class);
            assertThatThrownBy(() -> rds.describeDBClusters()).isInstanceOf(RdsException.class);

            // WHEN
            simulator.faults().clear();

            // THEN
            assertThat(events.describeEventBus(r -> { }).name()).isEqualTo("default");
            assertThat(rds.describeDBClusters().dbClusters()).isEmpty();
        }
        assertThat(simulator.faults().throttledCount()).isEqualTo(2);
        assertThat(simulator.faults().callsByOperation()).containsEntry("DescribeEventBus", 2).containsEntry("DescribeDBClusters", 2);
    }

    @Test
    void operationRule_should_winOverWildcard_when_bothAreSet() {
        // GIVEN everything throttled except PutEvents
        simulator.faults().throttle("*", 1.0).throttle("PutEvents", 0.0);

        // WHEN
        try (EventBridgeClient client = SdkClients.eventBridge(simulator.endpoint(), SdkClients.standardRetries(1))) {
            client.putEvents(r -> r.entries(event()));
        }

        // THEN
        assertThat(simulator.faults().throttledCount()).isZero();
    }

    @Test
    void latency_should_delayAnswer_when_ruleIsSet() {
        // GIVEN
        simulator.faults().latency("DescribeEventBus", Duration.ofMillis(20));

        // WHEN
        try (EventBridgeClient client = SdkClients.eventBridge(simulator.endpoint(), SdkClients.standardRetries(1))) {
            client.describeEventBus(r -> { });
        }

        // THEN
        assertThat(simulator.faults().delayedCount()).isEqualTo(1);
    }

    @Test
    void latency_should_tripSdkAttemptTimeout_when_longerThanTheTimeout() {
        // GIVEN an answer far slower than the client waits
        simulator.faults().latency("DescribeEventBus", Duration.ofSeconds(5));
        ClientOverrideConfiguration configuration = ClientOverrideConfiguration.builder()
                .retryStrategy(SdkClients.standardRetries(1))
                .apiCallAttemptTimeout(Duration.ofMillis(200))
                .build();

        // WHEN / THEN
        try (EventBridgeClient client = SdkClients.eventBridge(simulator.endpoint(), configuration)) {
            assertThatThrownBy(() -> client.describeEventBus(r -> { })).isInstanceOf(ApiCallAttemptTimeoutException.class);
        }
    }

    @Test
    void shares_should_repeatExactly_when_seedAndCallsAreTheSame() throws IOException {
        // GIVEN two simulators with the same seed, driven identically
        int[] throttled = new int[2];
        for (int run = 0; run < 2; run++) {
            try (Simulator seeded = Simulator.start(SimulatorOptions.forTests().toBuilder().faultSeed(7).build());
                    EventBridgeClient client = SdkClients.eventBridge(seeded.endpoint(), SdkClients.standardRetries(10))) {
                seeded.faults().throttle("PutEvents", 0.3);
                for (int i = 0; i < 15; i++) {
                    client.putEvents(r -> r.entries(event()));
                }
                throttled[run] = seeded.faults().throttledCount();
            }
        }

        // THEN
        assertThat(throttled[0]).isPositive().isEqualTo(throttled[1]);
    }

    @Test
    void faults_should_refuseNonsense_when_configured() {
        assertThatThrownBy(() -> simulator.faults().throttle("PutEvents", 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.faults().serverError("PutEvents", 502, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.faults().latency("PutEvents", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverError_should_failShareOfCalls_when_statusIs503() {
        // GIVEN every call refused with 503
        simulator.faults().serverError("DescribeEventBus", 503, 1.0);

        // WHEN / THEN
        try (EventBridgeClient client = SdkClients.eventBridge(simulator.endpoint(), SdkClients.standardRetries(2))) {
            assertThatThrownBy(() -> client.describeEventBus(r -> { }))
                    .asInstanceOf(type(EventBridgeException.class))
                    .satisfies(e -> assertThat(e.statusCode()).isEqualTo(503));
        }
        assertThat(simulator.faults().injected(FaultKind.SERVICE_UNAVAILABLE)).isEqualTo(2);
    }
}
