package dev.auroraguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.domain.TagSelector;
import dev.auroraguard.domain.UnavailableClusterPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduledSnapshotSettingsTest {

    @Test
    void fromEnvironment_should_useDocumentedDefaults_when_nothingIsSet() {
        // GIVEN an empty environment
        // WHEN settings are read
        ScheduledSnapshotSettings settings = ScheduledSnapshotSettings.fromEnvironment(Environment.of(Map.of()));
        // THEN tag selection is on with aurora-guard:backup=true, failures retry, warning at 80%, bus aurora-guard
        assertThat(settings.selection().tagged()).contains(new TagSelector("aurora-guard:backup", "true"));
        assertThat(settings.selection().listed()).isEmpty();
        assertThat(settings.onUnavailable()).isEqualTo(UnavailableClusterPolicy.FAIL);
        assertThat(settings.quotaWarningShare()).isEqualTo(0.8);
        assertThat(settings.copyClusterTags()).isFalse();
        assertThat(settings.eventBusName()).isEqualTo("aurora-guard");
    }

    @Test
    void fromEnvironment_should_readEveryVariable_when_set() {
        // GIVEN every variable set
        Environment env = Environment.of(Map.of(
                "SNAPSHOT_CLUSTERS", " orders-db , billing-db ,",
                "SNAPSHOT_SELECTION_TAG", "none",
                "SNAPSHOT_COPY_CLUSTER_TAGS", "TRUE",
                "SNAPSHOT_ON_CLUSTER_UNAVAILABLE", "skip",
                "SNAPSHOT_QUOTA_WARNING_SHARE", "90%",
                "EVENT_BUS_NAME", "ops-bus"));
        // WHEN read
        ScheduledSnapshotSettings settings = ScheduledSnapshotSettings.fromEnvironment(env);
        // THEN each one is honoured
        assertThat(settings.selection().listed()).containsExactly("orders-db", "billing-db");
        assertThat(settings.selection().tagged()).isEqualTo(Optional.empty());
        assertThat(settings.copyClusterTags()).isTrue();
        assertThat(settings.onUnavailable()).isEqualTo(UnavailableClusterPolicy.SKIP);
        assertThat(settings.quotaWarningShare()).isEqualTo(0.9);
        assertThat(settings.eventBusName()).isEqualTo("ops-bus");
    }

    @Test
    void fromEnvironment_should_nameEveryBadVariableInOneMessage_when_severalAreWrong() {
        // GIVEN three bad values
        Environment env = Environment.of(Map.of(
                "SNAPSHOT_CLUSTERS", "orders_db",
                "SNAPSHOT_QUOTA_WARNING_SHARE", "1.5",
                "SNAPSHOT_ON_CLUSTER_UNAVAILABLE", "ignore"));
        // WHEN read / THEN one exception names each variable and its value
        assertThatThrownBy(() -> ScheduledSnapshotSettings.fromEnvironment(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SNAPSHOT_CLUSTERS lists 'orders_db'")
                .hasMessageContaining("SNAPSHOT_QUOTA_WARNING_SHARE='1.5'")
                .hasMessageContaining("SNAPSHOT_ON_CLUSTER_UNAVAILABLE='ignore'");
    }

    @Test
    void fromEnvironment_should_refuse_when_noClusterCanBeSelected() {
        // GIVEN tag selection off and no list / WHEN read / THEN the problem says how to fix it
        assertThatThrownBy(() -> ScheduledSnapshotSettings.fromEnvironment(Environment.of(Map.of("SNAPSHOT_SELECTION_TAG", "none"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no clusters are selected");
    }

    @Test
    void fromEnvironment_should_refuse_when_selectionTagHasNoValue() {
        // GIVEN a selection tag without '=' / WHEN read / THEN the variable is named with the expected form
        assertThatThrownBy(() -> ScheduledSnapshotSettings.fromEnvironment(Environment.of(Map.of("SNAPSHOT_SELECTION_TAG", "backup"))))
                .hasMessageContaining("SNAPSHOT_SELECTION_TAG='backup' is not key=value");
    }

    @Test
    void snapshotAvailableSettings_should_parseHumanDurations_when_set() {
        // GIVEN durations written as on-call engineers write them
        Environment env = Environment.of(Map.of("SNAPSHOT_AVAILABLE_LOOKBACK", "36h", "SNAPSHOT_AVAILABLE_GRACE", "PT5M"));
        // WHEN read / THEN they are understood
        SnapshotAvailableSettings settings = SnapshotAvailableSettings.fromEnvironment(env);
        assertThat(settings.lookback()).isEqualTo(Duration.ofHours(36));
        assertThat(settings.grace()).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> SnapshotAvailableSettings.fromEnvironment(Environment.of(Map.of("SNAPSHOT_AVAILABLE_GRACE", "soon"))))
                .hasMessageContaining("SNAPSHOT_AVAILABLE_GRACE='soon'");
    }
}
