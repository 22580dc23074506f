package dev.auroraguard.aws;

import dev.auroraguard.domain.Snapshot;
import dev.auroraguard.domain.restore.ClusterDetails;
import dev.auroraguard.domain.restore.DbInstance;
import dev.auroraguard.domain.restore.PlannedInstance;
import dev.auroraguard.domain.restore.RestoreNamer;
import dev.auroraguard.domain.restore.RestoreSpec;
import dev.auroraguard.domain.restore.RestoredCluster;
import dev.auroraguard.port.ClusterRestores;
import dev.auroraguard.port.ServiceCallException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.AddTagsToResourceRequest;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DbClusterAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbClusterNotFoundException;
import software.amazon.awssdk.services.rds.model.DbInstanceAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.rds.model.InvalidDbClusterStateException;
import software.amazon.awssdk.services.rds.model.RestoreDbClusterFromSnapshotRequest;
import software.amazon.awssdk.services.rds.model.RestoreDbClusterToPointInTimeRequest;
import software.amazon.awssdk.services.rds.model.ServerlessV2ScalingConfiguration;

/** {@link ClusterRestores} over the RDS cluster, instance, snapshot, restore and tagging operations. */
public final class RdsClusterRestores implements ClusterRestores {

    private final RdsClient rds;
    private final RdsClusterSnapshots snapshots;

    public RdsClusterRestores(RdsClient rds) {
        this.rds = rds;
        this.snapshots = new RdsClusterSnapshots(rds);
    }

    @Override
    public Optional<ClusterDetails> describeCluster(String clusterId) {
        try {
            return rds.describeDBClusters(DescribeDbClustersRequest.builder().dbClusterIdentifier(clusterId).build())
                    .dbClusters().stream().findFirst().map(RdsRestoreModel::cluster);
        } catch (DbClusterNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.translate("DescribeDBClusters", e);
        }
    }

    @Override
    public List<ClusterDetails> listClusters() {
        try {
            return rds.describeDBClustersPaginator(DescribeDbClustersRequest.builder().build())
                    .dbClusters().stream().map(RdsRestoreModel::cluster).toList();
        } catch (SdkException e) {
            throw AwsErrors.translate("DescribeDBClusters", e);
        }
    }

    @Override
    public List<DbInstance> instancesOf(String clusterId) {
        try {
            return rds.describeDBInstancesPaginator(DescribeDbInstancesRequest.builder()
                            .filters(Filter.builder().name("db-cluster-id").values(clusterId).build())
                            .build())
                    .dbInstances().stream().map(RdsRestoreModel::instance).toList();
        } catch (SdkException e) {
            throw AwsErrors.translate("DescribeDBInstances", e);
        }
    }

    @Override
    public Optional<DbInstance> describeInstance(String instanceId) {
        try {
            return rds.describeDBInstances(DescribeDbInstancesRequest.builder().dbInstanceIdentifier(instanceId).build())
                    .dbInstances().stream().findFirst().map(RdsRestoreModel::instance);
        } catch (DbInstanceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.translate("DescribeDBInstances", e);
        }
    }

    @Override
    public Optional<Snapshot> describeSnapshot(String snapshotId) {
        return snapshots.describe(snapshotId);
    }

