package dev.auroraguard.domain.restore;

import static dev.auroraguard.domain.restore.RestoreFixtures.NOW;
import static dev.auroraguard.domain.restore.RestoreFixtures.completedAt;
import static dev.auroraguard.domain.restore.RestoreFixtures.request;
import static dev.auroraguard.domain.restore.RestoreFixtures.restore;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestoreGuardTest {

    private static final Duration COOLDOWN = Duration.ofHours(1);
    private static final Instant T = Instant.parse("2026-11-25T03:40:00Z");

    @Test
    void check_should_findTheDuplicate_when_sameTargetSourceAndInstant() {
        RestoredCluster existing = restore("orders-db-pitr-20261125-034000", "creating", T, RestoreOrigin.REQUEST, Map.of());
        assertThat(RestoreGuard.check(request(RestoreOrigin.REQUEST, T), existing.id(), T, List.of(existing), COOLDOWN, NOW))
                .isEqualTo(new RestoreGuard.Duplicate(existing));
    }

    @Test
    void check_should_holdBack_when_anotherRestoreOfTheSourceIsInFlight() {
        RestoredCluster other = restore("orders-db-pitr-20261125-033000", "available", T.minusSeconds(600), RestoreOrigin.ALARM, Map.of());
        assertThat(RestoreGuard.check(request(RestoreOrigin.REQUEST, T), "orders-db-pitr-20261125-034000", T, List.of(other), COOLDOWN, NOW))
                .isEqualTo(new RestoreGuard.InFlight(other));
    }

    @Test
    void check_should_applyTheCooldownToAlarmsOnly_when_anAlarmRestoreFinishedRecently() {
        // GIVEN an alarm-triggered restore completed 20 minutes ago
        RestoredCluster done = restore("orders-db-pitr-20261125-030000", "available", T.minusSeconds(2400), RestoreOrigin.ALARM,
                completedAt(NOW.minus(Duration.ofMinutes(20))));

        // THEN another alarm waits, a person does not
        assertThat(RestoreGuard.check(request(RestoreOrigin.ALARM, T), "x", T, List.of(done), COOLDOWN, NOW))
                .isEqualTo(new RestoreGuard.Cooldown(done, NOW.plus(Duration.ofMinutes(40))));
        assertThat(RestoreGuard.check(request(RestoreOrigin.REQUEST, T), "x", T, List.of(done), COOLDOWN, NOW))
                .isInstanceOf(RestoreGuard.Proceed.class);
        assertThat(RestoreGuard.check(request(RestoreOrigin.ALARM, T), "x", T, List.of(done), COOLDOWN, NOW.plus(Duration.ofMinutes(41))))
                .isInstanceOf(RestoreGuard.Proceed.class);
    }

    @Test
    void check_should_countAFailedAlarmRestore_when_applyingTheCooldown() {
        RestoredCluster failed = restore("orders-db-pitr-20261125-030000", "failed", T.minusSeconds(2400), RestoreOrigin.ALARM,
                Map.of("aurora-guard:restore-failed", NOW.minusSeconds(60).toString(), "aurora-guard:restore-failed-step", "restore-cluster"));
        assertThat(RestoreGuard.check(request(RestoreOrigin.ALARM, T), "x", T, List.of(failed), COOLDOWN, NOW))
                .isInstanceOf(RestoreGuard.Cooldown.class);
    }
}
