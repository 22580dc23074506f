package dev.auroraguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsSettingsTest {

    @Test
    void fromEnvironment_should_preferServiceEndpoint_when_bothAreSet() {
        // GIVEN a shared endpoint and an RDS-specific one
        Environment env = Environment.of(Map.of("AWS_REGION", "eu-west-1",
                "AWS_ENDPOINT_URL", "http://localhost:4566", "AWS_ENDPOINT_URL_RDS", "http://127.0.0.1:9000"));
        // WHEN read
        AwsSettings settings = AwsSettings.fromEnvironment(env);
        // THEN RDS uses its own, EventBridge the shared one
        assertThat(settings.rdsEndpoint()).contains(URI.create("http://127.0.0.1:9000"));
        assertThat(settings.eventBridgeEndpoint()).contains(URI.create("http://localhost:4566"));
        assertThat(settings.maxAttempts()).isEqualTo(AwsSettings.DEFAULT_MAX_ATTEMPTS);
    }

    @Test
    void fromEnvironment_should_nameMissingRegionAndBadEndpoint_when_misconfigured() {
        // GIVEN no region, a malformed endpoint and too many attempts
        Environment env = Environment.of(Map.of("AWS_ENDPOINT_URL", "localhost:4566", "AWS_MAX_ATTEMPTS", "50"));
        // WHEN read / THEN all three are named
        assertThatThrownBy(() -> AwsSettings.fromEnvironment(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("AWS_REGION is not set")
                .hasMessageContaining("AWS_ENDPOINT_URL='localhost:4566'")
                .hasMessageContaining("AWS_MAX_ATTEMPTS='50'");
    }
}
