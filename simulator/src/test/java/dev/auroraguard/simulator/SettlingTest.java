package dev.auroraguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.simulator.protocol.ServiceModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;

/** When stateful services apply their due transitions. */
class SettlingTest {

    @Test
    void advance_should_settleServices_when_clockIsManual() throws Exception {
        try (Simulator simulator = Simulator.start(FakeRds.options().build())) {
            // GIVEN
            FakeRds rds = simulator.register(ServiceModel.RDS, FakeRds::new);
            int before = rds.settleCount.get();

            // WHEN
            simulator.clock().advance(Duration.ofMinutes(5));

            // THEN
            assertThat(rds.settleCount.get()).isEqualTo(before + 1);
        }
    }

    @Test
    void request_should_settleFirst_when_anyServiceIsCalled() throws Exception {
        try (Simulator simulator = Simulator.start(FakeRds.options().build()); RdsClient client = SdkClients.rds(simulator)) {
            // GIVEN
            FakeRds rds = simulator.register(ServiceModel.RDS, FakeRds::new);
            int before = rds.settleCount.get();

            // WHEN
            client.describeDBClusters();

            // THEN
            assertThat(rds.settleCount.get()).isEqualTo(before + 1);
        }
    }

    @Test
    void ticker_should_settleRepeatedly_when_clockIsSystem() throws Exception {
        SimulatorOptions options = SimulatorOptions.forServe(0, null).toBuilder().services(ServiceModel.EVENTS).settleInterval(Duration.ofMillis(10)).build();
        try (Simulator simulator = Simulator.start(options)) {
            // GIVEN
            FakeRds rds = simulator.register(ServiceModel.RDS, FakeRds::new);

            // WHEN some ticks go by (bounded wait, not a timing assertion)
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (rds.settleCount.get() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            // THEN
            assertThat(rds.settleCount.get()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void advance_should_notSettle_when_simulatorIsClosed() throws Exception {
        // GIVEN
        SimulatorOptions options = FakeRds.options().build();
        FakeRds rds;
        try (Simulator simulator = Simulator.start(options)) {
            rds = simulator.register(ServiceModel.RDS, FakeRds::new);
        }
        int before = rds.settleCount.get();

        // WHEN
        options.clock().advance(Duration.ofMinutes(1));

        // THEN
        assertThat(rds.settleCount.get()).isEqualTo(before);
    }
}
