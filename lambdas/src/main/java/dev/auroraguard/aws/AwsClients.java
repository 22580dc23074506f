package dev.auroraguard.aws;

import dev.auroraguard.config.AwsSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The one place that builds SDK clients. Everything is explicit so that nothing is discovered at cold
 * start: the region, the credentials ({@link LambdaCredentials}), the URL-connection HTTP client, the endpoint override (the simulator) and the standard
 * retry mode with a bounded number of attempts and bounded backoff.
 *
 * <p>Clients are built once per container: {@link #shared} keeps one set per distinct settings (in
 * Lambda there is exactly one; the sandbox may point several handlers at the same simulator).
 */
public final class AwsClients {

    private static final Map<AwsSettings, AwsClients> SHARED = new ConcurrentHashMap<>();

    private final AwsSettings settings;
    private final RdsClient rds;
    private final EventBridgeClient eventBridge;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final ClientOverrideConfiguration overrides;
    private final Region region;
    private volatile SsmClient ssm;
    private volatile CodePipelineClient codePipeline;

    private AwsClients(AwsSettings settings) {
        this.settings = settings;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
        this.credentials = new LambdaCredentials();
        this.region = Region.of(settings.region());
        this.overrides = ClientOverrideConfiguration.builder()
                .retryStrategy(retryStrategy(settings))
                .apiCallTimeout(settings.apiCallTimeout())
                .build();
        this.rds = build(RdsClient.builder(), settings.rdsEndpoint());
        this.eventBridge = build(EventBridgeClient.builder(), settings.eventBridgeEndpoint());
    }

    /** Every client's configuration: region, credentials, HTTP client, retries and timeouts, and the endpoint if overridden. */
    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C build(B builder, Optional<URI> endpoint) {
        builder.region(region).credentialsProvider(credentials).httpClient(http).overrideConfiguration(overrides);
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The clients for {@code settings}, built on first use and reused for the life of the container. */
    public static AwsClients shared(AwsSettings settings) {
        return SHARED.computeIfAbsent(settings, AwsClients::new);
    }

    /** The standard retry mode: retries throttling, 5xx and transport errors, with a circuit breaker. */
    static RetryStrategy retryStrategy(AwsSettings settings) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(settings.maxAttempts())
                .backoffStrategy(BackoffStrategy.exponentialDelay(settings.backoffBase(), settings.maxBackoff()))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(settings.throttlingBackoffBase(), settings.maxBackoff()))
                .build();
    }

    public AwsSettings settings() {
        return settings;
    }

    public RdsClient rds() {
        return rds;
    }

    public EventBridgeClient eventBridge() {
        return eventBridge;
    }

    /**
     * The SSM client, built on first use: only the restore cutover needs it, and building a client costs
     * cold-start time in every function that doesn't. (Built here, not named in the constructor: the artifacts
     * of the functions that never call this carry no SSM module, and must not reach its classes.)
     */
    public SsmClient ssm() {
        SsmClient client = ssm;
        if (client == null) {
            synchronized (this) {
                client = ssm;
                if (client == null) {
                    client = build(SsmClient.builder(), settings.ssmEndpoint());
                    ssm = client;
                }
            }
        }
        return client;
    }

    /**
     * The CodePipeline client, built on first use (in the init phase of the one function that calls
     * CodePipeline, so the others never load it) and reused for the life of the container.
     */
    public CodePipelineClient codePipeline() {
        CodePipelineClient client = codePipeline;
        if (client == null) {
            synchronized (this) {
                client = codePipeline;
                if (client == null) {
                    client = build(CodePipelineClient.builder(), settings.codePipelineEndpoint());
                    codePipeline = client;
                }
            }
        }
        return client;
    }
}
