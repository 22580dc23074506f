package dev.auroraguard.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auroraguard.aws.AwsClients;
import dev.auroraguard.aws.EventBridgeOutcomeEvents;
import dev.auroraguard.aws.RdsClusterDirectory;
import dev.auroraguard.aws.RdsSnapshotDeleter;
import dev.auroraguard.aws.RdsSnapshotInventory;
import dev.auroraguard.config.AwsSettings;
import dev.auroraguard.config.Environment;
import dev.auroraguard.config.RetentionPolicyJson;
import dev.auroraguard.config.SnapshotCleanupSettings;
import dev.auroraguard.domain.ScheduledSlot;
import dev.auroraguard.domain.SnapshotKind;
import dev.auroraguard.domain.SnapshotNamer;
import dev.auroraguard.domain.TagScheme;
import dev.auroraguard.domain.retention.DeletionBudget;
import dev.auroraguard.domain.retention.ListedSnapshot;
import dev.auroraguard.domain.retention.RetentionPlan;
import dev.auroraguard.domain.retention.RetentionPlanner;
import dev.auroraguard.domain.retention.SnapshotListing;
import dev.auroraguard.handler.SnapshotCleanupHandler;
import dev.auroraguard.json.Json;
import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.SimulatorOptions;
import dev.auroraguard.simulator.junit.AwsTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbClusterRequest;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * The snapshot-cleanup function wired to the embedded simulator through the real SDK clients that
 * {@link AwsClients} builds (same adapters and retry strategy, shorter backoff delays), plus the
 * equipment its tests need: clusters, a history of scheduled snapshots made through the SDK, a pacer
 * that sleeps on the simulator's clock, and the events on aurora-guard's bus.
 */
public final class SimulatedCleanup {

    public static final String BUS = "aurora-guard";
    private static final ObjectMapper STATE_JSON = new ObjectMapper();

    private final AwsTarget aws;
    private final Simulator simulator;
    private final CapturedLog log;
    private final List<Duration> sleeps = new ArrayList<>();

    public SimulatedCleanup(AwsTarget aws) {
        this.aws = aws;
        this.simulator = aws.simulator();
        aws.staticCredentials().ifPresent(c -> {
            // AwsClients reads credentials from the environment, then these standard system properties.
            System.setProperty("aws.accessKeyId", c.accessKeyId());
            System.setProperty("aws.secretAccessKey", c.secretAccessKey());
        });
        this.log = new CapturedLog(simulator.clock(), SnapshotCleanupHandler.FUNCTION_NAME);
    }

    /** The simulator options these tests need: aurora-guard's bus, and room for thousands of manual snapshots. */
    public static UnaryOperator<SimulatorOptions> options() {
        return o -> o.toBuilder().eventBus(BUS).manualClusterSnapshotQuota(10_000).build();
    }

    public Simulator simulator() {
        return simulator;
    }

    public CapturedLog log() {
        return log;
    }

