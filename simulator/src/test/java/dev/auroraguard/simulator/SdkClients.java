package dev.auroraguard.simulator;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.rds.RdsClient;

/** Real SDK v2 clients pointed at a simulator, built the way the project's adapters build them. */
public final class SdkClients {

    private SdkClients() {
    }

    /** The SDK's standard retry strategy (3 attempts) with short back-offs so tests stay fast. */
    public static RetryStrategy standardRetries(int maxAttempts) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(1), Duration.ofMillis(20)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(1), Duration.ofMillis(20)))
                .build();
    }

    public static RdsClient rds(URI endpoint, ClientOverrideConfiguration configuration) {
        return toSimulator(RdsClient.builder(), endpoint, configuration).build();
    }

    public static RdsClient rds(URI endpoint, RetryStrategy retries) {
        return rds(endpoint, ClientOverrideConfiguration.builder().retryStrategy(retries).build());
    }

    public static RdsClient rds(Simulator simulator) {
        return rds(simulator.endpoint(), standardRetries(3));
    }

    public static EventBridgeClient eventBridge(URI endpoint, ClientOverrideConfiguration configuration) {
        return toSimulator(EventBridgeClient.builder(), endpoint, configuration).build();
    }

    public static EventBridgeClient eventBridge(URI endpoint, RetryStrategy retries) {
        return eventBridge(endpoint, ClientOverrideConfiguration.builder().retryStrategy(retries).build());
    }

    public static EventBridgeClient eventBridge(Simulator simulator) {
        return eventBridge(simulator.endpoint(), standardRetries(3));
    }

    public static CodePipelineClient codePipeline(URI endpoint, RetryStrategy retries) {
        return toSimulator(CodePipelineClient.builder(), endpoint, ClientOverrideConfiguration.builder().retryStrategy(retries).build())
                .build();
    }

    public static CodePipelineClient codePipeline(Simulator simulator) {
        return codePipeline(simulator.endpoint(), standardRetries(3));
    }

    /** The settings every client shares: the simulator's endpoint, a region, static credentials, the URL-connection client. */
    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B toSimulator(
            B builder, URI endpoint, ClientOverrideConfiguration configuration) {
        return builder.endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(configuration);
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret"));
    }
}
