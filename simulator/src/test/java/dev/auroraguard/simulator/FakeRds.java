package dev.auroraguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.auroraguard.simulator.protocol.AwsServiceException;
import dev.auroraguard.simulator.protocol.ServiceModel;
import dev.auroraguard.simulator.protocol.StatefulService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deliberately small service under the RDS model, for testing the Query protocol, routing, settling
 * and persistence without the real RDS simulation: it keeps clusters by identifier, raises modelled
 * faults, and remembers the last parsed input so tests can see exactly what the protocol produced.
 */
final class FakeRds implements StatefulService {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ServiceModel model;
    private final SimClock clock;
    private final EventLog events;
    /** When set, the next settle publishes one RDS event, as the real simulator does on a state change. */
    volatile String eventOnNextSettle;
    private final int snapshotQuota;
    private final Map<String, Map<String, Object>> clusters = new TreeMap<>();
    private int snapshots;
    final AtomicInteger settleCount = new AtomicInteger();
    volatile Map<String, Object> lastInput;

    /**
     * Test options that leave the built-in RDS out, so the fake is the only service under the RDS model
     * and alone claims its saved state.
     */
    static SimulatorOptions.Builder options() {
        return SimulatorOptions.forTests().toBuilder().services(ServiceModel.EVENTS);
    }

    FakeRds(ServiceContext context) {
        this.model = context.model();
        this.clock = context.clock();
        this.events = context.events();
        this.snapshotQuota = context.options().manualClusterSnapshotQuota();
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized Map<String, Object> handle(String operation, Map<String, Object> input) {
        lastInput = input;
        switch (operation) {
            case "DescribeAccountAttributes": {
                Map<String, Object> quota = new LinkedHashMap<>();
                quota.put("AccountQuotaName", "ManualClusterSnapshots");
                quota.put("Used", (long) snapshots);
                quota.put("Max", (long) snapshotQuota);
                return Map.of("AccountQuotas", List.of(quota));
            }
            case "CreateDBCluster": {
                String id = (String) input.get("DBClusterIdentifier");
                if (clusters.containsKey(id)) {
                    throw model.fault("DBClusterAlreadyExistsFault", "DB Cluster already exists");
                }
                Map<String, Object> cluster = new LinkedHashMap<>();
                cluster.put("DBClusterIdentifier", id);
                cluster.put("Engine", input.get("Engine"));
                cluster.put("Status", "creating");
                cluster.put("Port", input.getOrDefault("Port", 3306));
                cluster.put("StorageEncrypted", input.getOrDefault("StorageEncrypted", Boolean.FALSE));
                cluster.put("ClusterCreateTime", clock.instant());
                List<Object> groups = new ArrayList<>();
                for (Object groupId : (List<Object>) input.getOrDefault("VpcSecurityGroupIds", List.of())) {
                    groups.add(Map.of("VpcSecurityGroupId", groupId, "Status", "active"));
                }
                cluster.put("VpcSecurityGroups", groups);
                cluster.put("TagList", input.getOrDefault("Tags", List.of()));
                clusters.put(id, cluster);
                return Map.of("DBCluster", cluster);
            }
            case "DescribeDBClusters": {
                String id = (String) input.get("DBClusterIdentifier");
                if (id != null && !clusters.containsKey(id)) {
                    throw model.fault("DBClusterNotFoundFault", "DBCluster " + id + " not found.");
                }
                List<Object> result = new ArrayList<>();
                for (Map<String, Object> cluster : clusters.values()) {
                    if (id == null || id.equals(cluster.get("DBClusterIdentifier"))) {
                        result.add(cluster);
                    }
                }
                return Map.of("DBClusters", result);
            }
            case "CreateDBClusterSnapshot": {
                String clusterId = (String) input.get("DBClusterIdentifier");
                if (!clusters.containsKey(clusterId)) {
                    throw model.fault("DBClusterNotFoundFault", "DBCluster " + clusterId + " not found.");
                }
                if (snapshots >= snapshotQuota) {
                    throw model.fault("SnapshotQuotaExceededFault", "Cannot create more than " + snapshotQuota
                            + " manual snapshots");
                }
                snapshots++;
                Map<String, Object> snapshot = new LinkedHashMap<>();
                snapshot.put("DBClusterSnapshotIdentifier", input.get("DBClusterSnapshotIdentifier"));
                snapshot.put("DBClusterIdentifier", clusterId);
                snapshot.put("SnapshotCreateTime", clock.instant());
                snapshot.put("Status", "creating");
                snapshot.put("TagList", input.getOrDefault("Tags", List.of()));
                return Map.of("DBClusterSnapshot", snapshot);
            }
            case "RestoreDBClusterToPointInTime":
                return Map.of("DBCluster", Map.of("DBClusterIdentifier", input.get("DBClusterIdentifier"), "Status", "creating"));
            case "DescribeDBClusterSnapshots":
                // A service bug on purpose: a member the output shape does not have.
                return Map.of("DBClusterSnapshots", List.of(), "NotAMember", "x");
            default:
                throw AwsServiceException.sender("InvalidAction", "FakeRds does not do " + operation);
        }
    }

    @Override
    public void settle() {
        settleCount.incrementAndGet();
        String message = eventOnNextSettle;
        if (message != null) {
            eventOnNextSettle = null;
            events.record(new RecordedEvent(java.util.UUID.randomUUID().toString(), clock.instant(), "default", "aws.rds",
                    "RDS DB Cluster Event", List.of(), "{\"Message\":\"" + message + "\"}", "123456789012", "us-east-1"));
        }
    }

    @Override
    public synchronized String stateJson() {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode clusterNodes = root.putObject("clusters");
        clusters.forEach((id, cluster) -> clusterNodes.putObject(id)
                .put("engine", (String) cluster.get("Engine"))
                .put("created", cluster.get("ClusterCreateTime").toString()));
        root.put("snapshots", snapshots);
        return root.toString();
    }

    @Override
    public synchronized void restoreState(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            clusters.clear();
            root.path("clusters").fields().forEachRemaining(e -> {
                Map<String, Object> cluster = new LinkedHashMap<>();
                cluster.put("DBClusterIdentifier", e.getKey());
                cluster.put("Engine", e.getValue().path("engine").asText());
                cluster.put("Status", "available");
                cluster.put("ClusterCreateTime", Instant.parse(e.getValue().path("created").asText()));
                clusters.put(e.getKey(), cluster);
            });
            snapshots = root.path("snapshots").asInt();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
