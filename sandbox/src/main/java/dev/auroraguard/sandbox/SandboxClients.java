package dev.auroraguard.sandbox;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;

/** SDK clients the sandbox itself uses (seeding, the demo's narration) to talk to the simulator. */
final class SandboxClients implements AutoCloseable {

    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final RdsClient rds;
    private final EventBridgeClient events;

    SandboxClients(URI endpoint, String region) {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LambdaInvoker.SANDBOX_ACCESS_KEY, LambdaInvoker.SANDBOX_SECRET_KEY));
        this.rds = RdsClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(credentials).httpClient(http).build();
        this.events = EventBridgeClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(credentials).httpClient(http).build();
    }

    RdsClient rds() {
        return rds;
    }

    EventBridgeClient events() {
        return events;
    }

    /** One cluster as DescribeDBClusters shows it. */
    DBCluster cluster(String clusterIdentifier) {
        return rds.describeDBClusters(b -> b.dbClusterIdentifier(clusterIdentifier)).dbClusters().get(0);
    }

    /** How many manual cluster snapshots the account holds (what counts against the quota). */
    int manualSnapshotCount() {
        return rds.describeDBClusterSnapshots(b -> b.snapshotType("manual")).dbClusterSnapshots().size();
    }

    @Override
    public void close() {
        rds.close();
        events.close();
        http.close();
    }
}
