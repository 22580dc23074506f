package dev.auroraguard.bench.coldstart;

import dev.auroraguard.simulator.SimClock;
import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.SimulatorOptions;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * The benchmark's simulator: in this JVM, on loopback, on a manual clock that starts at the wall clock
 * (the functions read the real clock) and is moved on between samples so that what one sample started
 * (a snapshot, a restore) is finished before the next.
 */
public final class BenchSimulator implements AutoCloseable {

    public static final String REGION = "eu-west-1";
    public static final String ACCESS_KEY = "bench";
    public static final String SECRET_KEY = "bench-secret";
    public static final String EVENT_BUS = "aurora-guard";

    private final Simulator simulator;
    private final RdsClient rds;

    private BenchSimulator(Simulator simulator) {
        this.simulator = simulator;
        this.rds = RdsClient.builder()
                .endpointOverride(simulator.endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * A fresh simulator on a manual clock. The functions read the real clock, so the simulated one starts far enough
     * back that a long warm series never carries it past now (a snapshot from the function's future is never deleted,
     * for one): some invocations move it 25 minutes, and 60 days hold thousands of them.
     */
    public static BenchSimulator start() throws IOException {
        SimClock clock = SimClock.manual(Instant.now().minus(Duration.ofDays(60)));
        // A long warm series of restore-progress leaves a cluster per invocation behind (its work is by identifier):
        // the account's cluster quota must not be what ends the series.
        Simulator simulator = Simulator.start(SimulatorOptions.forTests().toBuilder()
                .clock(clock).region(REGION).eventBus(EVENT_BUS).clusterQuota(100_000).build());
        return new BenchSimulator(simulator);
    }

    public Simulator simulator() {
        return simulator;
    }

    public URI endpoint() {
        return simulator.endpoint();
    }

    /** An RDS client for seeding (not part of any measurement). */
    public RdsClient rds() {
        return rds;
    }

    /** The environment every sample gets: the endpoint, region and credentials, as Lambda would set them. */
    public Map<String, String> awsEnvironment() {
        return Map.of("AWS_ENDPOINT_URL", endpoint().toString(), "AWS_REGION", REGION, "AWS_DEFAULT_REGION", REGION,
                "AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    }

    /**
     * Creates an available Aurora PostgreSQL cluster with one writer, tagged for aurora-guard, with a week
     * of restorable history; then brings the clock back to (about) now.
     */
    public void seedCluster(String clusterId) {
        rds.createDBCluster(b -> b.dbClusterIdentifier(clusterId).engine("aurora-postgresql").engineVersion("16.4")
                .masterUsername("bench_admin").manageMasterUserPassword(true).storageEncrypted(true)
                .backupRetentionPeriod(7)
                .tags(List.of(Tag.builder().key("aurora-guard:backup").value("true").build(),
                        Tag.builder().key("team").value("payments").build())));
        pass(Duration.ofMinutes(15));
        rds.createDBInstance(b -> b.dbInstanceIdentifier(clusterId + "-1").dbClusterIdentifier(clusterId)
                .engine("aurora-postgresql").dbInstanceClass("db.r6g.large"));
        pass(Duration.ofMinutes(15));
    }

    /** {@link #seedCluster} unless the account has {@code clusterId} already; true if it seeded it now. */
    public boolean seedClusterIfAbsent(String clusterId) {
        if (simulator.rds().clusterStatus(clusterId).isPresent()) {
            return false;
        }
        seedCluster(clusterId);
        return true;
    }

    /** Moves the simulated clock on (whatever was in progress settles). */
    public void pass(Duration duration) {
        simulator.clock().advance(duration);
    }

    /** Catches the simulated clock up with the wall clock, if it is behind. */
    public void catchUpWithWallClock() {
        Instant now = Instant.now();
        if (simulator.clock().instant().isBefore(now)) {
            simulator.clock().setInstant(now);
        }
    }

    @Override
    public void close() {
        rds.close();
        simulator.close();
    }
}
