package dev.auroraguard.testing;

import dev.auroraguard.aws.AwsClients;
import dev.auroraguard.aws.EventBridgeOutcomeEvents;
import dev.auroraguard.aws.RdsClusterRestores;
import dev.auroraguard.aws.SsmApplicationParameters;
import dev.auroraguard.config.AwsSettings;
import dev.auroraguard.config.Environment;
import dev.auroraguard.config.RestoreSettings;
import dev.auroraguard.event.EventPatterns;
import dev.auroraguard.event.EventFixtures;
import dev.auroraguard.handler.PointInTimeRestoreHandler;
import dev.auroraguard.handler.RestoreProgressHandler;
import dev.auroraguard.handler.RetryableFailureException;
import dev.auroraguard.json.Json;
import dev.auroraguard.simulator.RecordedEvent;
import dev.auroraguard.simulator.Simulator;
import dev.auroraguard.simulator.events.EventPatternMatcher;
import dev.auroraguard.simulator.junit.AwsTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Tag;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The restore functions wired to the embedded simulator through the real SDK clients that {@link AwsClients}
 * builds, with a production-like source cluster, and EventBridge's rules played by {@link #route()}: every
 * event the simulator recorded is matched against the {@link EventPatterns} of the restore functions and
 * delivered to them, as the deployed rules will.
 */
public final class RestoreTestbed {

    public static final String BUS = EventPatterns.AURORA_GUARD_BUS;
    public static final String SOURCE = "orders-db";
    public static final String SUBNET_GROUP = "orders-db-subnets";
    public static final String SECURITY_GROUP = "sg-0a1b2c3d4e5f67890";
    public static final String CLUSTER_PARAMETER_GROUP = "orders-db-aurora-pg16";
    public static final String INSTANCE_PARAMETER_GROUP = "orders-db-instances-pg16";
    public static final String KMS_KEY = "4f0c9a61-2b7d-4e8a-9c1e-7d3b5a2f8e10";
    private static final Set<String> RESTORE_FUNCTIONS = Set.of(PointInTimeRestoreHandler.FUNCTION_NAME,
            RestoreProgressHandler.FUNCTION_NAME);

