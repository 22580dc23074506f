package dev.auroraguard.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.config.ScheduledSnapshotSettings;
import dev.auroraguard.config.SnapshotAvailableSettings;
import dev.auroraguard.config.SnapshotCleanupSettings;
import dev.auroraguard.domain.TagScheme;
import dev.auroraguard.domain.UnavailableClusterPolicy;
import dev.auroraguard.domain.retention.DeletionBudget;
import dev.auroraguard.event.EventPatterns;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configuration from CDK context: defaults, both value forms, and one message naming every bad key. */
class AuroraGuardSettingsTest {

    @Test
    void fromContext_should_useTheFunctionsDefaults_when_theContextIsEmpty() {
        // WHEN nothing is configured
        AuroraGuardSettings settings = AuroraGuardSettings.fromContext(Map.of());

        // THEN every value is the function's own default, and cleanup deletes nothing
        assertThat(settings.eventBusName()).isEqualTo(ScheduledSnapshotSettings.DEFAULT_EVENT_BUS_NAME);
        assertThat(settings.snapshots().clusters()).isEmpty();
        assertThat(settings.snapshots().selectionTag()).map(Object::toString).contains(TagScheme.DEFAULT_SELECTION);
        assertThat(settings.snapshots().onClusterUnavailable()).isEqualTo(UnavailableClusterPolicy.FAIL);
        assertThat(settings.snapshots().quotaWarningShare()).isEqualTo(ScheduledSnapshotSettings.DEFAULT_QUOTA_WARNING_SHARE);
        assertThat(settings.snapshots().schedules()).containsExactly(
                EventPatterns.SCHEDULED_SNAPSHOT_SCHEDULE.defaultSchedule().orElseThrow());
        assertThat(settings.snapshots().availableCheckSchedule()).isEqualTo(
                EventPatterns.SNAPSHOT_AVAILABLE_PERIODIC_CHECK.defaultSchedule().orElseThrow());
        assertThat(settings.snapshots().availableLookback()).isEqualTo(SnapshotAvailableSettings.DEFAULT_LOOKBACK);
        assertThat(settings.snapshots().availableGrace()).isEqualTo(SnapshotAvailableSettings.DEFAULT_GRACE);
        assertThat(settings.cleanup().dryRun()).isTrue();
        assertThat(settings.cleanup().retentionPolicyJson()).isEqualTo("{\"rules\":{}}");
        assertThat(settings.cleanup().schedule()).isEqualTo(EventPatterns.SNAPSHOT_CLEANUP_SCHEDULE.defaultSchedule().orElseThrow());
        assertThat(settings.cleanup().deletionBudget()).isEqualTo(DeletionBudget.DEFAULT.maxDeletions());
        assertThat(settings.cleanup().deletesPerSecond()).isEqualTo(SnapshotCleanupSettings.DEFAULT_DELETES_PER_SECOND);
        assertThat(settings.restore().alarms()).isEmpty();
        assertThat(settings.logRetentionDays()).isEqualTo(90);
        assertThat(settings.logLevel()).isEqualTo("INFO");
    }

    @Test
    void fromContext_should_readEveryKey_when_givenStructuredValuesAsInCdkJson() {
        // GIVEN cdk.json-style values: lists, objects, numbers, booleans
        Map<String, Object> context = new LinkedHashMap<>(SynthesizedApp.FULL_CONTEXT);
        context.put("restoreAlarms", Map.of("orders-db-errors", "Orders-DB"));
        context.put("restoreCooldown", "2h");
        context.put("restoreSafetyMargin", "PT5M");
        context.put("restoreReaderCount", 2);
        context.put("restoreCutoverParameter", "/aurora-guard/orders-db/endpoint");

        // WHEN read
        AuroraGuardSettings settings = AuroraGuardSettings.fromContext(context);

        // THEN each value is typed, identifiers in RDS's lower case
        assertThat(settings.eventBusName()).isEqualTo("ops-aurora-guard");
        assertThat(settings.eventBusPutPrincipals()).containsExactly("111122223333");
        assertThat(settings.snapshots().clusters()).containsExactly("orders-db", "billing-db");
        assertThat(settings.snapshots().selectionTag()).map(Object::toString).contains("backup-tier=gold");
        assertThat(settings.snapshots().onClusterUnavailable()).isEqualTo(UnavailableClusterPolicy.SKIP);
        assertThat(settings.snapshots().quotaWarningShare()).isEqualTo(0.9);
        assertThat(settings.snapshots().schedules()).containsExactly("cron(0 3 * * ? *)", "cron(0 15 * * ? *)");
        assertThat(settings.snapshots().availableLookback()).isEqualTo(Duration.ofDays(3));
        assertThat(settings.cleanup().schedule()).isEqualTo("cron(30 4 * * ? *)");
        assertThat(settings.cleanup().dryRun()).isFalse();
        assertThat(settings.cleanup().deletionBudget()).isEqualTo(50);
        assertThat(settings.cleanup().deletesPerSecond()).isEqualTo(0.5);
        assertThat(settings.cleanup().retentionPolicyJson()).contains("\"keepDaily\":7").contains("Europe/Berlin");
        assertThat(settings.restore().alarms()).containsExactly(
                new AuroraGuardSettings.RestoreAlarm("orders-db-errors", Optional.of("orders-db")));
        assertThat(settings.restore().cooldown()).contains(Duration.ofHours(2));
        assertThat(settings.restore().safetyMargin()).contains(Duration.ofMinutes(5));
        assertThat(settings.restore().readerCount()).contains(2);
        assertThat(settings.restore().cutoverParameter()).contains("/aurora-guard/orders-db/endpoint");
        assertThat(settings.notificationEmail()).contains("oncall@example.com");
        assertThat(settings.logRetentionDays()).isEqualTo(30);
        assertThat(settings.logLevel()).isEqualTo("DEBUG");
    }

