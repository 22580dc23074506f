package dev.auroraguard.simulator.rds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** CreateDBInstance (Aurora cluster members only), DescribeDBInstances, DeleteDBInstance. */
final class InstanceOperations {

    private static final Set<String> INSTANCE_FILTERS =
            Set.of("db-cluster-id", "db-instance-id", "dbi-resource-id", "domain", "engine");
    private static final Set<String> DELETABLE = Set.of("available", "creating", "failed", "storage-full",
            "incompatible-parameters", "incompatible-network", "inaccessible-encryption-credentials");

    private final RdsControlPlane plane;
    private final RdsShapes shapes;

    InstanceOperations(RdsControlPlane plane, RdsShapes shapes) {
        this.plane = plane;
        this.shapes = shapes;
    }

    Map<String, Object> create(RdsInput in) {
        String identifier = RdsIdentifiers.valid("DBInstanceIdentifier", in.requiredString("DBInstanceIdentifier"));
        String instanceClass = in.requiredString("DBInstanceClass");
        if (!instanceClass.startsWith("db.")) {
            throw RdsFaults.invalidParameterValue("Invalid DB Instance class: " + instanceClass);
        }
        AuroraEngine engine = AuroraEngine.of(in.requiredString("Engine"));
        String clusterIdentifier = in.string("DBClusterIdentifier").orElseThrow(() -> RdsFaults.invalidParameterValue(
                "The parameter DBClusterIdentifier must be provided: an " + engine.engineName
                        + " DB instance is created in an Aurora DB cluster."));
        // For a cluster member these settings belong to the cluster; RDS refuses them on the instance.
        for (String[] clusterSetting : new String[][] {{"MasterUsername", "master user name"},
                {"MasterUserPassword", "master user password"}, {"BackupRetentionPeriod", "backup retention period"}}) {
            if (in.has(clusterSetting[0])) {
                throw RdsFaults.invalidParameterCombination("The requested DB Instance will be a member of a DB Cluster. Set "
                        + clusterSetting[1] + " for the DB Cluster.");
            }
        }
        int promotionTier = in.integer("PromotionTier").orElse(1);
        if (promotionTier < 0 || promotionTier > 15) {
            throw RdsFaults.invalidParameterValue("Invalid PromotionTier " + promotionTier + ". Valid values are 0-15.");
        }
        LinkedHashMap<String, String> tags = in.tags("Tags");
        RdsTags.checkCount(Map.of(), tags);
        ClusterRecord cluster = plane.requireCluster(clusterIdentifier);
        if (!cluster.engine.equals(engine.engineName)) {
            throw RdsFaults.invalidParameterCombination("The engine name requested for your DB instance (" + engine.engineName
                    + ") doesn't match the engine name of your DB cluster (" + cluster.engine + ").");
        }
        if (plane.state.instances.containsKey(identifier)) {
            throw plane.faults.instanceAlreadyExists();
        }
        if (plane.state.instances.size() >= RdsControlPlane.MAX_INSTANCES) {
            throw plane.faults.instanceQuotaExceeded();
        }
        if (!cluster.status.equals("available")) {
            throw plane.faults.clusterNotAvailable(cluster.identifier, cluster.status);
        }
        if (instanceClass.equals(ServerlessV2Scaling.SERVERLESS_INSTANCE_CLASS) && ServerlessV2Scaling.of(cluster).isEmpty()) {
            throw RdsFaults.invalidParameterCombination("Set the Serverless v2 scaling configuration on the parent DB cluster"
                    + " before creating a Serverless v2 DB instance.");
        }
        String zone = in.string("AvailabilityZone").orElse(null);
        if (zone != null && !cluster.availabilityZones.contains(zone)) {
            throw RdsFaults.invalidParameterValue("The availability zone " + zone + " isn't one of the DB cluster's "
                    + cluster.availabilityZones + ".");
        }

        Instant now = plane.now();
        List<InstanceRecord> members = plane.members(cluster.identifier);
        InstanceRecord i = new InstanceRecord();
        i.identifier = identifier;
        i.sequence = plane.nextResourceSequence();
        i.resourceId = plane.naming.instanceResourceId(identifier, i.sequence);
        i.clusterIdentifier = cluster.identifier;
        i.instanceClass = instanceClass;
        i.engine = cluster.engine;
        i.engineVersion = cluster.engineVersion;
        i.availabilityZone = zone != null ? zone : cluster.availabilityZones.get(members.size() % cluster.availabilityZones.size());
        i.parameterGroup = in.string("DBParameterGroupName")
                .orElse(AuroraEngine.of(cluster.engine).defaultParameterGroup(cluster.engineVersion));
        i.promotionTier = promotionTier;
        i.publiclyAccessible = in.flag("PubliclyAccessible");
        i.autoMinorVersionUpgrade = in.bool("AutoMinorVersionUpgrade").orElse(true);
        i.writer = members.stream().noneMatch(m -> m.writer);
        i.tags = tags;
        i.status = "creating";
        i.requestedAt = now;
        plane.state.instances.put(identifier, i);
        plane.schedule(ScheduledTransition.Kind.INSTANCE_AVAILABLE, identifier, now.plus(plane.timings.instanceCreate()));
        return Map.of("DBInstance", shapes.instance(i));
    }

