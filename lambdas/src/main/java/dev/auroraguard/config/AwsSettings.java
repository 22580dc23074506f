package dev.auroraguard.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the SDK clients reach AWS (or the simulator): region, endpoint overrides and the retry budget.
 *
 * @param region             {@code AWS_REGION}, required (Lambda always sets it)
 * @param rdsEndpoint        {@code AWS_ENDPOINT_URL_RDS}, else {@code AWS_ENDPOINT_URL}
 * @param eventBridgeEndpoint {@code AWS_ENDPOINT_URL_EVENTBRIDGE}, else {@code AWS_ENDPOINT_URL}
 * @param maxAttempts        {@code AWS_MAX_ATTEMPTS}: attempts per call, first one included (standard retry mode)
 * @param backoffBase        base delay of the exponential, jittered backoff between attempts
 * @param throttlingBackoffBase base delay after a throttling error
 * @param maxBackoff         cap on any single backoff delay
 * @param apiCallTimeout     bound on one call including all its attempts
 * @param ssmEndpoint        {@code AWS_ENDPOINT_URL_SSM}, else {@code AWS_ENDPOINT_URL}
 * @param codePipelineEndpoint {@code AWS_ENDPOINT_URL_CODEPIPELINE}, else {@code AWS_ENDPOINT_URL}
 */
public record AwsSettings(String region, Optional<URI> rdsEndpoint, Optional<URI> eventBridgeEndpoint, int maxAttempts,
                          Duration backoffBase, Duration throttlingBackoffBase, Duration maxBackoff,
                          Duration apiCallTimeout, Optional<URI> ssmEndpoint, Optional<URI> codePipelineEndpoint) {

    public static final String REGION = "AWS_REGION";
    public static final String ENDPOINT_URL = "AWS_ENDPOINT_URL";
    public static final String ENDPOINT_URL_RDS = "AWS_ENDPOINT_URL_RDS";
    public static final String ENDPOINT_URL_EVENTBRIDGE = "AWS_ENDPOINT_URL_EVENTBRIDGE";
    public static final String ENDPOINT_URL_SSM = "AWS_ENDPOINT_URL_SSM";
    public static final String ENDPOINT_URL_CODEPIPELINE = "AWS_ENDPOINT_URL_CODEPIPELINE";
    public static final String MAX_ATTEMPTS = "AWS_MAX_ATTEMPTS";

    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofMillis(100);
    public static final Duration DEFAULT_THROTTLING_BACKOFF_BASE = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(20);
    public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(60);

    public AwsSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(rdsEndpoint, "rdsEndpoint");
        Objects.requireNonNull(eventBridgeEndpoint, "eventBridgeEndpoint");
        Objects.requireNonNull(ssmEndpoint, "ssmEndpoint");
        Objects.requireNonNull(codePipelineEndpoint, "codePipelineEndpoint");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt: " + maxAttempts);
        }
    }

    public static AwsSettings fromEnvironment(Environment environment) {
        SettingsReader reader = new SettingsReader(environment);
        String region = reader.required(REGION, "eu-west-1");
        Optional<URI> shared = endpoint(reader, ENDPOINT_URL);
        Optional<URI> rds = endpoint(reader, ENDPOINT_URL_RDS).or(() -> shared);
        Optional<URI> events = endpoint(reader, ENDPOINT_URL_EVENTBRIDGE).or(() -> shared);
        Optional<URI> ssm = endpoint(reader, ENDPOINT_URL_SSM).or(() -> shared);
        Optional<URI> codePipeline = endpoint(reader, ENDPOINT_URL_CODEPIPELINE).or(() -> shared);
        int attempts = reader.integer(MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS, 1, 10);
        reader.validate();
        return new AwsSettings(region, rds, events, attempts, DEFAULT_BACKOFF_BASE, DEFAULT_THROTTLING_BACKOFF_BASE,
                DEFAULT_MAX_BACKOFF, DEFAULT_API_CALL_TIMEOUT, ssm, codePipeline);
    }

    /** The same settings with another retry budget (tests use short delays). */
    public AwsSettings withRetries(int attempts, Duration base, Duration throttlingBase, Duration max) {
        return new AwsSettings(region, rdsEndpoint, eventBridgeEndpoint, attempts, base, throttlingBase, max, apiCallTimeout,
                ssmEndpoint, codePipelineEndpoint);
    }

    private static Optional<URI> endpoint(SettingsReader reader, String name) {
        return Optional.ofNullable(reader.parsed(name, null, text -> {
            URI uri = URI.create(text);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException();
            }
            return uri;
        }, "an http(s) URL such as http://localhost:4566"));
    }
}
