package dev.auroraguard.domain.restore;

import dev.auroraguard.domain.TagScheme;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A cluster aurora-guard restored, read back from its tags: the restored cluster carries everything the
 * workflow needs (source, instant, trigger, instance plan, outcome), so the progress side keeps no state
 * of its own and any number of runs reach the same conclusion.
 *
 * <p>Only a value of this type can be tagged by the workflow (see the ClusterRestores port): the source
 * cluster is never one, so there is no path that modifies it.
 */
public record RestoredCluster(ClusterDetails cluster, String sourceCluster, Instant restoreTime, Optional<String> snapshot,
                              RestoreType restoreType, RestoreOrigin origin, Instant requestedAt, String requestReference,
                              String reason, String requestedBy, List<PlannedInstance> plan, Optional<Instant> completedAt,
                              Optional<Instant> failedAt, Optional<String> failedStep, Optional<Instant> cutoverAt) {

    public RestoredCluster {
        Objects.requireNonNull(cluster, "cluster");
        plan = List.copyOf(plan);
    }

    public String id() {
        return cluster.id();
    }

    /** Neither completed nor failed: the workflow still has work to do. */
    public boolean inFlight() {
        return completedAt.isEmpty() && failedAt.isEmpty();
    }

    /** When it completed or failed, if it did. */
    public Optional<Instant> finishedAt() {
        return completedAt.or(() -> failedAt);
    }

    /** Whether {@code cluster} carries aurora-guard's restore tags. */
    public static boolean isRestore(ClusterDetails cluster) {
        return TagScheme.isManaged(cluster.tags()) && TagScheme.KIND_RESTORE.equals(cluster.tags().get(TagScheme.KIND));
    }

    /**
     * Reads a restored cluster from its tags; empty for any cluster aurora-guard did not restore.
     *
     * @throws IllegalArgumentException when the cluster is ours but a tag is missing or unreadable (edited by hand)
     */
    public static Optional<RestoredCluster> from(ClusterDetails cluster) {
        if (!isRestore(cluster)) {
            return Optional.empty();
        }
        Map<String, String> tags = cluster.tags();
        List<PlannedInstance> plan = new ArrayList<>();
        for (int ordinal = 1; tags.containsKey(TagScheme.RESTORE_INSTANCE_PREFIX + ordinal); ordinal++) {
            plan.add(PlannedInstance.fromTagValue(ordinal, tags.get(TagScheme.RESTORE_INSTANCE_PREFIX + ordinal)));
        }
        if (plan.isEmpty()) {
            throw unreadable(cluster, TagScheme.RESTORE_INSTANCE_PREFIX + "1", "missing");
        }
        return Optional.of(new RestoredCluster(cluster,
                required(cluster, TagScheme.RESTORED_FROM),
                instant(cluster, TagScheme.RESTORE_TIME).orElseThrow(() -> unreadable(cluster, TagScheme.RESTORE_TIME, "missing")),
                Optional.ofNullable(tags.get(TagScheme.RESTORED_FROM_SNAPSHOT)),
                RestoreType.fromWord(tags.getOrDefault(TagScheme.RESTORE_TYPE, RestoreType.FULL_COPY.word()))
                        .orElseThrow(() -> unreadable(cluster, TagScheme.RESTORE_TYPE, tags.get(TagScheme.RESTORE_TYPE))),
                RestoreOrigin.fromWord(tags.getOrDefault(TagScheme.RESTORE_ORIGIN, RestoreOrigin.REQUEST.word()))
                        .orElseThrow(() -> unreadable(cluster, TagScheme.RESTORE_ORIGIN, tags.get(TagScheme.RESTORE_ORIGIN))),
                instant(cluster, TagScheme.RESTORE_REQUESTED_AT).or(cluster::createTime).orElse(Instant.EPOCH),
                tags.getOrDefault(TagScheme.RESTORE_REQUEST, ""),
                tags.getOrDefault(TagScheme.RESTORE_REASON, ""),
                tags.getOrDefault(TagScheme.RESTORE_REQUESTED_BY, ""),
                plan,
                instant(cluster, TagScheme.RESTORE_COMPLETED),
                instant(cluster, TagScheme.RESTORE_FAILED),
                Optional.ofNullable(tags.get(TagScheme.RESTORE_FAILED_STEP)),
                instant(cluster, TagScheme.CUTOVER)));
    }

    /**
     * The tags a new restored cluster gets in the restore call: ours first, then the source's own copyable
     * tags by key (never {@code aws:} or {@code aurora-guard:} ones) as far as the 50-tag limit allows.
     */
    public static NewClusterTags tagsFor(RestoreRequest request, Instant restoreTime, List<PlannedInstance> plan,
                                         Map<String, String> sourceTags) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(TagScheme.MANAGED, TagScheme.TRUE);
        tags.put(TagScheme.KIND, TagScheme.KIND_RESTORE);
        tags.put(TagScheme.RESTORED_FROM, request.sourceCluster());
        tags.put(TagScheme.RESTORE_TIME, restoreTime.toString());
        if (request.point() instanceof RestorePoint.FromSnapshot snapshot) {
            tags.put(TagScheme.RESTORED_FROM_SNAPSHOT, TagScheme.tagValue(snapshot.snapshotId()));
        }
        tags.put(TagScheme.RESTORE_TYPE, request.restoreType().word());
        tags.put(TagScheme.RESTORE_ORIGIN, request.origin().word());
        tags.put(TagScheme.RESTORE_REQUESTED_AT, request.requestedAt().toString());
        tags.put(TagScheme.RESTORE_REQUEST, TagScheme.tagValue(request.reference()));
        tags.put(TagScheme.RESTORE_REASON, TagScheme.tagValue(request.reason()));
        tags.put(TagScheme.RESTORE_REQUESTED_BY, TagScheme.tagValue(request.requestedBy()));
        for (PlannedInstance instance : plan) {
            tags.put(TagScheme.RESTORE_INSTANCE_PREFIX + instance.ordinal(), instance.tagValue());
        }
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, String> tag : new TreeMap<>(sourceTags).entrySet()) {
            if (!TagScheme.isCopyable(tag.getKey())) {
                continue;
            }
            if (tags.size() < TagScheme.MAX_TAGS_PER_RESOURCE) {
                tags.put(tag.getKey(), tag.getValue());
            } else {
                dropped.add(tag.getKey());
            }
        }
        return new NewClusterTags(tags, dropped);
    }

    /** @param droppedKeys source tag keys that did not fit under the 50-tag limit (reported, never silently lost) */
    public record NewClusterTags(Map<String, String> tags, List<String> droppedKeys) {
        public NewClusterTags {
            tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
            droppedKeys = List.copyOf(droppedKeys);
        }
    }

    private static String required(ClusterDetails cluster, String key) {
        String value = cluster.tags().get(key);
        if (value == null || value.isBlank()) {
            throw unreadable(cluster, key, "missing");
        }
        return value;
    }

    private static Optional<Instant> instant(ClusterDetails cluster, String key) {
        String value = cluster.tags().get(key);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw unreadable(cluster, key, value);
        }
    }

    private static IllegalArgumentException unreadable(ClusterDetails cluster, String key, String value) {
        return new IllegalArgumentException("restored cluster " + cluster.id() + " has an unreadable tag " + key + " ('" + value
                + "'); aurora-guard writes it when the restore starts - was it edited?");
    }
}
