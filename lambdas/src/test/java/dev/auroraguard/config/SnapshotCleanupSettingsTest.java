package dev.auroraguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.domain.TagSelector;
import dev.auroraguard.domain.retention.DeletionBudget;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotCleanupSettingsTest {

    private static final String POLICY = "{\"timezone\":\"Europe/Berlin\",\"rules\":{\"scheduled\":{\"keepDaily\":7}}}";

    @Test
    void fromEnvironment_should_beADryRunWithConservativeDefaults_when_onlyThePolicyIsSet() {
        // GIVEN only the policy
        // WHEN settings are read
        SnapshotCleanupSettings settings = SnapshotCleanupSettings.fromEnvironment(Environment.of(Map.of("RETENTION_POLICY", POLICY)));
        // THEN it is a dry run, 10 deletions per run, one delete per second, a 30-second margin, the scheduled-snapshot selection
        assertThat(settings.dryRun()).isTrue();
        assertThat(settings.budget()).isEqualTo(DeletionBudget.DEFAULT);
        assertThat(settings.deletesPerSecond()).isEqualTo(1.0);
        assertThat(settings.deleteInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.deadlineMargin()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.selection().tagged()).contains(new TagSelector("aurora-guard:backup", "true"));
        assertThat(settings.policy().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(settings.policy().rulesFor("scheduled").daily()).isEqualTo(7);
        assertThat(settings.eventBusName()).isEqualTo("aurora-guard");
    }

    @Test
    void paces_should_stayWithinAThirdOfRdssDocumentedRate_when_defaults() {
        // GIVEN RDS's documented default of 12 requests per second per account, shared by every caller
        SnapshotCleanupSettings settings = SnapshotCleanupSettings.fromEnvironment(Environment.of(Map.of("RETENTION_POLICY", POLICY)));

        // THEN listing pages go at 4 per second, 250 ms apart, and deletes at one per second
        assertThat(SnapshotCleanupSettings.RDS_SUSTAINED_REQUESTS_PER_SECOND).isEqualTo(12.0);
        assertThat(SnapshotCleanupSettings.LIST_PAGES_PER_SECOND).isEqualTo(4.0);
        assertThat(settings.listPageInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(Math.max(SnapshotCleanupSettings.LIST_PAGES_PER_SECOND, settings.deletesPerSecond()))
                .isLessThanOrEqualTo(SnapshotCleanupSettings.RDS_SUSTAINED_REQUESTS_PER_SECOND / 3);
    }

    @Test
    void fromEnvironment_should_readEveryVariable_when_set() {
        // GIVEN every variable set
        Environment env = Environment.of(Map.of(
                "RETENTION_POLICY", POLICY,
                "CLEANUP_DRY_RUN", "FALSE",
                "CLEANUP_DELETION_BUDGET", "25",
                "CLEANUP_DELETES_PER_SECOND", "0.5",
                "CLEANUP_DEADLINE_MARGIN", "45s",
                "SNAPSHOT_CLUSTERS", "orders-db",
                "SNAPSHOT_SELECTION_TAG", "none",
                "EVENT_BUS_NAME", "ops-bus"));
        // WHEN read
        SnapshotCleanupSettings settings = SnapshotCleanupSettings.fromEnvironment(env);
        // THEN each one is honoured
        assertThat(settings.dryRun()).isFalse();
        assertThat(settings.budget()).isEqualTo(DeletionBudget.of(25));
        assertThat(settings.deleteInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.deadlineMargin()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.selection().listed()).containsExactly("orders-db");
        assertThat(settings.selection().tagged()).isEmpty();
        assertThat(settings.eventBusName()).isEqualTo("ops-bus");
    }

    @Test
    void fromEnvironment_should_nameEveryBadVariableInOneMessage_when_severalAreWrong() {
        // GIVEN no policy and four bad values
        Environment env = Environment.of(Map.of(
                "CLEANUP_DRY_RUN", "maybe",
                "CLEANUP_DELETION_BUDGET", "-1",
                "CLEANUP_DELETES_PER_SECOND", "50",
                "CLEANUP_DEADLINE_MARGIN", "soon"));
        // WHEN read / THEN one exception names each variable, its value and what is expected
        assertThatThrownBy(() -> SnapshotCleanupSettings.fromEnvironment(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("RETENTION_POLICY is not set (e.g. {\"rules\":")
                .hasMessageContaining("CLEANUP_DRY_RUN='maybe' is not true or false")
                .hasMessageContaining("CLEANUP_DELETION_BUDGET='-1' is not a whole number from 0 to 1000")
                .hasMessageContaining("CLEANUP_DELETES_PER_SECOND='50' is not a number of delete requests per second")
                .hasMessageContaining("CLEANUP_DEADLINE_MARGIN='soon' is not a positive duration");
    }

    @Test
    void fromEnvironment_should_nameThePathInThePolicy_when_thePolicyIsInvalid() {
        // GIVEN a policy with a misspelt rule
        Environment env = Environment.of(Map.of("RETENTION_POLICY", "{\"rules\":{\"scheduled\":{\"keepDayly\":7}}}"));
        // WHEN read / THEN the message names the variable and the path inside the policy
        assertThatThrownBy(() -> SnapshotCleanupSettings.fromEnvironment(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("RETENTION_POLICY=")
                .hasMessageContaining("rules.scheduled: unknown key \"keepDayly\"");
    }

    @Test
    void fromEnvironment_should_refuse_when_theMarginLeavesNoTimeInAnyLambda() {
        // GIVEN a margin as long as Lambda's longest timeout / WHEN read / THEN it is refused
        assertThatThrownBy(() -> SnapshotCleanupSettings.fromEnvironment(Environment.of(Map.of("RETENTION_POLICY", POLICY,
                "CLEANUP_DEADLINE_MARGIN", "15m"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CLEANUP_DEADLINE_MARGIN='15m' is not shorter than");
    }

    @Test
    void fromEnvironment_should_refuse_when_noClusterCanBeSelected() {
        // GIVEN tag selection off and no list / WHEN read / THEN the shared selection rule applies
        assertThatThrownBy(() -> SnapshotCleanupSettings.fromEnvironment(Environment.of(Map.of("RETENTION_POLICY", POLICY,
                "SNAPSHOT_SELECTION_TAG", "none"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no clusters are selected");
    }

    @Test
    void fromEnvironment_should_acceptAZeroBudget_when_deletionIsToBePaused() {
        // GIVEN a budget of 0 / WHEN read / THEN it stands (a run then deletes nothing, every deletion deferred)
        SnapshotCleanupSettings settings = SnapshotCleanupSettings.fromEnvironment(Environment.of(Map.of("RETENTION_POLICY", POLICY,
                "CLEANUP_DELETION_BUDGET", "0")));
        assertThat(settings.budget().maxDeletions()).isZero();
    }
}
