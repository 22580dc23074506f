package dev.auroraguard.functions;

import java.net.URI;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * Loaded in a class loader where the rewritten SDK client shadows the original: describes a cluster that
 * does not exist and answers the class of the exception the SDK threw.
 */
public final class IsolatedRdsCall implements Function<String, String> {

    @Override
    public String apply(String endpoint) {
        try (RdsClient rds = RdsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            rds.describeDBClusters(r -> r.dbClusterIdentifier("no-such-cluster"));
            return "no exception";
        } catch (RuntimeException e) {
            return e.getClass().getName() + " from " + RdsClient.class.getClassLoader().getClass().getSimpleName();
        }
    }
}
