package dev.auroraguard.aws;

import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.utils.Lazy;

/**
 * Where a Lambda function's credentials are, decided per call and built only when needed: Lambda's
 * environment variables; with SnapStart, the container endpoint Lambda serves them from
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}), so a restored snapshot never carries stale keys; the
 * standard system properties, which is how {@code ./aurora-guard invoke} passes the sandbox's.
 *
 * <p>Why not {@code AwsCredentialsProviderChain.of(...)}: a chain constructs every provider up front, and
 * the container provider brings its HTTP and JSON machinery into every cold start that has environment
 * variables and never uses it.
 */
final class LambdaCredentials implements AwsCredentialsProvider {

    static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    static final String CONTAINER_FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    static final String CONTAINER_RELATIVE_URI = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";

    static final String ACCESS_KEY_PROPERTY = "aws.accessKeyId";

    private final Function<String, String> environment;
    private final Function<String, String> systemProperties;
    private final AwsCredentialsProvider fromEnvironment;
    private final AwsCredentialsProvider fromSystemProperties;
    /** Built only when used: the container provider and its JSON machinery cost cold-start time elsewhere. */
    private final Lazy<AwsCredentialsProvider> fromContainer;

    LambdaCredentials() {
        this(System::getenv, System::getProperty, EnvironmentVariableCredentialsProvider.create(),
                SystemPropertyCredentialsProvider.create(), ContainerCredentialsProvider::create);
    }

    LambdaCredentials(Function<String, String> environment, Function<String, String> systemProperties,
                      AwsCredentialsProvider fromEnvironment, AwsCredentialsProvider fromSystemProperties,
                      Supplier<AwsCredentialsProvider> containerFactory) {
        this.environment = environment;
        this.systemProperties = systemProperties;
        this.fromEnvironment = fromEnvironment;
        this.fromSystemProperties = fromSystemProperties;
        this.fromContainer = new Lazy<>(containerFactory);
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return source().resolveCredentials();
    }

    /** The provider this call uses; fails naming every place looked at. */
    AwsCredentialsProvider source() {
        if (isSet(environment.apply(ACCESS_KEY_ID))) {
            return fromEnvironment;
        }
        if (isSet(environment.apply(CONTAINER_FULL_URI)) || isSet(environment.apply(CONTAINER_RELATIVE_URI))) {
            return fromContainer.getValue();
        }
        if (isSet(systemProperties.apply(ACCESS_KEY_PROPERTY))) {
            return fromSystemProperties;
        }
        throw SdkClientException.create("No AWS credentials: none of the environment variables " + ACCESS_KEY_ID + ", "
                + CONTAINER_FULL_URI + ", " + CONTAINER_RELATIVE_URI + " nor the system property " + ACCESS_KEY_PROPERTY + " is set"
                + " (in Lambda, the execution role provides them).");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "LambdaCredentials(environment, container endpoint, system properties)";
    }
}