    @Test
    void fromContext_should_parseText_when_valuesComeFromTheCommandLine() {
        // GIVEN -c key=value pairs: the CLI hands every value over as a string
        Map<String, Object> context = Map.of(
                "clusters", "orders-db, billing-db",
                "selectionTag", "none",
                "copyClusterTags", "TRUE",
                "quotaWarningShare", "75%",
                "snapshotSchedules", "[\"cron(0 1 * * ? *)\",\"rate(12 hours)\"]",
                "retentionPolicy", "{\"rules\":{\"scheduled\":{\"keepLast\":3}}}",
                "cleanupDryRun", "false",
                "restoreAlarms", "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:orders-errors,billing-errors",
                "restoreReaderCount", "1",
                "logRetentionDays", "14");

        AuroraGuardSettings settings = AuroraGuardSettings.fromContext(context);

        assertThat(settings.snapshots().clusters()).containsExactly("orders-db", "billing-db");
        assertThat(settings.snapshots().selectionTag()).isEmpty();
        assertThat(settings.snapshots().copyClusterTags()).isTrue();
        assertThat(settings.snapshots().quotaWarningShare()).isEqualTo(0.75);
        assertThat(settings.snapshots().schedules()).containsExactly("cron(0 1 * * ? *)", "rate(12 hours)");
        assertThat(settings.cleanup().retentionPolicyJson()).isEqualTo("{\"rules\":{\"scheduled\":{\"keepLast\":3}}}");
        assertThat(settings.cleanup().dryRun()).isFalse();
        assertThat(settings.restore().alarms()).extracting(AuroraGuardSettings.RestoreAlarm::alarm)
                .containsExactly("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:orders-errors", "billing-errors");
        assertThat(settings.restore().alarms()).allSatisfy(a -> assertThat(a.clusterId()).isEmpty());
        assertThat(settings.restore().readerCount()).contains(1);
        assertThat(settings.logRetentionDays()).isEqualTo(14);
    }

