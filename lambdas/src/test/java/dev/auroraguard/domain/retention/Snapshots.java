package dev.auroraguard.domain.retention;

import dev.auroraguard.domain.TagScheme;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Test data builders for listed snapshots. */
final class Snapshots {

    private Snapshots() {
    }

    /** A managed, manual, available snapshot of {@code kind} on cluster {@code db}, named by its time. */
    static ListedSnapshot managed(String kind, String createdAt) {
        return managed("db", kind, createdAt, createdAt);
    }

    static ListedSnapshot managed(String cluster, String kind, String identifier, String createdAt) {
        return new ListedSnapshot(identifier, cluster, Instant.parse(createdAt), "available", "manual",
                Map.of(TagScheme.MANAGED, "true", TagScheme.KIND, kind));
    }

    static ListedSnapshot withTag(ListedSnapshot snapshot, String key, String value) {
        Map<String, String> tags = new HashMap<>(snapshot.tags());
        tags.put(key, value);
        return new ListedSnapshot(snapshot.identifier(), snapshot.cluster(), snapshot.createdAt(), snapshot.status(),
                snapshot.type(), tags);
    }

    static ListedSnapshot withoutTag(ListedSnapshot snapshot, String key) {
        Map<String, String> tags = new HashMap<>(snapshot.tags());
        tags.remove(key);
        return new ListedSnapshot(snapshot.identifier(), snapshot.cluster(), snapshot.createdAt(), snapshot.status(),
                snapshot.type(), tags);
    }

    static ListedSnapshot withStatus(ListedSnapshot snapshot, String status) {
        return new ListedSnapshot(snapshot.identifier(), snapshot.cluster(), snapshot.createdAt(), status,
                snapshot.type(), snapshot.tags());
    }

    static ListedSnapshot withType(ListedSnapshot snapshot, String type) {
        return new ListedSnapshot(snapshot.identifier(), snapshot.cluster(), snapshot.createdAt(), snapshot.status(),
                type, snapshot.tags());
    }
}
