package dev.auroraguard.simulator.rds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The names RDS makes up for an account and region: endpoints, resource ids, default VPC and security
 * group, default KMS key, availability zones. Derived from a hash so a simulator restarted from saved
 * state (or a test run twice) hands out the same values.
 */
final class RdsNaming {

    private static final String UPPER_ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String LOWER_ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final String accountId;
    private final String region;

    RdsNaming(String accountId, String region) {
        this.accountId = accountId;
        this.region = region;
    }

    String clusterArn(String identifier) {
        return RdsArn.of(region, accountId, RdsArn.CLUSTER, identifier);
    }

    String snapshotArn(String identifier) {
        return RdsArn.of(region, accountId, RdsArn.CLUSTER_SNAPSHOT, identifier);
    }

    String instanceArn(String identifier) {
        return RdsArn.of(region, accountId, RdsArn.INSTANCE, identifier);
    }

    /** {@code <id>.cluster-<hash>.<region>.rds.amazonaws.com}: the hash is fixed per account and region. */
    String clusterEndpoint(String identifier) {
        return identifier + ".cluster-" + endpointHash() + "." + region + ".rds.amazonaws.com";
    }

    String readerEndpoint(String identifier) {
        return identifier + ".cluster-ro-" + endpointHash() + "." + region + ".rds.amazonaws.com";
    }

    String instanceEndpoint(String identifier) {
        return identifier + "." + endpointHash() + "." + region + ".rds.amazonaws.com";
    }

    String hostedZoneId() {
        return "Z" + encode(digest("hosted-zone", region), UPPER_ALPHANUMERIC, 13);
    }

    String clusterResourceId(String identifier, long sequence) {
        return "cluster-" + encode(digest("cluster", accountId, region, identifier, Long.toString(sequence)),
                UPPER_ALPHANUMERIC, 26);
    }

    String instanceResourceId(String identifier, long sequence) {
        return "db-" + encode(digest("instance", accountId, region, identifier, Long.toString(sequence)),
                UPPER_ALPHANUMERIC, 26);
    }

    String cloneGroupId(String identifier, long sequence) {
        return uuid("clone-group", identifier, Long.toString(sequence)).toString();
    }

    String defaultVpcId() {
        return "vpc-" + hex(digest("vpc", accountId, region), 17);
    }

    String defaultSecurityGroupId() {
        return "sg-" + hex(digest("default-security-group", accountId, region), 17);
    }

    /** The account's default {@code aws/rds} KMS key in this region. */
    String defaultKmsKeyArn() {
        return "arn:aws:kms:" + region + ":" + accountId + ":key/" + uuid("kms", "aws/rds");
    }

    /** RDS answers the key ARN whatever form of key id the request used. */
    String kmsKeyArn(String keyId) {
        if (keyId.startsWith("arn:")) {
            return keyId;
        }
        if (keyId.equals("alias/aws/rds")) {
            return defaultKmsKeyArn();
        }
        if (keyId.startsWith("alias/")) {
            return "arn:aws:kms:" + region + ":" + accountId + ":" + keyId;
        }
        return "arn:aws:kms:" + region + ":" + accountId + ":key/" + keyId;
    }

    List<String> availabilityZones() {
        return List.of(region + "a", region + "b", region + "c");
    }

    /** RDS's default backup window: 30 minutes picked from an 8-hour block (here 03:00-11:00 UTC). */
    String defaultBackupWindow(String clusterIdentifier) {
        int start = 3 * 60 + (int) Long.remainderUnsigned(number(digest("backup-window", clusterIdentifier)), 8 * 60 - 30);
        return BackupWindow.format(start, start + 30);
    }

    /** RDS's default weekly maintenance window: 30 minutes, outside the backup block. */
    String defaultMaintenanceWindow(String clusterIdentifier) {
        long n = number(digest("maintenance-window", clusterIdentifier));
        String[] days = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
        String day = days[(int) Long.remainderUnsigned(n, 7)];
        int start = 11 * 60 + (int) Long.remainderUnsigned(n >>> 8, 6 * 60);
        return String.format(Locale.ROOT, "%s:%02d:%02d-%s:%02d:%02d", day, start / 60, start % 60, day,
                (start + 30) / 60, (start + 30) % 60);
    }

    UUID eventId(long sequence) {
        return uuid("event", Long.toString(sequence));
    }

    private String endpointHash() {
        return encode(digest("endpoint", accountId, region), LOWER_ALPHANUMERIC, 12);
    }

    private UUID uuid(String... parts) {
        String[] all = new String[parts.length + 2];
        all[0] = accountId;
        all[1] = region;
        System.arraycopy(parts, 0, all, 2, parts.length);
        return UUID.nameUUIDFromBytes(String.join("|", all).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] digest(String... parts) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String encode(byte[] bytes, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt((bytes[i % bytes.length] & 0xff) % alphabet.length()));
        }
        return out.toString();
    }

    private static String hex(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format(Locale.ROOT, "%02x", b & 0xff));
        }
        return out.substring(0, length);
    }

    private static long number(byte[] bytes) {
        long n = 0;
        for (int i = 0; i < 8; i++) {
            n = (n << 8) | (bytes[i] & 0xff);
        }
        return n;
    }
}
