package dev.auroraguard.domain.retention;

import java.util.List;
import java.util.Objects;

/**
 * The snapshots one cleanup run saw, and whether it saw all of them. A listing where any page
 * failed is incomplete; planning on it deletes nothing, because the missing page might hold the
 * newer snapshots that make the listed ones redundant or, worse, might not.
 *
 * @param snapshots every listed snapshot, of one or many clusters, in any order
 * @param complete true only if every page of the listing was read
 */
public record SnapshotListing(List<ListedSnapshot> snapshots, boolean complete) {

    public SnapshotListing {
        snapshots = List.copyOf(Objects.requireNonNull(snapshots, "snapshots"));
    }

    public static SnapshotListing complete(List<ListedSnapshot> snapshots) {
        return new SnapshotListing(snapshots, true);
    }

    public static SnapshotListing incomplete(List<ListedSnapshot> snapshots) {
        return new SnapshotListing(snapshots, false);
    }
}
