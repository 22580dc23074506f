package dev.auroraguard.port;

import dev.auroraguard.domain.Cluster;
import java.util.Collection;
import java.util.List;

/** Reads DB clusters (RDS DescribeDBClusters). Throws {@link ServiceCallException} when RDS cannot answer. */
public interface ClusterDirectory {

    /** The clusters among {@code clusterIds} that exist; unknown identifiers are simply absent. */
    List<Cluster> describe(Collection<String> clusterIds);

    /** Every DB cluster in the account and region. */
    List<Cluster> listAll();
}