    @Test
    void fromContext_should_nameEveryBadKeyInOneMessage_when_severalAreWrong() {
        // GIVEN four unrelated mistakes
        Map<String, Object> context = Map.of(
                "clusters", List.of("orders_db"),
                "snapshotSchedules", List.of("cron(0 3 * * *)"),
                "logRetentionDays", 10,
                "cleanupDryrun", false);

        // THEN one exception names all of them, by context key
        assertThatThrownBy(() -> AuroraGuardSettings.fromContext(context))
                .isInstanceOf(InvalidContextException.class)
                .satisfies(e -> assertThat(((InvalidContextException) e).problems()).hasSize(4))
                .hasMessageContaining("context clusters: 'orders_db' is not a valid cluster identifier: it contains '_'")
                .hasMessageContaining("context snapshotSchedules: 'cron(0 3 * * *)' has 5 fields; an EventBridge cron has 6")
                .hasMessageContaining("context logRetentionDays: 10 is not a retention CloudWatch Logs offers")
                .hasMessageContaining("context cleanupDryrun: is not a key aurora-guard reads (a typo?)");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "eventBusName|default|is not a custom event bus name",
            "eventBusPutPrincipals|arn:aws:iam::12345:role/x|is neither a 12-digit account ID nor an IAM principal ARN",
            "selectionTag|backup|expected key=value",
            "onClusterUnavailable|retry|is not 'fail'",
            "quotaWarningShare|1.5|is not a share greater than 0 and at most 1",
            "copyClusterTags|yes|must be true or false",
            "snapshotSchedules|rate(1 hours)|wants the singular unit for 1",
            "snapshotSchedules|cron(0 3 1 * MON *)|exactly one of day-of-month",
            "snapshotSchedules|daily|is not a schedule expression",
            "snapshotAvailableCheckSchedule|rate(0 minutes)|must have a positive rate",
            "snapshotAvailableLookback|-2d|is not a positive duration",
            "cleanupSchedule|cron(0 4 * * *)|has 5 fields",
            "retentionPolicy|{\"rules\":{\"scheduled\":{\"keepDaily\":-1}}}|rules.scheduled.keepDaily: must be a whole number, zero or more; got -1",
            "retentionPolicy|{\"rules\":{\"scheduled\":{\"keepDayly\":7}}}|unknown key \"keepDayly\"",
            "retentionPolicy|{\"timezone\":\"Mars/Olympus\",\"rules\":{}}|unknown time zone",
            "retentionPolicy|{\"rules\":|is not valid JSON",
            "cleanupDryRun|maybe|must be true or false",
            "cleanupDeletionBudget|1001|must be a whole number from 0 to 1000",
            "cleanupDeletesPerSecond|0|is not a pace greater than 0 and at most 10",
            "cleanupDeletesPerSecond|fast|must be a number",
            "restoreAlarms|{\"orders-errors\":\"orders_db\"}|which is not a cluster identifier",
            "restoreAlarms|arn:aws:cloudwatch:eu-west-1:1:alarm:x|is neither a CloudWatch alarm ARN",
            "restoreCooldown|soon|is not a positive duration",
            "restoreSafetyMargin|0m|is not a positive duration",
            "restoreReaderCount|16|must be a whole number from 0 to 15",
            "restoreReaderCount|1.5|must be a whole number from 0 to 15",
            "restoreCutoverParameter|aws/endpoint|a parameter name with a hierarchy starts with '/'",
            "restoreCutoverParameter|/ssm-endpoint|reserved by Systems Manager",
            "restoreCutoverParameter|/orders endpoint|is not an SSM parameter name",
            "notificationEmail|oncall|is not an e-mail address",
            "logLevel|VERBOSE|is not one of [TRACE, DEBUG, INFO, WARN, ERROR, FATAL]",
    })
    void fromContext_should_explainTheProblem_when_aKeyHasABadValue(String key, String value, String expected) {
        assertThatThrownBy(() -> AuroraGuardSettings.fromContext(Map.of(key, value)))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("context " + key + ": ")
                .hasMessageContaining(expected);
    }

    @Test
    void fromContext_should_sayWhichShapesItAccepts_when_restoreAlarmsIsNeitherMappingNorList() {
        // GIVEN cdk.json with a number where the alarms belong
        assertThatThrownBy(() -> AuroraGuardSettings.fromContext(Map.of("restoreAlarms", 42)))
                .hasMessageContaining("context restoreAlarms: must map alarm names or ARNs to cluster identifiers"
                        + " ({\"alarm\":\"cluster\"}) or list alarms ([\"alarm\"]); got 42");
    }

    @Test
    void fromContext_should_refuse_when_noClusterCanBeSelected() {
        // GIVEN tag selection turned off and no cluster listed
        assertThatThrownBy(() -> AuroraGuardSettings.fromContext(Map.of("selectionTag", "none")))
                .hasMessageContaining("context selectionTag: no clusters are selected: with 'none', list cluster identifiers in clusters");
    }

    @Test
    void fromContext_should_ignoreTheCdksOwnKeys_when_checkingForTypos() {
        // GIVEN feature flags and CLI keys next to ours
        Map<String, Object> context = Map.of(
                "@aws-cdk/aws-lambda:recognizeLayerVersion", true,
                "aws:cdk:enable-path-metadata", true,
                "acknowledged-issue-numbers", List.of(32775),
                "availability-zones:account=123456789012:region=eu-west-1", List.of("eu-west-1a"));

        assertThat(AuroraGuardSettings.fromContext(context).eventBusName()).isEqualTo("aurora-guard");
    }
}
