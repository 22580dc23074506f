package dev.auroraguard.simulator.rds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DescribeAccountAttributes: the account quotas in the order and with the default maximums RDS lists. */
final class AccountQuotas {

    private final RdsControlPlane plane;

    AccountQuotas(RdsControlPlane plane) {
        this.plane = plane;
    }

    Map<String, Object> describe() {
        List<Object> quotas = new ArrayList<>();
        quotas.add(quota("DBInstances", plane.state.instances.size(), RdsControlPlane.MAX_INSTANCES));
        quotas.add(quota("ReservedDBInstances", 0, 40));
        quotas.add(quota("AllocatedStorage", 0, 100000));
        quotas.add(quota("DBSecurityGroups", 0, 25));
        quotas.add(quota("AuthorizationsPerDBSecurityGroup", 0, 20));
        quotas.add(quota("DBParameterGroups", 0, 50));
        quotas.add(quota("ManualSnapshots", 0, 100));
        quotas.add(quota("ManualClusterSnapshots", plane.manualSnapshotCount(), plane.manualSnapshotQuota));
        quotas.add(quota("EventSubscriptions", 0, 20));
        quotas.add(quota("DBSubnetGroups", 0, 50));
        quotas.add(quota("OptionGroups", 0, 20));
        quotas.add(quota("SubnetsPerDBSubnetGroup", 0, 20));
        quotas.add(quota("ReadReplicasPerMaster", 0, 15));
        quotas.add(quota("DBInstanceRoles", 0, 5));
        quotas.add(quota("DBClusters", plane.state.clusters.size(), plane.clusterQuota));
        quotas.add(quota("DBClusterParameterGroups", 0, 50));
        quotas.add(quota("CustomEndpointsPerDBCluster", 0, 5));
        quotas.add(quota("DBClusterRoles", 0, 5));
        return Map.of("AccountQuotas", quotas);
    }

    private static Map<String, Object> quota(String name, long used, long max) {
        Map<String, Object> quota = new LinkedHashMap<>();
        quota.put("AccountQuotaName", name);
        quota.put("Used", used);
        quota.put("Max", max);
        return quota;
    }
}
