package dev.auroraguard.aws;

import dev.auroraguard.domain.restore.ClusterDetails;
import dev.auroraguard.domain.restore.DbInstance;
import dev.auroraguard.domain.restore.RestoreWindow;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.ServerlessV2ScalingConfigurationInfo;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;

/** Maps the RDS model objects the restore workflow reads to its domain records. */
final class RdsRestoreModel {

    private RdsRestoreModel() {
    }

    static ClusterDetails cluster(DBCluster c) {
        Optional<RestoreWindow> window = c.earliestRestorableTime() != null && c.latestRestorableTime() != null
                && !c.earliestRestorableTime().isAfter(c.latestRestorableTime())
                ? Optional.of(new RestoreWindow(c.earliestRestorableTime(), c.latestRestorableTime()))
                : Optional.empty();
        List<ClusterDetails.Member> members = c.dbClusterMembers() == null ? List.of() : c.dbClusterMembers().stream()
                .map(m -> new ClusterDetails.Member(m.dbInstanceIdentifier().toLowerCase(Locale.ROOT), Boolean.TRUE.equals(m.isClusterWriter())))
                .toList();
        List<String> securityGroups = c.vpcSecurityGroups() == null ? List.of()
                : c.vpcSecurityGroups().stream().map(VpcSecurityGroupMembership::vpcSecurityGroupId).toList();
        return new ClusterDetails(
                c.dbClusterIdentifier().toLowerCase(Locale.ROOT),
                String.valueOf(c.dbClusterArn()),
                String.valueOf(c.status()),
                String.valueOf(c.engine()),
                c.engineVersion(),
                c.port() == null ? 0 : c.port(),
                Optional.ofNullable(c.dbSubnetGroup()),
                securityGroups,
                Optional.ofNullable(c.dbClusterParameterGroup()),
                Boolean.TRUE.equals(c.storageEncrypted()),
                Optional.ofNullable(c.kmsKeyId()),
                Boolean.TRUE.equals(c.iamDatabaseAuthenticationEnabled()),
                Optional.ofNullable(c.serverlessV2ScalingConfiguration()).flatMap(RdsRestoreModel::scaling),
                c.enabledCloudwatchLogsExports() == null ? List.of() : c.enabledCloudwatchLogsExports(),
                Boolean.TRUE.equals(c.copyTagsToSnapshot()),
                window,
                Optional.ofNullable(c.endpoint()),
                Optional.ofNullable(c.readerEndpoint()),
                members,
                RdsModel.tags(c.tagList()),
                Optional.ofNullable(c.clusterCreateTime()));
    }

    private static Optional<ClusterDetails.ServerlessV2Scaling> scaling(ServerlessV2ScalingConfigurationInfo s) {
        if (s.minCapacity() == null || s.maxCapacity() == null) {
            return Optional.empty();
        }
        return Optional.of(new ClusterDetails.ServerlessV2Scaling(s.minCapacity(), s.maxCapacity(),
                Optional.ofNullable(s.secondsUntilAutoPause())));
    }

    static DbInstance instance(DBInstance i) {
        Optional<String> parameterGroup = i.dbParameterGroups() == null ? Optional.empty()
                : i.dbParameterGroups().stream().map(g -> g.dbParameterGroupName()).filter(n -> n != null).findFirst();
        return new DbInstance(
                i.dbInstanceIdentifier().toLowerCase(Locale.ROOT),
                String.valueOf(i.dbClusterIdentifier()).toLowerCase(Locale.ROOT),
                String.valueOf(i.dbInstanceClass()),
                String.valueOf(i.dbInstanceStatus()),
                parameterGroup,
                i.promotionTier() == null ? 1 : i.promotionTier(),
                Optional.ofNullable(i.endpoint()).map(e -> e.address()),
                Optional.ofNullable(i.instanceCreateTime()));
    }
}
