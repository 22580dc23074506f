package dev.auroraguard.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

class LambdaCredentialsTest {

    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> properties = new HashMap<>();
    private final AtomicInteger containerProvidersBuilt = new AtomicInteger();
    private final AwsCredentialsProvider env = provider("from-env");
    private final AwsCredentialsProvider sys = provider("from-properties");
    private final LambdaCredentials credentials = new LambdaCredentials(environment::get, properties::get, env, sys, () -> {
        containerProvidersBuilt.incrementAndGet();
        return provider("from-container");
    });

    @Test
    void resolveCredentials_should_use_environment_and_never_build_the_container_provider_when_keys_are_in_the_environment() {
        // GIVEN Lambda's usual environment, with a container endpoint configured too
        environment.put("AWS_ACCESS_KEY_ID", "AKIA...");
        environment.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials");
        // WHEN credentials are resolved twice
        credentials.resolveCredentials();
        String key = credentials.resolveCredentials().accessKeyId();
        // THEN they come from the environment and the container provider was never built
        assertThat(key).isEqualTo("from-env");
        assertThat(containerProvidersBuilt).hasValue(0);
    }

    @Test
    void resolveCredentials_should_use_the_container_endpoint_built_once_when_snapstart_serves_credentials() {
        // GIVEN SnapStart's environment: no keys, a container endpoint
        environment.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials");
        // WHEN resolved three times
        for (int i = 0; i < 3; i++) {
            assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("from-container");
        }
        // THEN one container provider served them all
        assertThat(containerProvidersBuilt).hasValue(1);
    }

    @Test
    void resolveCredentials_should_use_system_properties_when_the_sandbox_passes_them() {
        // GIVEN only the system property (./aurora-guard invoke)
        properties.put("aws.accessKeyId", "sandbox");
        // WHEN / THEN
        assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("from-properties");
    }

    @Test
    void resolveCredentials_should_fail_naming_every_source_when_none_is_set() {
        // GIVEN nothing, WHEN resolved, THEN one message names where it looked
        assertThatThrownBy(credentials::resolveCredentials).isInstanceOf(SdkClientException.class)
                .hasMessageContaining("AWS_ACCESS_KEY_ID").hasMessageContaining("AWS_CONTAINER_CREDENTIALS_FULL_URI")
                .hasMessageContaining("aws.accessKeyId");
    }

    private static AwsCredentialsProvider provider(String accessKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret"));
    }
}
