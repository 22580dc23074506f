package dev.auroraguard.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.config.SnapshotAvailableSettings;
import dev.auroraguard.event.EventFixtures;
import dev.auroraguard.testing.CapturedLog;
import dev.auroraguard.testing.InMemoryRds;
import dev.auroraguard.testing.MutableClock;
import dev.auroraguard.testing.RecordingOutcomeEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotAvailableHandlerTest {

    private static final String SNAPSHOT = "orders-db-scheduled-20261125-0300";
    private static final Map<String, String> MANAGED = Map.of("aurora-guard:managed", "true", "aurora-guard:kind", "scheduled",
            "aurora-guard:trigger", "evt-1", "aurora-guard:slot", "2026-11-25T03:00:00Z");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T03:04:11Z"));
    private final InMemoryRds rds = new InMemoryRds(clock);
    private final RecordingOutcomeEvents events = new RecordingOutcomeEvents();
    private final CapturedLog log = new CapturedLog(clock, "snapshot-available");
    private final SnapshotAvailableHandler handler = new SnapshotAvailableHandler(rds, events, clock,
            new SnapshotAvailableSettings(Duration.ofDays(2), Duration.ofMinutes(10), "aurora-guard"), log.log());

    private static Map<String, Object> rdsEvent() {
        return EventFixtures.load("rds-cluster-snapshot-event-0075.json");
    }

    private static Map<String, Object> periodicCheck(String id) {
        return EventFixtures.load("scheduled-event.json", Map.of("id", id, "time", "2026-11-25T03:15:00Z"));
    }

    @Test
    void handleRequest_should_announceOnceAndTag_when_rdsEventArrivesTwice() {
        // GIVEN a managed snapshot that just became available
        rds.existingSnapshot(SNAPSHOT, "orders-db", "available", MANAGED);

        // WHEN RDS's completion event is delivered twice
        Map<String, Object> first = handler.handleRequest(rdsEvent(), null);
        Map<String, Object> second = handler.handleRequest(rdsEvent(), null);

        // THEN exactly one Snapshot Available event is published, confirmed by the RDS event, and the snapshot tagged
        assertThat(events.withDetailType("Snapshot Available")).singleElement().satisfies(e -> {
            assertThat(e.detail()).containsEntry("schemaVersion", "1").containsEntry("snapshotId", SNAPSHOT)
                    .containsEntry("clusterId", "orders-db").containsEntry("kind", "scheduled")
                    .containsEntry("confirmedBy", "rds-event").containsEntry("rdsEventId", "RDS-EVENT-0075")
                    .containsEntry("slot", "2026-11-25T03:00:00Z").containsEntry("triggerReference", "evt-1");
            assertThat(e.resources()).containsExactly(rds.snapshots().get(SNAPSHOT).arn());
        });
        assertThat(rds.snapshots().get(SNAPSHOT).tags()).containsEntry("aurora-guard:announced", clock.instant().toString());
        assertThat(first.get("announced")).isEqualTo(List.of(Map.of("snapshot", SNAPSHOT, "cluster", "orders-db", "confirmedBy", "rds-event")));
        assertThat(second.get("announced")).isEqualTo(List.of());
    }

    @Test
    void handleRequest_should_ignore_when_snapshotIsNotOurs() {
        // GIVEN the completed snapshot is someone else's
        rds.existingSnapshot(SNAPSHOT, "orders-db", "available", Map.of());
        // WHEN RDS's event arrives / THEN nothing is announced or tagged
        handler.handleRequest(rdsEvent(), null);
        assertThat(events.published()).isEmpty();
        assertThat(rds.snapshots().get(SNAPSHOT).tags()).isEmpty();
    }

    @Test
    void handleRequest_should_ignore_when_eventIsTheCreationStart() {
        // GIVEN the AWS sample event RDS-EVENT-0074 (creation started)
        // WHEN it arrives / THEN nothing is read or announced
        handler.handleRequest(EventFixtures.load("rds-cluster-snapshot-event-0074.json"), null);
        assertThat(events.published()).isEmpty();
        assertThat(rds.calls("describeSnapshot")).isZero();
    }

    @Test
    void handleRequest_should_markWaitThenAnnounce_when_rdsEventNeverComes() {
        // GIVEN a managed snapshot that became available without RDS publishing its event
        rds.existingSnapshot(SNAPSHOT, "orders-db", "available", MANAGED);

        // WHEN the periodic check runs: now, 5 minutes later, and 15 minutes later
        handler.handleRequest(periodicCheck("chk-1"), null);
        assertThat(events.published()).isEmpty();
        assertThat(rds.snapshots().get(SNAPSHOT).tags()).containsKey("aurora-guard:available-seen");
        clock.advance(Duration.ofMinutes(5));
        handler.handleRequest(periodicCheck("chk-2"), null);
        assertThat(events.published()).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        Map<String, Object> third = handler.handleRequest(periodicCheck("chk-3"), null);

        // THEN only the run after the grace announces it, confirmed by the periodic check, and tags it
        assertThat(events.withDetailType("Snapshot Available")).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("confirmedBy", "periodic-check").doesNotContainKey("rdsEventId"));
        assertThat(third.get("announced")).isEqualTo(List.of(Map.of("snapshot", SNAPSHOT, "cluster", "orders-db", "confirmedBy", "periodic-check")));
        assertThat(rds.snapshots().get(SNAPSHOT).tags()).containsKey("aurora-guard:announced");

        // AND WHEN a late RDS event arrives after all / THEN it is not announced again
        handler.handleRequest(rdsEvent(), null);
        assertThat(events.withDetailType("Snapshot Available")).hasSize(1);
    }

    @Test
    void handleRequest_should_leaveAnnouncementToRds_when_eventComesWithinGrace() {
        // GIVEN the periodic check saw the snapshot first
        rds.existingSnapshot(SNAPSHOT, "orders-db", "available", MANAGED);
        handler.handleRequest(periodicCheck("chk-1"), null);
        // WHEN RDS's event arrives, then the check runs again after the grace
        handler.handleRequest(rdsEvent(), null);
        clock.advance(Duration.ofMinutes(30));
        handler.handleRequest(periodicCheck("chk-2"), null);
        // THEN the snapshot was announced once, by the RDS event
        assertThat(events.withDetailType("Snapshot Available")).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("confirmedBy", "rds-event"));
    }

    @Test
    void handleRequest_should_notAnnounce_when_snapshotIsStillCreating() {
        // GIVEN a managed snapshot still creating (RDS's describe lags its event)
        rds.existingSnapshot(SNAPSHOT, "orders-db", "creating", MANAGED);
        // WHEN RDS's event arrives / THEN nothing is announced yet; the periodic check will confirm it later
        Map<String, Object> result = handler.handleRequest(rdsEvent(), null);
        assertThat(events.published()).isEmpty();
        assertThat(result.get("decisions")).isEqualTo(List.of(
                Map.of("snapshot", SNAPSHOT, "cluster", "orders-db", "action", "not-yet-available", "reason", "not-yet-available")));
    }

    @Test
    void handleRequest_should_failForRetryWithoutTagging_when_announcementIsRefused() {
        // GIVEN a bus refusing the announcement with a retryable error
        rds.existingSnapshot(SNAPSHOT, "orders-db", "available", MANAGED);
        events.refuse(e -> true, "ThrottlingException", true);
        // WHEN RDS's event arrives / THEN the invocation fails so Lambda retries, and the snapshot stays unannounced
        assertThatThrownBy(() -> handler.handleRequest(rdsEvent(), null))
                .isInstanceOf(RetryableFailureException.class).hasMessageContaining(SNAPSHOT);
        assertThat(rds.snapshots().get(SNAPSHOT).tags()).doesNotContainKey("aurora-guard:announced");
        // AND WHEN the retry finds the bus healthy / THEN it is announced
        events.acceptAll();
        handler.handleRequest(rdsEvent(), null);
        assertThat(events.withDetailType("Snapshot Available")).hasSize(1);
    }
}
