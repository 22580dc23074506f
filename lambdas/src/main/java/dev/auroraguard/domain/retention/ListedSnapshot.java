package dev.auroraguard.domain.retention;

import dev.auroraguard.domain.TagScheme;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One manual or automated cluster snapshot as a listing (DescribeDBClusterSnapshots) returned it.
 *
 * @param identifier the DB cluster snapshot identifier, unique in the account and region
 * @param cluster the DB cluster identifier the snapshot was taken of
 * @param createdAt {@code SnapshotCreateTime}
 * @param status e.g. {@code available}, {@code creating}, {@code copying}
 * @param type {@code SnapshotType}: {@code manual}, {@code automated}, {@code shared}, ...
 * @param tags the snapshot's tags, key to value (a tag without value maps to {@code ""})
 */
public record ListedSnapshot(
        String identifier,
        String cluster,
        Instant createdAt,
        String status,
        String type,
        Map<String, String> tags) {

    public static final String STATUS_AVAILABLE = "available";
    public static final String TYPE_MANUAL = "manual";

    public ListedSnapshot {
        requireText(identifier, "identifier");
        requireText(cluster, "cluster");
        Objects.requireNonNull(createdAt, "createdAt");
        requireText(status, "status");
        requireText(type, "type");
        tags = Map.copyOf(Objects.requireNonNull(tags, "tags"));
    }

    /** Created by aurora-guard: the only snapshots retention may ever delete. */
    public boolean managed() {
        return TagScheme.isManaged(tags);
    }

    /**
     * Protected by a person. Any value but {@code false} protects: a retain tag someone set with an
     * unexpected spelling ({@code True}, {@code yes}) must still keep the snapshot.
     */
    public boolean retained() {
        String value = tags.get(TagScheme.RETAIN);
        return value != null && !"false".equalsIgnoreCase(value.strip());
    }

    public Optional<String> kind() {
        String value = tags.get(TagScheme.KIND);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public boolean available() {
        return STATUS_AVAILABLE.equals(status);
    }

    /** Only manual snapshots can be deleted with DeleteDBClusterSnapshot; automated ones expire on their own. */
    public boolean manual() {
        return TYPE_MANUAL.equals(type);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a listed snapshot needs a non-empty " + name);
        }
    }
}
