package dev.auroraguard.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Derives the identifier of a snapshot from its cluster, its kind and its scheduled slot:
 * {@code <cluster>-<kind>-<yyyyMMdd>-<HHmm>}, e.g. {@code orders-db-scheduled-20261125-0300}.
 *
 * <p>The same inputs always give the same identifier; that is what makes retried and duplicated
 * triggers idempotent without a database. Every result is a valid RDS identifier.
 *
 * <p><b>Long cluster names.</b> The suffix takes {@code kind.length() + 15} characters, leaving a
 * budget {@code B} (39 for {@code scheduled}) for the cluster part. A cluster identifier shorter than
 * {@code B} is used as is. A longer one is replaced by a readable prefix of it, a hyphen and a
 * base32 SHA-256 digest of the whole cluster identifier, filling exactly {@code B} characters. So:
 * <ul>
 *   <li>a shortened cluster part never equals a verbatim one (different lengths);</li>
 *   <li>two shortened parts are equal only if the clusters share the prefix <em>and</em> their
 *       digests share at least 12 base32 characters (60 bits): never, in practice;</li>
 *   <li>plain truncation, which would map {@code ...-eu-west-1a} and {@code ...-eu-west-1b} to the
 *       same name, is never used.</li>
 * </ul>
 */
public final class SnapshotNamer {

    static final int SUFFIX_FIXED_LENGTH = 15; // "-" + kind + "-" + yyyyMMdd + "-" + HHmm
    static final int MIN_DIGEST_LENGTH = 12;
    static final int REQUEST_DIGEST_LENGTH = 12;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private SnapshotNamer() {
    }

    /** The identifier of the snapshot of {@code clusterId} for {@code kind} in {@code slot}. */
    public static String snapshotId(String clusterId, SnapshotKind kind, ScheduledSlot slot) {
        String cluster = RdsIdentifier.normalize(clusterId, "cluster identifier");
        String suffix = "-" + kind.word() + "-" + slot.compact();
        int budget = clusterBudget(kind);
        String clusterPart = cluster.length() < budget ? cluster : shortened(cluster, budget);
        return clusterPart + suffix;
    }

    /**
     * The identifier of the pre-deploy snapshot of {@code clusterId} that one request asks for:
     * {@code <cluster>-pre-deploy-<digest>}, e.g. {@code orders-db-pre-deploy-7k2qlm4xa3bd}, where the digest
     * is the first {@value #REQUEST_DIGEST_LENGTH} characters of the lower-case base32 (RFC 4648) SHA-256 of
     * {@code requestReference} (the CodePipeline job id that started the action, or the EventBridge event id
     * of a CI request). A retried or duplicated request therefore names the same snapshot, and two requests
     * share one only if their references share 60 bits of digest. The suffix takes 24 characters, so cluster
     * identifiers of up to 38 characters appear verbatim and longer ones are shortened as for scheduled
     * snapshots.
     */
    public static String preDeploySnapshotId(String clusterId, String requestReference) {
        String cluster = RdsIdentifier.normalize(clusterId, "cluster identifier");
        if (requestReference == null || requestReference.isBlank()) {
            throw new IllegalArgumentException("a pre-deploy snapshot needs the reference of the request that asked for it");
        }
        String suffix = "-" + SnapshotKind.PRE_DEPLOY.word() + "-" + requestDigest(requestReference);
        int budget = RdsIdentifier.MAX_LENGTH - suffix.length();
        String clusterPart = cluster.length() < budget ? cluster : shortened(cluster, budget);
        return clusterPart + suffix;
    }

    /** The request part of a pre-deploy snapshot identifier (see {@link #preDeploySnapshotId}). */
    public static String requestDigest(String requestReference) {
        return base32Sha256(requestReference).substring(0, REQUEST_DIGEST_LENGTH);
    }

    /** How many characters the cluster part may take for {@code kind}. */
    public static int clusterBudget(SnapshotKind kind) {
        return RdsIdentifier.MAX_LENGTH - SUFFIX_FIXED_LENGTH - kind.word().length();
    }

    /** Whether {@code clusterId} appears verbatim in its snapshot identifiers (else shortened with a digest). */
    public static boolean keepsClusterVerbatim(String clusterId, SnapshotKind kind) {
        return clusterId.length() < clusterBudget(kind);
    }

    private static String shortened(String cluster, int budget) {
        String prefix = cluster.substring(0, budget - 1 - MIN_DIGEST_LENGTH);
        while (prefix.endsWith("-")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        // The digest fills whatever the stripped hyphens left, so the part is always exactly `budget` long.
        String digest = base32Sha256(cluster).substring(0, budget - 1 - prefix.length());
        return prefix + "-" + digest;
    }

    /** The lower-case base32 SHA-256 digest of {@code text} (lower-cased), as used in shortened identifiers. */
    public static String base32Sha256(String text) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(text.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
        StringBuilder out = new StringBuilder(52);
        int buffer = 0;
        int bits = 0;
        for (byte b : hash) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
