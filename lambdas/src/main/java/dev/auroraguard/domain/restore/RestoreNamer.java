package dev.auroraguard.domain.restore;

import dev.auroraguard.domain.RdsIdentifier;
import dev.auroraguard.domain.SnapshotNamer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Names restored clusters and their instances, deterministically, so that a duplicated or retried
 * request finds its own cluster instead of creating a second one:
 * <ul>
 *   <li>point in time: {@code <source>-pitr-<yyyyMMdd>-<HHmmss>} (UTC), e.g. {@code orders-db-pitr-20261125-034500};</li>
 *   <li>snapshot: {@code <source>-snap-<yyyyMMdd>-<HHmmss>} of the snapshot's creation time;</li>
 *   <li>instances: {@code <cluster>-1} (the writer), {@code <cluster>-2}, ...</li>
 * </ul>
 * A source identifier too long to fit keeps a readable prefix and a hyphen and a base32 SHA-256 digest
 * of the whole identifier (never plain truncation, which would merge {@code ...-a} and {@code ...-b}).
 */
public final class RestoreNamer {

    /** The longest restored cluster identifier: its instances append {@code -NN}. */
    public static final int MAX_CLUSTER_LENGTH = RdsIdentifier.MAX_LENGTH - 3;
    static final String POINT_IN_TIME = "pitr";
    static final String SNAPSHOT = "snap";
    private static final int SUFFIX_LENGTH = 1 + 4 + 1 + 8 + 1 + 6; // -pitr-yyyyMMdd-HHmmss
    static final int SOURCE_BUDGET = MAX_CLUSTER_LENGTH - SUFFIX_LENGTH;
    private static final int DIGEST_LENGTH = 12;
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RestoreNamer() {
    }

    /** The cluster a point-in-time restore of {@code sourceCluster} to {@code instant} creates. */
    public static String pointInTimeTarget(String sourceCluster, Instant instant) {
        return target(sourceCluster, POINT_IN_TIME, instant);
    }

    /** The cluster a restore of {@code sourceCluster}'s snapshot taken at {@code snapshotTime} creates. */
    public static String snapshotTarget(String sourceCluster, Instant snapshotTime) {
        return target(sourceCluster, SNAPSHOT, snapshotTime);
    }

    /** The {@code ordinal}th instance of a restored cluster (1 = the writer). */
    public static String instance(String restoredCluster, int ordinal) {
        if (ordinal < 1 || ordinal > 99) {
            throw new IllegalArgumentException("instance ordinal " + ordinal + " is outside 1..99");
        }
        return RdsIdentifier.normalize(restoredCluster + "-" + ordinal, "instance identifier");
    }

    private static String target(String sourceCluster, String kind, Instant instant) {
        String source = RdsIdentifier.normalize(sourceCluster, "source cluster");
        String part = source.length() < SOURCE_BUDGET ? source : shortened(source);
        return part + "-" + kind + "-" + COMPACT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static String shortened(String source) {
        String prefix = source.substring(0, SOURCE_BUDGET - 1 - DIGEST_LENGTH);
        while (prefix.endsWith("-")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return prefix + "-" + SnapshotNamer.base32Sha256(source).substring(0, SOURCE_BUDGET - 1 - prefix.length());
    }
}
