package dev.auroraguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.event.EventFixtures;
import dev.auroraguard.event.OutcomeEventSchema;
import dev.auroraguard.simulator.junit.AwsTarget;
import dev.auroraguard.testing.SimulatedAws;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Snapshot Available end to end: the simulator publishes RDS's events, they are routed with the same
 * patterns the deployed rules use ({@link dev.auroraguard.event.EventPatterns}), and the periodic check
 * covers events RDS never sent.
 */
class SnapshotAvailableIntegrationTest {

    private static final Map<String, String> BACKUP = Map.of("aurora-guard:backup", "true");

    @RegisterExtension
    final AwsTarget aws = AwsTarget.create(o -> o.toBuilder().eventBus(SimulatedAws.BUS).build());

    private SimulatedAws sim;
    private SnapshotAvailableHandler snapshotAvailable;

    @BeforeEach
    void simulator() {
        sim = new SimulatedAws(aws);
        sim.createClusters(Map.of("orders-db", BACKUP, "billing-db", BACKUP));
        sim.createClusters(Map.of("hand-made-db", Map.of()));
        sim.dropNewEvents(); // cluster creation events are not what this test routes
        snapshotAvailable = sim.snapshotAvailable(Duration.ofMinutes(10));
    }

    private Map<String, Object> periodicCheck(String id) {
        return EventFixtures.load("scheduled-event.json", Map.of("id", id,
                "time", sim.simulator().clock().instant().toString()));
    }

    @Test
    void rdsEvent_should_announceEachManagedSnapshotOnce_when_snapshotsComplete() {
        // GIVEN the scheduled snapshots were started, and someone took a snapshot of their own as well
        sim.scheduledSnapshot(Map.of(), 3).handleRequest(sim.scheduledEventNow("evt-1"), null);
        sim.rds().createDBClusterSnapshot(b -> b.dbClusterIdentifier("hand-made-db").dbClusterSnapshotIdentifier("by-hand"));

        // WHEN RDS finishes them and its events are routed by the deployed patterns
        int beforeCompletion = sim.routeNewEvents(snapshotAvailable);
        sim.simulator().clock().advance(sim.simulator().options().timings().snapshotCreate().plusSeconds(5));
        int deliveries = sim.routeNewEvents(snapshotAvailable);

        // THEN only RDS-EVENT-0075 was delivered (0074 does not match), once per snapshot
        assertThat(beforeCompletion).isZero();
        assertThat(deliveries).isEqualTo(3);
        // AND each aurora-guard snapshot is announced once, the hand-made one not at all
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_AVAILABLE)).extracting(d -> d.get("clusterId"))
                .containsExactlyInAnyOrder("orders-db", "billing-db");
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_AVAILABLE)).allSatisfy(d -> assertThat(d)
                .containsEntry("confirmedBy", "rds-event").containsEntry("rdsEventId", "RDS-EVENT-0075")
                .containsEntry("snapshotStatus", "available").containsEntry("kind", "scheduled"));

        // AND WHEN the periodic check runs later / THEN it announces nothing more
        sim.simulator().clock().advance(Duration.ofMinutes(15));
        Map<String, Object> check = snapshotAvailable.handleRequest(periodicCheck("chk-1"), null);
        assertThat(check.get("announced")).isEqualTo(List.of());
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_AVAILABLE)).hasSize(2);
    }

    @Test
    void periodicCheck_should_announceAfterGrace_when_rdsEventIsLost() {
        // GIVEN the scheduled snapshots completed but RDS's events were lost (best-effort delivery)
        Map<String, Object> started = sim.scheduledSnapshot(Map.of(), 3).handleRequest(sim.scheduledEventNow("evt-2"), null);
        @SuppressWarnings("unchecked")
        String ordersSnapshot = ((List<Map<String, Object>>) started.get("succeeded")).get(1).get("snapshot").toString();
        sim.simulator().clock().advance(sim.simulator().options().timings().snapshotCreate().plusSeconds(5));
        sim.dropNewEvents();

        // WHEN the periodic check runs every 15 minutes
        Map<String, Object> first = snapshotAvailable.handleRequest(periodicCheck("chk-1"), null);
        sim.simulator().clock().advance(Duration.ofMinutes(15));
        Map<String, Object> second = snapshotAvailable.handleRequest(periodicCheck("chk-2"), null);
        sim.simulator().clock().advance(Duration.ofMinutes(15));
        Map<String, Object> third = snapshotAvailable.handleRequest(periodicCheck("chk-3"), null);

        // THEN the first run only marks them, the second announces them, the third finds nothing new
        assertThat(first.get("announced")).isEqualTo(List.of());
        assertThat((List<?>) second.get("announced")).hasSize(2);
        assertThat(third.get("announced")).isEqualTo(List.of());
        assertThat(sim.outcomeDetails(OutcomeEventSchema.SNAPSHOT_AVAILABLE)).hasSize(2)
                .allSatisfy(d -> assertThat(d).containsEntry("confirmedBy", "periodic-check"));
        assertThat(SimulatedAws.tags(sim.snapshot(ordersSnapshot).orElseThrow()))
                .containsKeys("aurora-guard:available-seen", "aurora-guard:announced");
    }
}
