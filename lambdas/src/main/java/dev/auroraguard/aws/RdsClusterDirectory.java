package dev.auroraguard.aws;

import dev.auroraguard.domain.Cluster;
import dev.auroraguard.port.ClusterDirectory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DbClusterNotFoundException;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersRequest;

/** {@link ClusterDirectory} over RDS DescribeDBClusters (which returns each cluster's tags). */
public final class RdsClusterDirectory implements ClusterDirectory {

    private static final String OPERATION = "DescribeDBClusters";

    private final RdsClient rds;

    public RdsClusterDirectory(RdsClient rds) {
        this.rds = rds;
    }

    @Override
    public List<Cluster> describe(Collection<String> clusterIds) {
        // One call per listed cluster: a missing one answers DBClusterNotFound without hiding the others.
        List<Cluster> found = new ArrayList<>();
        for (String id : clusterIds) {
            try {
                rds.describeDBClusters(DescribeDbClustersRequest.builder().dbClusterIdentifier(id).build())
                        .dbClusters().stream().map(RdsModel::cluster).forEach(found::add);
            } catch (DbClusterNotFoundException e) {
                // absent from the answer; the selection reports it as missing
            } catch (SdkException e) {
                throw AwsErrors.translate(OPERATION, e);
            }
        }
        return found;
    }

    @Override
    public List<Cluster> listAll() {
        try {
            return rds.describeDBClustersPaginator(DescribeDbClustersRequest.builder().build())
                    .dbClusters().stream().map(RdsModel::cluster).toList();
        } catch (SdkException e) {
            throw AwsErrors.translate(OPERATION, e);
        }
    }
}
