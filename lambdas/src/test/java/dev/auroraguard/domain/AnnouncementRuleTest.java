package dev.auroraguard.domain;

import static dev.auroraguard.domain.DomainFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroraguard.domain.AnnouncementRule.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnouncementRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");
    private final AnnouncementRule rule = new AnnouncementRule(Duration.ofMinutes(10));

    @Test
    void onRdsEvent_should_announce_when_managedAvailableAndUnannounced() {
        // GIVEN a managed, available, unannounced snapshot / WHEN RDS's event comes / THEN announce
        assertThat(rule.onRdsEvent(snapshot("s", "c", "available", Map.of("aurora-guard:managed", "true"))))
                .isEqualTo(Decision.ANNOUNCE);
    }

    @Test
    void onRdsEvent_should_notAnnounceAgain_when_alreadyAnnounced() {
        // GIVEN an announced snapshot / WHEN RDS's event comes (again) / THEN nothing more
        assertThat(rule.onRdsEvent(snapshot("s", "c", "available",
                Map.of("aurora-guard:managed", "true", "aurora-guard:announced", NOW.toString()))))
                .isEqualTo(Decision.ALREADY_ANNOUNCED);
    }

    @Test
    void onRdsEvent_should_ignore_when_notManagedOrNotAvailable() {
        // GIVEN an unmanaged snapshot and a managed one still creating
        // WHEN RDS's event comes / THEN neither is announced
        assertThat(rule.onRdsEvent(snapshot("s", "c", "available", Map.of()))).isEqualTo(Decision.NOT_MANAGED);
        assertThat(rule.onRdsEvent(snapshot("s", "c", "creating", Map.of("aurora-guard:managed", "true"))))
                .isEqualTo(Decision.NOT_YET_AVAILABLE);
    }

    @Test
    void onPeriodicCheck_should_markThenWaitThenAnnounce_when_rdsEventNeverComes() {
        // GIVEN a managed available snapshot the check has not seen
        Map<String, String> managed = Map.of("aurora-guard:managed", "true");
        // WHEN the check runs three times / THEN it marks it seen, waits out the grace, then announces
        assertThat(rule.onPeriodicCheck(snapshot("s", "c", "available", managed), NOW)).isEqualTo(Decision.MARK_SEEN);
        Map<String, String> seen = Map.of("aurora-guard:managed", "true", "aurora-guard:available-seen", NOW.toString());
        assertThat(rule.onPeriodicCheck(snapshot("s", "c", "available", seen), NOW.plus(Duration.ofMinutes(9))))
                .isEqualTo(Decision.WAIT_FOR_RDS_EVENT);
        assertThat(rule.onPeriodicCheck(snapshot("s", "c", "available", seen), NOW.plus(Duration.ofMinutes(10))))
                .isEqualTo(Decision.ANNOUNCE);
    }

    @Test
    void onPeriodicCheck_should_announce_when_seenTagIsUnreadable() {
        // GIVEN a seen tag edited into nonsense / WHEN the check runs / THEN it announces rather than wait forever
        Map<String, String> tags = Map.of("aurora-guard:managed", "true", "aurora-guard:available-seen", "yesterday");
        assertThat(rule.onPeriodicCheck(snapshot("s", "c", "available", tags), NOW)).isEqualTo(Decision.ANNOUNCE);
    }

    @Test
    void onPeriodicCheck_should_reportFailedOnce_when_managedSnapshotCanNeverBecomeAvailable() {
        // GIVEN managed snapshots that failed, one of them already reported, and one being deleted
        Map<String, String> managed = Map.of("aurora-guard:managed", "true");
        // WHEN the periodic check sees them / THEN only the unreported failure is reported; deletion is on purpose
        assertThat(rule.onPeriodicCheck(snapshot("s", "c", "failed", managed), NOW)).isEqualTo(Decision.REPORT_FAILED);
        assertThat(rule.onPeriodicCheck(snapshot("s", "c", "incompatible-restore", managed), NOW)).isEqualTo(Decision.REPORT_FAILED);
        assertThat(rule.onPeriodicCheck(snapshot("s", "c", "failed",
                Map.of("aurora-guard:managed", "true", "aurora-guard:announced", NOW.toString())), NOW))
                .isEqualTo(Decision.ALREADY_ANNOUNCED);
        assertThat(rule.onPeriodicCheck(snapshot("s", "c", "deleting", managed), NOW)).isEqualTo(Decision.NOT_YET_AVAILABLE);
        assertThat(rule.onPeriodicCheck(snapshot("s", "c", "failed", Map.of()), NOW)).isEqualTo(Decision.NOT_MANAGED);
    }
}