    /** One delivery of an event to a function, as a rule target invocation. */
    public record Delivery(String rule, String function, String detailType, Map<String, Object> result, RuntimeException failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    private final AwsTarget aws;
    private final Simulator simulator;
    private final CapturedLog restoreLog;
    private final CapturedLog progressLog;
    private PointInTimeRestoreHandler restore;
    private RestoreProgressHandler progress;
    private int routedUpTo;

    public RestoreTestbed(AwsTarget aws) {
        this.aws = aws;
        this.simulator = aws.simulator();
        aws.staticCredentials().ifPresent(c -> {
            System.setProperty("aws.accessKeyId", c.accessKeyId());
            System.setProperty("aws.secretAccessKey", c.secretAccessKey());
        });
        this.restoreLog = new CapturedLog(simulator.clock(), PointInTimeRestoreHandler.FUNCTION_NAME);
        this.progressLog = new CapturedLog(simulator.clock(), RestoreProgressHandler.FUNCTION_NAME);
        configure(Map.of());
    }

    public Simulator simulator() {
        return simulator;
    }

    public Map<String, String> awsVariables() {
        return Map.of("AWS_REGION", aws.region(), "AWS_ENDPOINT_URL", aws.endpoint().orElseThrow().toString());
    }

    public AwsClients clients(int maxAttempts) {
        AwsSettings settings = AwsSettings.fromEnvironment(Environment.of(awsVariables()))
                .withRetries(maxAttempts, Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(50));
        return AwsClients.shared(settings);
    }

    public RdsClient rds() {
        return clients(3).rds();
    }

    public SsmClient ssm() {
        return clients(3).ssm();
    }

    /** (Re)builds both functions with these RESTORE_* settings (EVENT_BUS_NAME is the test bus) and 5 attempts per call. */
    public void configure(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(settings);
        env.put("EVENT_BUS_NAME", BUS);
        RestoreSettings parsed = RestoreSettings.fromEnvironment(Environment.of(env));
        AwsClients clients = clients(5);
        EventBridgeOutcomeEvents events = new EventBridgeOutcomeEvents(clients.eventBridge(), BUS);
        RdsClusterRestores restores = new RdsClusterRestores(clients.rds());
        restore = new PointInTimeRestoreHandler(restores, events, simulator.clock(), parsed, restoreLog.log());
        progress = new RestoreProgressHandler(restores, () -> new SsmApplicationParameters(clients.ssm()), events, simulator.clock(),
                parsed, progressLog.log());
    }

    public PointInTimeRestoreHandler restoreHandler() {
        return restore;
    }

    public RestoreProgressHandler progressHandler() {
        return progress;
    }

    public CapturedLog restoreLog() {
        return restoreLog;
    }

    public CapturedLog progressLog() {
        return progressLog;
    }

    public void advance(Duration duration) {
        simulator.clock().advance(duration);
    }

    public Instant now() {
        return simulator.clock().instant();
    }

    /**
     * The production-like source: Aurora PostgreSQL 16 in its own subnet group and security group, with a
     * custom cluster parameter group, encrypted with a customer key, IAM authentication, log exports, deletion
     * protection, a writer and a reader with their own parameter group; then {@code history} passes.
     */
    public void createSource(Duration history, boolean serverless) {
        RdsClient rds = rds();
        rds.createDBCluster(b -> {
            b.dbClusterIdentifier(SOURCE).engine("aurora-postgresql").engineVersion("16.4").masterUsername("orders_admin")
                    .manageMasterUserPassword(true).port(5432).dbSubnetGroupName(SUBNET_GROUP).vpcSecurityGroupIds(SECURITY_GROUP)
                    .dbClusterParameterGroupName(CLUSTER_PARAMETER_GROUP).storageEncrypted(true)
                    .kmsKeyId("arn:aws:kms:" + aws.region() + ":" + simulator.accountId() + ":key/" + KMS_KEY)
                    .backupRetentionPeriod(7).enableIAMDatabaseAuthentication(true).enableCloudwatchLogsExports("postgresql")
                    .copyTagsToSnapshot(true).deletionProtection(true)
                    .tags(Tag.builder().key("team").value("payments").build(), Tag.builder().key("aurora-guard:backup").value("true").build());
            if (serverless) {
                b.serverlessV2ScalingConfiguration(s -> s.minCapacity(0.5).maxCapacity(16.0));
            }
        });
        advance(simulator.options().timings().clusterCreate());
        for (String id : List.of(SOURCE + "-1", SOURCE + "-2")) {
            rds.createDBInstance(b -> b.dbInstanceIdentifier(id).dbClusterIdentifier(SOURCE).engine("aurora-postgresql")
                    .dbInstanceClass(serverless ? "db.serverless" : "db.r6g.large").dbParameterGroupName(INSTANCE_PARAMETER_GROUP)
                    .promotionTier(1));
        }
        advance(simulator.options().timings().instanceCreate());
        advance(history);
        dropNewEvents();
    }

    public DBCluster cluster(String id) {
        return rds().describeDBClusters(b -> b.dbClusterIdentifier(id)).dbClusters().get(0);
    }

    public List<DBCluster> clusters() {
        return rds().describeDBClusters().dbClusters();
    }

    public List<DBInstance> instancesOf(String cluster) {
        return rds().describeDBInstances(b -> b.filters(f -> f.name("db-cluster-id").values(cluster))).dbInstances();
    }

    public static Map<String, String> tags(DBCluster cluster) {
        Map<String, String> map = new LinkedHashMap<>();
        cluster.tagList().forEach(t -> map.put(t.key(), t.value()));
        return map;
    }

    /** Puts a {@code Restore Requested} on the aurora-guard bus through EventBridge, as {@code ./aurora-guard restore} does. */
    public void putRestoreRequested(Map<String, Object> detail) {
        putOnBus("Restore Requested", detail);
    }

    public void putCutoverRequested(String restoredCluster) {
        putOnBus("Restore Cutover Requested", Map.of("restoredCluster", restoredCluster, "requestedBy", "alice"));
    }

    private void putOnBus(String detailType, Map<String, Object> detail) {
        var response = clients(3).eventBridge().putEvents(b -> b.entries(e -> e.eventBusName(BUS).source("aurora-guard.cli")
                .detailType(detailType).detail(Json.write(detail))));
        if (response.failedEntryCount() != 0) {
            throw new IllegalStateException("PutEvents refused the request: " + response.entries());
        }
    }

    /** An AWS-sample alarm event (EventBridge shape) for {@code alarm}, with the cluster dimension if given. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> alarmEvent(String alarm, String cluster, String state, String previousState, Instant changedAt) {
        Map<String, Object> event = EventFixtures.load("cloudwatch-alarm-state-change.json");
        event.put("id", UUID.randomUUID().toString());
        event.put("time", changedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        event.put("resources", List.of("arn:aws:cloudwatch:" + aws.region() + ":" + simulator.accountId() + ":alarm:" + alarm));
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        detail.put("alarmName", alarm);
        Map<String, Object> metric = (Map<String, Object>) ((Map<String, Object>) ((List<Map<String, Object>>) ((Map<String, Object>)
                detail.get("configuration")).get("metrics")).get(0).get("metricStat")).get("metric");
        metric.put("namespace", "AWS/RDS");
        metric.put("name", "DatabaseConnections");
        metric.put("dimensions", cluster == null ? Map.of("Role", "WRITER") : Map.of("DBClusterIdentifier", cluster));
        Map<String, Object> newState = (Map<String, Object>) detail.get("state");
        newState.put("value", state);
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(java.time.ZoneOffset.UTC)
                .format(changedAt);
        newState.put("timestamp", stamp);
        // The evaluated data began one period (300 s) before the change.
        String start = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(java.time.ZoneOffset.UTC)
                .format(changedAt.minusSeconds(300));
        newState.put("reasonData", "{\"version\":\"1.0\",\"startDate\":\"" + start + "\",\"period\":300,\"threshold\":50.0}");
        ((Map<String, Object>) detail.get("previousState")).put("value", previousState);
        return event;
    }

    /** Delivers an event to the rule's function after checking the rule's pattern matches it, as EventBridge would. */
    public Delivery deliver(EventPatterns rule, Map<String, Object> envelope) {
        if (!EventPatternMatcher.of(rule.eventPattern().orElseThrow()).matches(Json.write(envelope))) {
            throw new IllegalStateException("rule " + rule.ruleName() + " does not match this event");
        }
        return invoke(rule.ruleName(), rule.functionName(), envelope);
    }

    /** Delivers every event recorded since the last call to the restore functions whose rules match it. */
    public List<Delivery> route() {
        List<Delivery> deliveries = new ArrayList<>();
        while (routedUpTo < simulator.events().size()) {
            List<RecordedEvent> all = simulator.events().all();
            List<RecordedEvent> fresh = new ArrayList<>(all.subList(routedUpTo, all.size()));
            routedUpTo = all.size();
            for (RecordedEvent event : fresh) {
                String envelopeJson = event.envelopeJson();
                for (EventPatterns rule : EventPatterns.patternRules()) {
                    if (RESTORE_FUNCTIONS.contains(rule.functionName()) && rule.eventBusName().equals(event.eventBusName())
                            && EventPatternMatcher.of(rule.eventPattern().orElseThrow()).matches(envelopeJson)) {
                        deliveries.add(invoke(rule.ruleName(), rule.functionName(), Json.parseObject(envelopeJson)));
                    }
                }
            }
        }
        return deliveries;
    }

    /** Skips every event recorded so far, as if EventBridge lost them. */
    public void dropNewEvents() {
        routedUpTo = simulator.events().size();
    }

    /** The sweep's Scheduled Event, now. */
    public Map<String, Object> sweep() {
        Map<String, Object> event = EventFixtures.load("scheduled-event.json", Map.of("id", UUID.randomUUID().toString(),
                "time", now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
        return progress.handleRequest(event, null);
    }

    private Delivery invoke(String rule, String function, Map<String, Object> envelope) {
        String detailType = String.valueOf(envelope.get("detail-type"));
        try {
            Map<String, Object> result = function.equals(PointInTimeRestoreHandler.FUNCTION_NAME)
                    ? restore.handleRequest(envelope, null)
                    : progress.handleRequest(envelope, null);
            return new Delivery(rule, function, detailType, result, null);
        } catch (RetryableFailureException e) {
            return new Delivery(rule, function, detailType, Map.of(), e);
        }
    }

    /** Outcome events of this detail-type on the aurora-guard bus, their detail parsed. */
    public List<Map<String, Object>> outcomes(String detailType) {
        return simulator.events().onBus(BUS).stream()
                .filter(e -> e.detailType().equals(detailType))
                .map(e -> Json.parseObject(e.detailJson()))
                .toList();
    }
}
