package dev.auroraguard.simulator.rds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** AddTagsToResource, RemoveTagsFromResource, ListTagsForResource: resources named by ARN. */
final class TagOperations {

    private final RdsControlPlane plane;

    TagOperations(RdsControlPlane plane) {
        this.plane = plane;
    }

    Map<String, Object> add(RdsInput in) {
        String resourceName = in.requiredString("ResourceName");
        if (!in.has("Tags")) {
            throw RdsFaults.missingParameter("Tags");
        }
        LinkedHashMap<String, String> added = in.tags("Tags");
        LinkedHashMap<String, String> tags = tagsOf(resourceName);
        RdsTags.checkCount(tags, added);
        tags.putAll(added);
        return Map.of();
    }

    Map<String, Object> remove(RdsInput in) {
        String resourceName = in.requiredString("ResourceName");
        if (!in.has("TagKeys")) {
            throw RdsFaults.missingParameter("TagKeys");
        }
        List<String> keys = in.strings("TagKeys");
        LinkedHashMap<String, String> tags = tagsOf(resourceName);
        keys.forEach(tags::remove);
        return Map.of();
    }

    Map<String, Object> list(RdsInput in) {
        String resourceName = in.requiredString("ResourceName");
        return Map.of("TagList", RdsTags.tagList(tagsOf(resourceName)));
    }

    /** The live tag set of the resource the ARN names; not found answers the fault of that resource type. */
    private LinkedHashMap<String, String> tagsOf(String resourceName) {
        RdsArn arn = RdsArn.parse(resourceName);
        boolean here = arn.account().equals(plane.accountId) && arn.region().equals(plane.region);
        String id = RdsIdentifiers.lower(arn.resourceId());
        switch (arn.resourceType()) {
            case RdsArn.CLUSTER -> {
                ClusterRecord cluster = here ? plane.state.clusters.get(id) : null;
                if (cluster == null) {
                    throw plane.faults.clusterNotFound(arn.resourceId());
                }
                return cluster.tags;
            }
            case RdsArn.INSTANCE -> {
                InstanceRecord instance = here ? plane.state.instances.get(id) : null;
                if (instance == null) {
                    throw plane.faults.instanceNotFound(arn.resourceId());
                }
                return instance.tags;
            }
            case RdsArn.CLUSTER_SNAPSHOT -> {
                SnapshotRecord snapshot = here ? plane.state.snapshots.get(id) : null;
                if (snapshot == null || !snapshot.ownerAccount.equals(plane.accountId)) {
                    throw plane.faults.snapshotNotFound(arn.resourceId());
                }
                return snapshot.tags;
            }
            case RdsArn.DB_SNAPSHOT -> throw plane.faults.dbSnapshotNotFound(arn.resourceId());
            default -> throw RdsFaults.invalidParameterValue("The simulator doesn't model RDS resources of type "
                    + arn.resourceType() + " (" + resourceName + ").");
        }
    }
}
