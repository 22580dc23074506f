package dev.auroraguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.domain.restore.ReaderPolicy;
import dev.auroraguard.domain.restore.RestoreType;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestoreSettingsTest {

    @Test
    void fromEnvironment_should_useDefaults_when_nothingIsSet() {
        RestoreSettings settings = RestoreSettings.fromEnvironment(Environment.of(Map.of()));
        assertThat(settings).isEqualTo(RestoreSettings.defaults("aurora-guard"));
        assertThat(settings.acceptsAlarm("anything")).isTrue();
    }

    @Test
    void fromEnvironment_should_readEverySetting() {
        RestoreSettings settings = RestoreSettings.fromEnvironment(Environment.of(Map.of(
                "RESTORE_TYPE", "copy-on-write", "RESTORE_READERS", "same", "RESTORE_INSTANCE_CLASS", "db.r6g.large",
                "RESTORE_ALARMS", "orders-db-errors=Orders-DB, checkout-latency", "RESTORE_ALARM_SAFETY_MARGIN", "0",
                "RESTORE_ALARM_COOLDOWN", "2h", "RESTORE_CUTOVER_PARAMETER", "/orders/db/endpoint", "RESTORE_CUTOVER_MODE", "auto",
                "EVENT_BUS_NAME", "ops")));
        assertThat(settings.defaultRestoreType()).isEqualTo(RestoreType.COPY_ON_WRITE);
        assertThat(settings.readers()).isEqualTo(new ReaderPolicy.SameAsSource());
        assertThat(settings.clusterForAlarm("orders-db-errors")).hasValue("orders-db");
        assertThat(settings.clusterForAlarm("checkout-latency")).isEmpty();
        assertThat(settings.acceptsAlarm("checkout-latency")).isTrue();
        assertThat(settings.acceptsAlarm("other")).isFalse();
        assertThat(settings.alarmSafetyMargin()).isZero();
        assertThat(settings.alarmCooldown()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.cutoverParameter()).hasValue("/orders/db/endpoint");
        assertThat(settings.cutoverMode()).isEqualTo(RestoreSettings.CutoverMode.AUTO);
        assertThat(settings.instanceClass()).isEqualTo(Optional.of("db.r6g.large"));
    }

    @Test
    void fromEnvironment_should_nameEveryBadVariable_when_invalid() {
        assertThatThrownBy(() -> RestoreSettings.fromEnvironment(Environment.of(Map.of("RESTORE_TYPE", "snapshot",
                "RESTORE_READERS", "16", "RESTORE_ALARMS", "a=Bad_Cluster", "RESTORE_CUTOVER_MODE", "auto",
                "RESTORE_INSTANCE_CLASS", "r6g.large"))))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(5)
                        .anySatisfy(p -> assertThat(p).startsWith("RESTORE_TYPE='snapshot'"))
                        .anySatisfy(p -> assertThat(p).startsWith("RESTORE_READERS='16'"))
                        .anySatisfy(p -> assertThat(p).contains("RESTORE_CUTOVER_PARAMETER")));
    }
}