    /** Every pause the pacer asked for, in order (each one moved the simulator's clock). */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
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
        tagsByCluster.forEach((id, tags) -> rds().createDBCluster(CreateDbClusterRequest.builder()
                .dbClusterIdentifier(id)
                .engine("aurora-postgresql")
                .masterUsername("guard")
                .masterUserPassword("not-a-secret-1")
                .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
                .build()));
        simulator.clock().advance(simulator.options().timings().clusterCreate().plusMinutes(1));
    }

    /**
     * Takes {@code rounds} scheduled snapshots of each cluster through the SDK, as scheduled-snapshot names
     * and tags them, one round every {@code every} of simulated time (at least the snapshot creation time,
     * so each is available before the next). The clock ends one interval after the last round.
     *
     * @return the identifiers created, oldest round first
     */
    public List<String> takeScheduledSnapshots(List<String> clusters, int rounds, Duration every) {
        if (every.compareTo(simulator.options().timings().snapshotCreate()) <= 0) {
            throw new IllegalArgumentException("snapshots need " + simulator.options().timings().snapshotCreate() + " to complete");
        }
        RdsClient rds = rds();
        List<String> ids = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            ScheduledSlot slot = ScheduledSlot.containing(simulator.clock().instant());
            for (String cluster : clusters) {
                String id = SnapshotNamer.snapshotId(cluster, SnapshotKind.SCHEDULED, slot);
                Map<String, String> tags = TagScheme.forNewSnapshot(SnapshotKind.SCHEDULED, "seed-" + round, slot, Map.of()).tags();
                rds.createDBClusterSnapshot(b -> b.dbClusterIdentifier(cluster).dbClusterSnapshotIdentifier(id)
                        .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
                ids.add(id);
            }
            simulator.clock().advance(every);
        }
        return ids;
    }

    /**
     * A long history of scheduled snapshots, fast: each cluster gets one snapshot taken through the SDK now
     * (the newest), and {@code perCluster - 1} older ones, {@code every} apart, cloned from it into the
     * simulator's saved state (same record, with the identifier, times and slot tag of its own slot). Taking
     * thousands through the SDK one by one would cost minutes of test time; listing and deleting them still
     * go through the SDK. The clock first moves on far enough that the history starts after the clusters
     * were created.
     *
     * @return every identifier, newest first per cluster
     */
    public List<String> seedScheduledHistory(List<String> clusters, int perCluster, Duration every) {
        simulator.clock().advance(every.multipliedBy(perCluster));
        List<String> newest = takeScheduledSnapshots(clusters, 1, simulator.options().timings().snapshotCreate().plusSeconds(1));
        ObjectNode state;
        try {
            state = (ObjectNode) STATE_JSON.readTree(simulator.rds().stateJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ObjectNode snapshots = (ObjectNode) state.get("snapshots");
        List<String> ids = new ArrayList<>();
        for (String template : newest) {
            ObjectNode record = (ObjectNode) snapshots.get(template);
            Instant newestTime = Instant.parse(record.get("createTime").asText());
            String cluster = record.get("clusterIdentifier").asText();
            ids.add(template);
            for (int k = 1; k < perCluster; k++) {
                Instant created = newestTime.minus(every.multipliedBy(k));
                ScheduledSlot slot = ScheduledSlot.containing(created);
                String id = SnapshotNamer.snapshotId(cluster, SnapshotKind.SCHEDULED, slot);
                ObjectNode copy = record.deepCopy();
                copy.put("identifier", id);
                copy.put("createTime", created.toString());
                copy.put("completesAt", created.plus(simulator.options().timings().snapshotCreate()).toString());
                ObjectNode tags = (ObjectNode) copy.get("tags");
                tags.put(TagScheme.SLOT, slot.toString());
                tags.put(TagScheme.TRIGGER, "seed-" + k);
                snapshots.set(id, copy);
                ids.add(id);
            }
        }
        simulator.rds().restoreState(state.toString());
        return ids;
    }

    /** A snapshot someone took by hand (no aurora-guard tags); the clock moves on until it is available. */
    public void takeSnapshotByHand(String cluster, String id) {
        rds().createDBClusterSnapshot(b -> b.dbClusterIdentifier(cluster).dbClusterSnapshotIdentifier(id));
        simulator.clock().advance(simulator.options().timings().snapshotCreate().plusSeconds(1));
    }

    /** Settings as the function reads them, with the pacing, budget and policy the test names. */
    public static Map<String, String> settings(String policyJson, Map<String, String> more) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(SnapshotCleanupSettings.RETENTION_POLICY, policyJson);
        env.put("EVENT_BUS_NAME", BUS);
        env.putAll(more);
        return env;
    }

    /** The handler over the real SDK adapters, the simulator's clock, and a pacer that sleeps on that clock. */
    public SnapshotCleanupHandler handler(Map<String, String> env, int maxAttempts) {
        return handler(env, maxAttempts, UnaryOperator.identity());
    }

    /** The same, with the snapshot calls going through {@code wrap(rds)} (e.g. a {@link HookedRdsClient}). */
    public SnapshotCleanupHandler handler(Map<String, String> env, int maxAttempts, UnaryOperator<RdsClient> wrap) {
        AwsClients clients = clients(maxAttempts);
        RdsClient snapshots = wrap.apply(clients.rds());
        return new SnapshotCleanupHandler(new RdsClusterDirectory(clients.rds()), new RdsSnapshotInventory(snapshots),
                new RdsSnapshotDeleter(snapshots), new EventBridgeOutcomeEvents(clients.eventBridge(), BUS),
                simulator.clock(), duration -> {
                    sleeps.add(duration);
                    simulator.clock().advance(duration);
                },
                SnapshotCleanupSettings.fromEnvironment(Environment.of(env)), log.log());
    }

    /** A Lambda context whose deadline is {@code remaining} from now on the simulator's clock. */
    public DeadlineContext context(Duration remaining) {
        return new DeadlineContext(simulator.clock(), remaining, "req-" + simulator.clock().instant().toEpochMilli(),
                "aurora-guard-" + SnapshotCleanupHandler.FUNCTION_NAME);
    }

    /** The account's manual snapshots, read through the SDK paginator (the test's own view, not the function's). */
    public List<DBClusterSnapshot> manualSnapshots() {
        return rds().describeDBClusterSnapshotsPaginator(b -> b.snapshotType("manual")).dbClusterSnapshots().stream().toList();
    }

    public Set<String> manualSnapshotIds() {
        return Set.copyOf(manualSnapshots().stream().map(DBClusterSnapshot::dbClusterSnapshotIdentifier).toList());
    }

    public List<DBClusterSnapshot> automatedSnapshots() {
        return rds().describeDBClusterSnapshotsPaginator(b -> b.snapshotType("automated")).dbClusterSnapshots().stream().toList();
    }

    /**
     * The oracle: what the pure planner decides on the complete listing of {@code clusters}, read
     * independently of the function.
     */
    public RetentionPlan expectedPlan(String policyJson, Set<String> clusters, Instant now, DeletionBudget budget) {
        List<ListedSnapshot> listed = new ArrayList<>();
        for (DBClusterSnapshot s : manualSnapshots()) {
            if (clusters.contains(s.dbClusterIdentifier())) {
                Map<String, String> tags = new LinkedHashMap<>();
                s.tagList().forEach(t -> tags.put(t.key(), t.value()));
                listed.add(new ListedSnapshot(s.dbClusterSnapshotIdentifier(), s.dbClusterIdentifier(), s.snapshotCreateTime(),
                        s.status(), s.snapshotType(), tags));
            }
        }
        return new RetentionPlanner(RetentionPolicyJson.parse(policyJson))
                .plan(SnapshotListing.complete(listed), now, budget);
    }

    /** Outcome events on aurora-guard's bus with this detail-type, their detail parsed. */
    public List<Map<String, Object>> outcomeDetails(String detailType) {
        return simulator.events().onBus(BUS).stream()
                .filter(e -> e.detailType().equals(detailType))
                .map(e -> Json.parseObject(e.detailJson()))
                .toList();
    }
}
