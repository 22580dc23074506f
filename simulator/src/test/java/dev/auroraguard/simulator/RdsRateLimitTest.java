package dev.auroraguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.RdsException;

/**
 * The optional RDS request rate limit as the real SDK sees it: RDS's Query throttling error past the
 * documented burst, one bucket for every RDS operation, refilled on the simulator's (manual) clock.
 */
class RdsRateLimitTest {

    private static Simulator start(SimulatorOptions.Builder options) throws IOException {
        return Simulator.start(options.build());
    }

    private static void assertThrottled(Throwable thrown, int attempts) {
        assertThat(thrown).asInstanceOf(type(RdsException.class)).satisfies(e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
            assertThat(e.isThrottlingException()).isTrue();
            assertThat(e.numAttempts()).isEqualTo(attempts);
        });
    }

    @Test
    void rds_should_throttleTheCallAfterTheDocumentedBurst_when_rateLimitsAreOnAndRetriesAreOff() throws Exception {
        // GIVEN RDS's documented limits on a clock that stands still, and an SDK client that does not retry
        try (Simulator simulator = start(SimulatorOptions.forTests().toBuilder().rdsRateLimits());
                RdsClient rds = SdkClients.rds(simulator.endpoint(), SdkClients.standardRetries(1))) {
            assertThat(simulator.options().rdsRateLimit()).isEqualTo(RequestRateLimit.RDS_DEFAULT);

            // WHEN the whole burst is spent
            for (int i = 0; i < 300; i++) {
                rds.describeDBClusters();
            }

            // THEN the next call is throttled as RDS throttles, and counted
            assertThatThrownBy(rds::describeDBClusters).satisfies(e -> assertThrottled(e, 1));
            assertThat(simulator.faults().calls("DescribeDBClusters")).isEqualTo(301);
            assertThat(simulator.faults().rateLimited("DescribeDBClusters")).isEqualTo(1);
            assertThat(simulator.faults().rateLimitedCount()).isEqualTo(1);
            assertThat(simulator.faults().throttledCount()).isEqualTo(1);
            assertThat(simulator.faults().injected(FaultKind.THROTTLING)).isZero();

            // WHEN a second passes / THEN the sustained 12 go ahead, the 13th does not
            simulator.clock().advance(Duration.ofSeconds(1));
            for (int i = 0; i < 12; i++) {
                rds.describeDBClusters();
            }
            assertThatThrownBy(rds::describeDBClusters).satisfies(e -> assertThrottled(e, 1));
            assertThat(simulator.faults().rateLimitedCount()).isEqualTo(2);
        }
    }

    @Test
    void rds_should_takeEveryOperationFromOneBucket_when_rateLimited() throws Exception {
        // GIVEN a small limit: 3 at once, 1 per second
        try (Simulator simulator = start(SimulatorOptions.forTests().toBuilder().eventBus("aurora-guard")
                .rdsRateLimit(new RequestRateLimit(3, 1)));
                RdsClient rds = SdkClients.rds(simulator.endpoint(), SdkClients.standardRetries(1));
                EventBridgeClient events = SdkClients.eventBridge(simulator.endpoint(), SdkClients.standardRetries(1))) {

            // WHEN three different operations spend the bucket
            rds.describeDBClusters();
            rds.describeDBClusterSnapshots();
            rds.describeAccountAttributes();

            // THEN a fourth operation, never called before, is throttled all the same
            assertThatThrownBy(() -> rds.deleteDBClusterSnapshot(r -> r.dbClusterSnapshotIdentifier("orders-db-old")))
                    .satisfies(e -> assertThrottled(e, 1));
            assertThat(simulator.faults().rateLimitedByOperation()).containsExactly(java.util.Map.entry("DeleteDBClusterSnapshot", 1));
            // AND other services are not limited by RDS's bucket
            assertThat(events.putEvents(r -> r.entries(PutEventsRequestEntry.builder().source("aurora-guard.test")
                    .detailType("Test").detail("{}").build())).failedEntryCount()).isZero();

            // WHEN a second passes / THEN one more RDS call of any kind goes ahead
            simulator.clock().advance(Duration.ofSeconds(1));
            assertThat(rds.describeDBClusterSnapshots().dbClusterSnapshots()).isEmpty();
            assertThatThrownBy(rds::describeDBClusters).satisfies(e -> assertThrottled(e, 1));
            assertThat(simulator.rdsRateLimit()).get().extracting(TokenBucket::available).isEqualTo(0L);
        }
    }

    @Test
    void sdkRetries_should_eachBeCountedAsThrottled_when_theBucketStaysEmpty() throws Exception {
        // GIVEN an empty bucket on a clock that does not move, and the SDK's standard strategy (3 attempts)
        try (Simulator simulator = start(SimulatorOptions.forTests().toBuilder().rdsRateLimit(new RequestRateLimit(1, 1)));
                RdsClient rds = SdkClients.rds(simulator.endpoint(), SdkClients.standardRetries(3))) {
            rds.describeDBClusters();

            // WHEN / THEN the SDK retries twice, and every attempt shows in the counters: retries hide nothing
            assertThatThrownBy(rds::describeDBClusters).satisfies(e -> assertThrottled(e, 3));
            assertThat(simulator.faults().calls("DescribeDBClusters")).isEqualTo(4);
            assertThat(simulator.faults().rateLimitedCount()).isEqualTo(3);
        }
    }

    @Test
    void rateLimitedCall_should_changeNoStateNorSpendQueuedFaults_when_refused() throws Exception {
        // GIVEN an empty bucket and a queued server error
        try (Simulator simulator = start(SimulatorOptions.forTests().toBuilder().rdsRateLimit(new RequestRateLimit(1, 1)));
                RdsClient rds = SdkClients.rds(simulator.endpoint(), SdkClients.standardRetries(1))) {
            rds.describeDBClusters();
            simulator.faults().failNext("CreateDBCluster", FaultKind.INTERNAL_ERROR, 1);

            // WHEN a create is over the limit
            assertThatThrownBy(() -> rds.createDBCluster(r -> r.dbClusterIdentifier("orders-db").engine("aurora-postgresql")
                    .masterUsername("guard").masterUserPassword("not-a-secret-1"))).satisfies(e -> assertThrottled(e, 1));

            // THEN nothing was created, and the queued fault still waits for an admitted call
            assertThat(simulator.rds().clusterCount()).isZero();
            simulator.clock().advance(Duration.ofSeconds(1));
            assertThatThrownBy(() -> rds.createDBCluster(r -> r.dbClusterIdentifier("orders-db").engine("aurora-postgresql")
                    .masterUsername("guard").masterUserPassword("not-a-secret-1")))
                    .asInstanceOf(type(RdsException.class))
                    .satisfies(e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure"));
            assertThat(simulator.faults().injected(FaultKind.INTERNAL_ERROR)).isEqualTo(1);
        }
    }

    @Test
    void rateLimit_should_beOff_when_notAskedFor() throws Exception {
        // GIVEN default test options
        try (Simulator simulator = start(SimulatorOptions.forTests().toBuilder());
                RdsClient rds = SdkClients.rds(simulator.endpoint(), SdkClients.standardRetries(1))) {
            // WHEN more calls than RDS's burst arrive at one instant
            for (int i = 0; i < 310; i++) {
                rds.describeDBClusters();
            }

            // THEN none is throttled
            assertThat(simulator.options().rdsRateLimit()).isNull();
            assertThat(simulator.rdsRateLimit()).isEmpty();
            assertThat(simulator.faults().throttledCount()).isZero();
        }
    }

    @Test
    void toBuilder_should_keepTheRateLimit_when_otherOptionsChange() {
        SimulatorOptions options = SimulatorOptions.forTests().toBuilder().rdsRateLimits().build();
        assertThat(options.toBuilder().port(0).build().rdsRateLimit()).isEqualTo(RequestRateLimit.RDS_DEFAULT);
    }
}
