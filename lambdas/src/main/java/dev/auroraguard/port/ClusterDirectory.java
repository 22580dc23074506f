package dev.auroraguard.port;

import dev.auroraguard.domain.Cluster;
import dev.auroraguard.domain.ClusterSelection;
import java.util.Collection;
import java.util.List;

/** Reads DB clusters (RDS DescribeDBClusters). Throws {@link ServiceCallException} when RDS cannot answer. */
public interface ClusterDirectory {

    /** The clusters among {@code clusterIds} that exist; unknown identifiers are simply absent. */
    List<Cluster> describe(Collection<String> clusterIds);

    /** Every DB cluster in the account and region. */
    List<Cluster> listAll();

    /** Applies {@code selection} to the clusters it needs described: every cluster for tag selection, else only the listed. */
    default ClusterSelection.Selected select(ClusterSelection selection) {
        return selection.apply(selection.needsEveryCluster() ? listAll() : describe(selection.listed()));
    }
}
