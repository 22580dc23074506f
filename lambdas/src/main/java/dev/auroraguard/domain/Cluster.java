package dev.auroraguard.domain;

import java.util.Map;
import java.util.Objects;

/**
 * A DB cluster as the snapshot functions see it.
 *
 * @param id                 the cluster identifier (lower case, as RDS stores it)
 * @param arn                the cluster ARN
 * @param status             the RDS status, e.g. {@code available}, {@code backing-up}, {@code stopped}
 * @param tags               the cluster's own tags
 * @param copyTagsToSnapshot the cluster's CopyTagsToSnapshot setting
 */
public record Cluster(String id, String arn, String status, Map<String, String> tags, boolean copyTagsToSnapshot) {

    public static final String AVAILABLE = "available";

    public Cluster {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(status, "status");
        tags = Map.copyOf(tags);
    }

    /** RDS only snapshots a cluster in the {@code available} state. */
    public boolean isAvailable() {
        return AVAILABLE.equals(status);
    }
}
