package dev.auroraguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.config.SnapshotCleanupSettings;
import dev.auroraguard.event.EventFixtures;
import dev.auroraguard.simulator.RequestRateLimit;
import dev.auroraguard.simulator.junit.AwsTarget;
import dev.auroraguard.testing.SimulatedCleanup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cleanup's request rate against an RDS request rate limit the simulator enforces on its manual clock:
 * the clock only moves when the function's pacers pause, so RDS's answer time cannot hide a burst. The
 * limit here refills at exactly the listing's pace with almost no burst, so any request sent faster than
 * the pacing is throttled; the SDK may not retry, so a throttle would fail the run.
 */
class SnapshotCleanupPacingIntegrationTest {

    private static final String POLICY = "{\"rules\":{\"scheduled\":{\"keepLast\":10}}}";
    private static final RequestRateLimit TIGHT = new RequestRateLimit(3, SnapshotCleanupSettings.LIST_PAGES_PER_SECOND);

    @RegisterExtension
    final AwsTarget aws = AwsTarget.create(o -> SimulatedCleanup.options().apply(o).toBuilder().rdsRateLimit(TIGHT).build());

    private SimulatedCleanup sim;

    @BeforeEach
    void simulator() {
        sim = new SimulatedCleanup(aws);
    }

    @Test
    void handleRequest_should_listAndDeleteWithoutThrottling_when_rdsAllowsNoMoreThanTheCleanupsPace() {
        // GIVEN a tagged cluster with 1000 daily snapshots (10 pages), and a budget of 5 deletions
        sim.createClusters(Map.of("orders-db", Map.of("aurora-guard:backup", "true")));
        sim.seedScheduledHistory(List.of("orders-db"), 1000, Duration.ofDays(1));
        sim.simulator().clock().advance(Duration.ofMinutes(1));
        int before = sim.simulator().rds().manualSnapshotCount();
        sim.simulator().faults().resetCounters();

        // WHEN the schedule fires, the SDK not retrying at all
        Map<String, Object> result = sim.handler(SimulatedCleanup.settings(POLICY, Map.of("CLEANUP_DRY_RUN", "false",
                        "CLEANUP_DELETION_BUDGET", "5")), 1)
                .handleRequest(EventFixtures.load("scheduled-event.json"), sim.context(Duration.ofMinutes(5)));

        // THEN no request was over the limit: every page was read and the budget's 5 deletes went through
        assertThat(sim.simulator().faults().rateLimitedCount()).isZero();
        assertThat(sim.simulator().faults().calls("DescribeDBClusterSnapshots")).isEqualTo(10);
        assertThat(sim.simulator().faults().calls("DeleteDBClusterSnapshot")).isEqualTo(5);
        assertThat(sim.simulator().rds().manualSnapshotCount()).isEqualTo(before - 5);
        assertThat(result.get("retry")).isEqualTo(false);
        @SuppressWarnings("unchecked")
        Map<String, Object> listing = (Map<String, Object>) result.get("listing");
        assertThat(listing).containsEntry("complete", true).containsEntry("pages", 10);
        // AND the pages were 250 ms apart (4 per second, a third of RDS's 12 per second), the deletes a second apart
        assertThat(sim.sleeps()).hasSize(9 + 4);
        assertThat(sim.sleeps().subList(0, 9)).allMatch(d -> d.equals(Duration.ofMillis(250)));
        assertThat(sim.sleeps().subList(9, 13)).allMatch(d -> d.equals(Duration.ofSeconds(1)));
    }
}