    Map<String, Object> describe(RdsInput in) {
        int maxRecords = ResultPage.maxRecords(in);
        Predicate<InstanceRecord> matches = i -> true;
        for (RdsInput.RequestFilter filter : in.filters("Filters")) {
            matches = matches.and(instanceFilter(filter));
        }
        List<InstanceRecord> candidates = in.has("DBInstanceIdentifier")
                ? List.of(plane.requireInstance(in.requiredString("DBInstanceIdentifier")))
                : List.copyOf(plane.state.instances.values());
        List<InstanceRecord> selected = candidates.stream().filter(matches).toList();
        ResultPage<InstanceRecord> page = ResultPage.of(selected, i -> i.identifier, maxRecords, in.string("Marker").orElse(null));
        Map<String, Object> out = new LinkedHashMap<>();
        if (page.nextMarker() != null) {
            out.put("Marker", page.nextMarker());
        }
        out.put("DBInstances", new ArrayList<Object>(page.records().stream().map(shapes::instance).toList()));
        return out;
    }

    private Predicate<InstanceRecord> instanceFilter(RdsInput.RequestFilter filter) {
        if (!INSTANCE_FILTERS.contains(filter.name())) {
            throw RdsFaults.invalidParameterValue("Unrecognized filter name: " + filter.name() + ".");
        }
        List<String> values = filter.values();
        return switch (filter.name()) {
            case "db-cluster-id" -> i -> values.stream().anyMatch(v -> plane.ownIdentifier(v, RdsArn.CLUSTER).equals(i.clusterIdentifier));
            case "db-instance-id" -> i -> values.stream().anyMatch(v -> plane.ownIdentifier(v, RdsArn.INSTANCE).equals(i.identifier));
            case "dbi-resource-id" -> i -> values.contains(i.resourceId);
            case "engine" -> i -> values.contains(i.engine);
            default -> i -> false; // domain: the simulator has no Active Directory domains
        };
    }

    Map<String, Object> delete(RdsInput in) {
        InstanceRecord i = plane.requireInstance(in.requiredString("DBInstanceIdentifier"));
        if (in.has("FinalDBSnapshotIdentifier")) {
            throw RdsFaults.invalidParameterCombination(
                    "FinalDBSnapshotIdentifier can not be specified when deleting a cluster instance: "
                            + "snapshots of Aurora data are DB cluster snapshots.");
        }
        if (i.status.equals("deleting")) {
            throw plane.faults.invalidInstanceState("Instance " + i.identifier + " is already being deleted.");
        }
        if (!DELETABLE.contains(i.status)) {
            throw plane.faults.invalidInstanceState("Instance " + i.identifier + " is not in a state that allows deletion: "
                    + i.status + ".");
        }
        plane.cancel(i.identifier, RdsControlPlane.INSTANCE_KINDS);
        i.status = "deleting";
        plane.schedule(ScheduledTransition.Kind.INSTANCE_GONE, i.identifier, plane.now().plus(plane.timings.deletion()));
        return Map.of("DBInstance", shapes.instance(i));
    }
}
