package dev.auroraguard.aws;

import dev.auroraguard.domain.Snapshot;
import dev.auroraguard.domain.SnapshotCreation;
import dev.auroraguard.port.ClusterSnapshots;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.AddTagsToResourceRequest;
import software.amazon.awssdk.services.rds.model.CreateDbClusterSnapshotRequest;
import software.amazon.awssdk.services.rds.model.DbClusterNotFoundException;
import software.amazon.awssdk.services.rds.model.DbClusterSnapshotAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbClusterSnapshotNotFoundException;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.InvalidDbClusterStateException;
import software.amazon.awssdk.services.rds.model.SnapshotQuotaExceededException;

/** {@link ClusterSnapshots} over the RDS snapshot and tagging operations. */
public final class RdsClusterSnapshots implements ClusterSnapshots {

    private final RdsClient rds;

    public RdsClusterSnapshots(RdsClient rds) {
        this.rds = rds;
    }

    @Override
    public SnapshotCreation create(String clusterId, String snapshotId, Map<String, String> tags) {
        try {
            var response = rds.createDBClusterSnapshot(CreateDbClusterSnapshotRequest.builder()
                    .dbClusterIdentifier(clusterId)
                    .dbClusterSnapshotIdentifier(snapshotId)
                    .tags(RdsModel.tagList(tags))
                    .build());
            return new SnapshotCreation.Created(RdsModel.snapshot(response.dbClusterSnapshot()));
        } catch (DbClusterSnapshotAlreadyExistsException e) {
            return new SnapshotCreation.AlreadyExists(AwsErrors.message(e));
        } catch (DbClusterNotFoundException e) {
            return new SnapshotCreation.ClusterNotFound(AwsErrors.message(e));
        } catch (InvalidDbClusterStateException e) {
            return new SnapshotCreation.ClusterNotAvailable(AwsErrors.message(e));
        } catch (SnapshotQuotaExceededException e) {
            return new SnapshotCreation.QuotaExceeded(AwsErrors.message(e), Optional.empty());
        } catch (SdkException e) {
            throw AwsErrors.translate("CreateDBClusterSnapshot", e);
        }
    }

    @Override
    public Optional<Snapshot> describe(String snapshotId) {
        try {
            return rds.describeDBClusterSnapshots(DescribeDbClusterSnapshotsRequest.builder()
                            .dbClusterSnapshotIdentifier(snapshotId)
                            .build())
                    .dbClusterSnapshots().stream().findFirst().map(RdsModel::snapshot);
        } catch (DbClusterSnapshotNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.translate("DescribeDBClusterSnapshots", e);
        }
    }

    @Override
    public List<Snapshot> listManual(Instant since) {
        try {
            return rds.describeDBClusterSnapshotsPaginator(DescribeDbClusterSnapshotsRequest.builder()
                            .snapshotType("manual")
                            .build())
                    .dbClusterSnapshots().stream()
                    .map(RdsModel::snapshot)
                    .filter(s -> s.createTime().map(t -> !t.isBefore(since)).orElse(true))
                    .toList();
        } catch (SdkException e) {
            throw AwsErrors.translate("DescribeDBClusterSnapshots", e);
        }
    }

    @Override
    public void addTags(String snapshotArn, Map<String, String> tags) {
        try {
            rds.addTagsToResource(AddTagsToResourceRequest.builder()
                    .resourceName(snapshotArn)
                    .tags(RdsModel.tagList(tags))
                    .build());
        } catch (SdkException e) {
            throw AwsErrors.translate("AddTagsToResource", e);
        }
    }
}
