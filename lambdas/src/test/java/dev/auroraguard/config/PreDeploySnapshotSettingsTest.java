package dev.auroraguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreDeploySnapshotSettingsTest {

    @Test
    void fromEnvironment_should_useDefaults_when_nothingIsSet() {
        PreDeploySnapshotSettings settings = PreDeploySnapshotSettings.fromEnvironment(Environment.of(Map.of()));
        assertThat(settings.maxWait()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.copyClusterTags()).isFalse();
        assertThat(settings.eventBusName()).isEqualTo("aurora-guard");
    }

    @Test
    void fromEnvironment_should_readEveryVariable_when_set() {
        PreDeploySnapshotSettings settings = PreDeploySnapshotSettings.fromEnvironment(Environment.of(Map.of(
                "PRE_DEPLOY_MAX_WAIT", "90m", "SNAPSHOT_COPY_CLUSTER_TAGS", "true", "EVENT_BUS_NAME", "ops-bus")));
        assertThat(settings).isEqualTo(new PreDeploySnapshotSettings(Duration.ofMinutes(90), true, "ops-bus"));
    }

    @Test
    void fromEnvironment_should_nameEveryBadVariable_when_invalid() {
        assertThatThrownBy(() -> PreDeploySnapshotSettings.fromEnvironment(Environment.of(Map.of(
                "PRE_DEPLOY_MAX_WAIT", "24h", "SNAPSHOT_COPY_CLUSTER_TAGS", "yes"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PRE_DEPLOY_MAX_WAIT='24h' is not a duration from 1m to 23h such as 90m or 2h (CodePipeline"
                        + " fails a Lambda invoke action after 24 hours)")
                .hasMessageContaining("SNAPSHOT_COPY_CLUSTER_TAGS='yes' is not true or false");
        assertThatThrownBy(() -> PreDeploySnapshotSettings.fromEnvironment(Environment.of(Map.of("PRE_DEPLOY_MAX_WAIT", "soon"))))
                .hasMessageContaining("PRE_DEPLOY_MAX_WAIT='soon'");
    }

    @Test
    void awsSettings_should_readTheCodePipelineEndpoint_when_setOrShared() {
        AwsSettings shared = AwsSettings.fromEnvironment(Environment.of(Map.of("AWS_REGION", "eu-west-1",
                "AWS_ENDPOINT_URL", "http://localhost:4566")));
        AwsSettings specific = AwsSettings.fromEnvironment(Environment.of(Map.of("AWS_REGION", "eu-west-1",
                "AWS_ENDPOINT_URL", "http://localhost:4566", "AWS_ENDPOINT_URL_CODEPIPELINE", "http://localhost:9000")));
        assertThat(shared.codePipelineEndpoint()).hasValue(java.net.URI.create("http://localhost:4566"));
        assertThat(specific.codePipelineEndpoint()).hasValue(java.net.URI.create("http://localhost:9000"));
        assertThat(specific.withRetries(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(2)).codePipelineEndpoint())
                .isEqualTo(specific.codePipelineEndpoint());
    }
}