    @Override
    public RestoreStart restore(RestoreSpec spec) {
        String operation = spec.snapshotId().isPresent() ? "RestoreDBClusterFromSnapshot" : "RestoreDBClusterToPointInTime";
        try {
            if (spec.snapshotId().isPresent()) {
                var request = RestoreDbClusterFromSnapshotRequest.builder()
                        .dbClusterIdentifier(spec.targetCluster())
                        .snapshotIdentifier(spec.snapshotId().get())
                        .engine(spec.engine())
                        .port(spec.port())
                        .vpcSecurityGroupIds(spec.vpcSecurityGroupIds())
                        .enableIAMDatabaseAuthentication(spec.iamDatabaseAuthentication())
                        .enableCloudwatchLogsExports(spec.cloudwatchLogsExports())
                        .copyTagsToSnapshot(spec.copyTagsToSnapshot())
                        .deletionProtection(spec.deletionProtection())
                        .tags(RdsModel.tagList(spec.tags()));
                spec.engineVersion().ifPresent(request::engineVersion);
                spec.subnetGroup().ifPresent(request::dbSubnetGroupName);
                spec.clusterParameterGroup().ifPresent(request::dbClusterParameterGroupName);
                spec.kmsKeyId().ifPresent(request::kmsKeyId);
                spec.serverlessV2().ifPresent(s -> request.serverlessV2ScalingConfiguration(scaling(s)));
                return new Started(RdsRestoreModel.cluster(rds.restoreDBClusterFromSnapshot(request.build()).dbCluster()));
            }
            var request = RestoreDbClusterToPointInTimeRequest.builder()
                    .dbClusterIdentifier(spec.targetCluster())
                    .sourceDBClusterIdentifier(spec.sourceCluster())
                    .restoreType(spec.restoreType().word())
                    .port(spec.port())
                    .vpcSecurityGroupIds(spec.vpcSecurityGroupIds())
                    .enableIAMDatabaseAuthentication(spec.iamDatabaseAuthentication())
                    .enableCloudwatchLogsExports(spec.cloudwatchLogsExports())
                    .copyTagsToSnapshot(spec.copyTagsToSnapshot())
                    .deletionProtection(spec.deletionProtection())
                    .tags(RdsModel.tagList(spec.tags()));
            if (spec.useLatest()) {
                request.useLatestRestorableTime(true);
            } else {
                request.restoreToTime(spec.restoreToTime().orElseThrow());
            }
            spec.subnetGroup().ifPresent(request::dbSubnetGroupName);
            spec.clusterParameterGroup().ifPresent(request::dbClusterParameterGroupName);
            spec.kmsKeyId().ifPresent(request::kmsKeyId);
            spec.serverlessV2().ifPresent(s -> request.serverlessV2ScalingConfiguration(scaling(s)));
            return new Started(RdsRestoreModel.cluster(rds.restoreDBClusterToPointInTime(request.build()).dbCluster()));
        } catch (DbClusterAlreadyExistsException e) {
            return new ClusterAlreadyExists(AwsErrors.message(e));
        } catch (AwsServiceException e) {
            ServiceCallException translated = AwsErrors.translate(operation, e);
            if (translated.retryable()) {
                throw translated;
            }
            return new RestoreRefused(translated.errorCode(), AwsErrors.message(e));
        } catch (SdkException e) {
            throw AwsErrors.translate(operation, e);
        }
    }

    @Override
    public InstanceCreation createInstance(RestoredCluster cluster, PlannedInstance instance, Map<String, String> tags) {
        try {
            var request = CreateDbInstanceRequest.builder()
                    .dbInstanceIdentifier(RestoreNamer.instance(cluster.id(), instance.ordinal()))
                    .dbClusterIdentifier(cluster.id())
                    .engine(cluster.cluster().engine())
                    .dbInstanceClass(instance.instanceClass())
                    .promotionTier(instance.promotionTier())
                    .tags(RdsModel.tagList(tags));
            instance.parameterGroup().ifPresent(request::dbParameterGroupName);
            return new InstanceCreated(RdsRestoreModel.instance(rds.createDBInstance(request.build()).dbInstance()));
        } catch (DbInstanceAlreadyExistsException e) {
            return new InstanceAlreadyExists(AwsErrors.message(e));
        } catch (InvalidDbClusterStateException e) {
            return new ClusterNotReady(AwsErrors.message(e));
        } catch (AwsServiceException e) {
            ServiceCallException translated = AwsErrors.translate("CreateDBInstance", e);
            if (translated.retryable()) {
                throw translated;
            }
            return new InstanceRefused(translated.errorCode(), AwsErrors.message(e));
        } catch (SdkException e) {
            throw AwsErrors.translate("CreateDBInstance", e);
        }
    }

    @Override
    public void tag(RestoredCluster cluster, Map<String, String> tags) {
        try {
            rds.addTagsToResource(AddTagsToResourceRequest.builder()
                    .resourceName(cluster.cluster().arn())
                    .tags(RdsModel.tagList(tags))
                    .build());
        } catch (SdkException e) {
            throw AwsErrors.translate("AddTagsToResource", e);
        }
    }

    private static ServerlessV2ScalingConfiguration scaling(ClusterDetails.ServerlessV2Scaling s) {
        var builder = ServerlessV2ScalingConfiguration.builder().minCapacity(s.minCapacity()).maxCapacity(s.maxCapacity());
        s.secondsUntilAutoPause().ifPresent(builder::secondsUntilAutoPause);
        return builder.build();
    }
}
