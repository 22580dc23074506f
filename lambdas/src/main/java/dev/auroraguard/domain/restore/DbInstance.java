package dev.auroraguard.domain.restore;

import java.util.Objects;
import java.util.Optional;

/**
 * A DB instance of an Aurora cluster (DescribeDBInstances).
 *
 * @param parameterGroup the instance's DB parameter group, when RDS reports one
 * @param endpoint       its address, once it has one
 * @param createTime     when RDS finished creating it ({@code InstanceCreateTime}), once it has
 */
public record DbInstance(String id, String clusterId, String instanceClass, String status, Optional<String> parameterGroup,
                         int promotionTier, Optional<String> endpoint, Optional<java.time.Instant> createTime) {

    public static final String AVAILABLE = "available";

    public DbInstance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(instanceClass, "instanceClass");
        Objects.requireNonNull(status, "status");
    }

    public boolean isAvailable() {
        return AVAILABLE.equals(status);
    }
}
