package dev.auroraguard.domain.restore;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A DB cluster as the restore workflow reads it (DescribeDBClusters): what a restore copies from a
 * source, and what the progress of a restored cluster is judged by.
 *
 * @param serverlessV2 the Serverless v2 capacity range, when the cluster has one
 * @param window       the restorable window, once RDS reports one (a cluster that was never available has none)
 * @param members      the cluster's instances, writer flagged
 */
public record ClusterDetails(String id, String arn, String status, String engine, String engineVersion, int port,
                             Optional<String> subnetGroup, List<String> vpcSecurityGroupIds, Optional<String> clusterParameterGroup,
                             boolean storageEncrypted, Optional<String> kmsKeyId, boolean iamDatabaseAuthentication,
                             Optional<ServerlessV2Scaling> serverlessV2, List<String> cloudwatchLogsExports, boolean copyTagsToSnapshot,
                             Optional<RestoreWindow> window, Optional<String> endpoint, Optional<String> readerEndpoint,
                             List<Member> members, Map<String, String> tags, Optional<Instant> createTime) {

    public static final String AVAILABLE = "available";

    public ClusterDetails {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(status, "status");
        vpcSecurityGroupIds = List.copyOf(vpcSecurityGroupIds);
        cloudwatchLogsExports = List.copyOf(cloudwatchLogsExports);
        members = List.copyOf(members);
        tags = Map.copyOf(tags);
    }

    /** A Serverless v2 capacity range in ACUs. */
    public record ServerlessV2Scaling(double minCapacity, double maxCapacity, Optional<Integer> secondsUntilAutoPause) {
    }

    /** One instance of the cluster as DescribeDBClusters lists it. */
    public record Member(String instanceId, boolean writer) {
    }

    public boolean isAvailable() {
        return AVAILABLE.equals(status);
    }

    public Optional<String> writerInstance() {
        return members.stream().filter(Member::writer).map(Member::instanceId).findFirst();
    }

    public Optional<String> tag(String key) {
        return Optional.ofNullable(tags.get(key));
    }
}
