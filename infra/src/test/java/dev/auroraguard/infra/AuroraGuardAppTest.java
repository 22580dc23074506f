package dev.auroraguard.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroraguard.event.EventPatterns;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;

/** The app as the CLI runs it: configuration errors, the repository's own cdk.json. */
class AuroraGuardAppTest {

    @Test
    void createStack_should_nameTheBadKeys_when_theContextIsInvalid() {
        // GIVEN an app whose context has a bad schedule
        App app = new App(AppProps.builder().context(Map.of(
                "snapshotSchedules", "cron(0 3 * * *)",
                AuroraGuardSettings.FUNCTION_ARTIFACTS, SynthesizedApp.standInArtifacts().toString())).build());

        // THEN the synth stops before building anything, naming the key
        assertThatThrownBy(() -> AuroraGuardApp.createStack(app))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageStartingWith("Invalid aurora-guard configuration (cdk.json \"context\" or -c key=value): ")
                .hasMessageContaining("context snapshotSchedules: 'cron(0 3 * * *)' has 5 fields");
    }

    @Test
    void createStack_should_nameBadKeysAndMissingJarsInOneMessage_when_bothAreWrong(@TempDir Path directory) {
        // GIVEN a bad schedule, a key of an earlier version, and an empty artifacts directory
        App app = new App(AppProps.builder().context(Map.of(
                "snapshotSchedules", "cron(0 3 * * *)",
                "lambdaArtifact", "lambdas/target/lambdas-0.1.0-SNAPSHOT-aws.jar",
                AuroraGuardSettings.FUNCTION_ARTIFACTS, directory.toString())).build());

        // THEN one exception names all three problems, the old key with its replacement
        assertThatThrownBy(() -> AuroraGuardApp.createStack(app))
                .isInstanceOf(InvalidContextException.class)
                .satisfies(e -> assertThat(((InvalidContextException) e).problems()).hasSize(3))
                .hasMessageContaining("context snapshotSchedules: 'cron(0 3 * * *)' has 5 fields")
                .hasMessageContaining("context lambdaArtifact: is no longer read; use functionArtifacts (the directory of"
                        + " the per-function jars")
                .hasMessageContaining("context functionArtifacts: " + directory + " is missing 6 of the 6 function jars");
    }

    @Test
    void repositoryCdkJson_should_deployTheDefaultSchedulesWithCleanupInDryRun_when_usedAsIs() {
        // GIVEN the repository's cdk.json context, as a fresh clone synthesizes it
        SynthesizedApp app = SynthesizedApp.repository();

        // THEN scheduled snapshots of clusters tagged aurora-guard:backup=true on the shared default schedule
        app.template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "AuroraGuard-scheduled-snapshot",
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "SNAPSHOT_SELECTION_TAG", "aurora-guard:backup=true",
                        "EVENT_BUS_NAME", "aurora-guard"))))));
        app.template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "Name", "AuroraGuard-" + EventPatterns.SCHEDULED_SNAPSHOT_SCHEDULE.ruleName(),
                "ScheduleExpression", EventPatterns.SCHEDULED_SNAPSHOT_SCHEDULE.defaultSchedule().orElseThrow())));
        assertThat(AuroraGuardSettings.fromContext(SynthesizedApp.repositoryContext()).cleanup().dryRun()).isTrue();
        // AND no e-mail subscription unless an address is configured
        app.template.resourceCountIs("AWS::SNS::Subscription", 0);
    }
}
