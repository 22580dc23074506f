package dev.auroraguard.testing;

import dev.auroraguard.aws.AwsClients;
import dev.auroraguard.aws.EventBridgeOutcomeEvents;
import dev.auroraguard.aws.RdsAccountQuotas;
import dev.auroraguard.aws.RdsClusterDirectory;
import dev.auroraguard.aws.RdsClusterSnapshots;
import dev.auroraguard.config.AwsSettings;
import dev.auroraguard.config.Environment;
import dev.auroraguard.config.ScheduledSnapshotSettings;
import dev.auroraguard.config.SnapshotAvailableSettings;
import dev.auroraguard.event.EventFixtures;
import dev.auroraguard.event.EventPatterns;
import dev.auroraguard.handler.ScheduledSnapshotHandler;
import dev.auroraguard.handler.SnapshotAvailableHandler;
import dev.auroraguard.json.Json;
import dev.auroraguard.simulator.events.EventPatternMatcher;
import dev.auroraguard.simulator.RecordedEvent;
import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.junit.AwsTarget;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbClusterRequest;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * The aurora-guard functions wired to the embedded simulator through the real SDK clients that
 * {@link AwsClients} builds: same adapters, same retry strategy, only shorter backoff delays so that
 * throttling storms do not cost wall time.
 */
public final class SimulatedAws {

    public static final String BUS = "aurora-guard";

    private final AwsTarget aws;
    private final Simulator simulator;
    private final CapturedLog scheduledLog;
    private final CapturedLog availableLog;
    private int routedUpTo;

    public SimulatedAws(AwsTarget aws) {
        this.aws = aws;
        this.simulator = aws.simulator();
        aws.staticCredentials().ifPresent(c -> {
            // AwsClients reads credentials from the environment, then these standard system properties.
            System.setProperty("aws.accessKeyId", c.accessKeyId());
            System.setProperty("aws.secretAccessKey", c.secretAccessKey());
        });
        this.scheduledLog = new CapturedLog(simulator.clock(), ScheduledSnapshotHandler.FUNCTION_NAME);
        this.availableLog = new CapturedLog(simulator.clock(), SnapshotAvailableHandler.FUNCTION_NAME);
    }

    public Simulator simulator() {
        return simulator;
    }

    /** The variables Lambda (or {@code ./aurora-guard invoke}) would set to reach this simulator. */
    public Map<String, String> awsVariables() {
        return Map.of("AWS_REGION", aws.region(), "AWS_ENDPOINT_URL", aws.endpoint().orElseThrow().toString());
    }

    public AwsClients clients(int maxAttempts) {
        AwsSettings settings = AwsSettings.fromEnvironment(Environment.of(awsVariables()))
                .withRetries(maxAttempts, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(100));
        return AwsClients.shared(settings);
    }

    public RdsClient rds() {
        return clients(3).rds();
    }

    /** Creates clusters through the SDK and lets the simulator's clock run until they are available. */
    public void createClusters(Map<String, Map<String, String>> tagsByCluster) {
        createClusters(tagsByCluster, false);
    }

    public void createClusters(Map<String, Map<String, String>> tagsByCluster, boolean copyTagsToSnapshot) {
        tagsByCluster.forEach((id, tags) -> rds().createDBCluster(CreateDbClusterRequest.builder()
                .dbClusterIdentifier(id)
                .engine("aurora-postgresql")
                .masterUsername("guard")
                .masterUserPassword("not-a-secret-1")
                .copyTagsToSnapshot(copyTagsToSnapshot)
                .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
                .build()));
        simulator.clock().advance(simulator.options().timings().clusterCreate().plusMinutes(1));
        tagsByCluster.keySet().forEach(id -> {
            if (!simulator.rds().clusterStatus(id).orElseThrow().equals("available")) {
                throw new IllegalStateException("cluster " + id + " did not become available");
            }
        });
    }

    public ScheduledSnapshotHandler scheduledSnapshot(Map<String, String> settings, int maxAttempts) {
        AwsClients clients = clients(maxAttempts);
        return new ScheduledSnapshotHandler(new RdsClusterDirectory(clients.rds()), new RdsClusterSnapshots(clients.rds()),
                new RdsAccountQuotas(clients.rds()), new EventBridgeOutcomeEvents(clients.eventBridge(), BUS),
                simulator.clock(), ScheduledSnapshotSettings.fromEnvironment(Environment.of(settings)), scheduledLog.log());
    }

    public SnapshotAvailableHandler snapshotAvailable(Duration grace) {
        AwsClients clients = clients(3);
        return new SnapshotAvailableHandler(new RdsClusterSnapshots(clients.rds()),
                new EventBridgeOutcomeEvents(clients.eventBridge(), BUS), simulator.clock(),
                new SnapshotAvailableSettings(Duration.ofDays(2), grace, BUS), availableLog.log());
    }

    public CapturedLog scheduledLog() {
        return scheduledLog;
    }

    /** The Scheduled Event EventBridge delivers now, in the shape of the AWS sample. */
    public Map<String, Object> scheduledEventNow(String id) {
        return EventFixtures.load("scheduled-event.json", Map.of(
                "id", id,
                "time", simulator.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString(),
                "account", simulator.accountId(),
                "region", simulator.region(),
                "resources", List.of("arn:aws:events:" + simulator.region() + ":" + simulator.accountId()
                        + ":rule/aurora-guard-scheduled-snapshot")));
    }

    /** Outcome events on aurora-guard's bus with this detail-type, their detail parsed. */
    public List<Map<String, Object>> outcomeDetails(String detailType) {
        return simulator.events().onBus(BUS).stream()
                .filter(e -> e.detailType().equals(detailType))
                .map(e -> Json.parseObject(e.detailJson()))
                .toList();
    }

    /**
     * Delivers every event recorded since the last call to the functions whose pattern rules match it,
     * as the deployed EventBridge rules will; returns how many deliveries were made.
     */
    public int routeNewEvents(SnapshotAvailableHandler snapshotAvailable) {
        List<RecordedEvent> all = simulator.events().all();
        List<RecordedEvent> fresh = new ArrayList<>(all.subList(routedUpTo, all.size()));
        routedUpTo = all.size();
        int deliveries = 0;
        for (RecordedEvent event : fresh) {
            String envelopeJson = event.envelopeJson();
            Map<String, Object> envelope = Json.parseObject(envelopeJson);
            // Only snapshot-available's rules: the restore functions have their own test wiring (RestoreTestbed).
            for (EventPatterns rule : EventPatterns.forFunction(SnapshotAvailableHandler.FUNCTION_NAME)) {
                if (!rule.isSchedule() && rule.eventBusName().equals(event.eventBusName())
                        && EventPatternMatcher.of(rule.eventPattern().orElseThrow()).matches(envelopeJson)) {
                    snapshotAvailable.handleRequest(envelope, null);
                    deliveries++;
                }
            }
        }
        return deliveries;
    }

    /** Skips every event recorded so far (as if EventBridge lost them). */
    public void dropNewEvents() {
        routedUpTo = simulator.events().size();
    }

    public Optional<DBClusterSnapshot> snapshot(String id) {
        return rds().describeDBClusterSnapshots(b -> b.snapshotType("manual")).dbClusterSnapshots().stream()
                .filter(s -> s.dbClusterSnapshotIdentifier().equals(id)).findFirst();
    }

    public static Map<String, String> tags(DBClusterSnapshot snapshot) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        snapshot.tagList().forEach(t -> map.put(t.key(), t.value()));
        return map;
    }
}
