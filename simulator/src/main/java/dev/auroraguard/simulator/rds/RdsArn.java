package dev.auroraguard.simulator.rds;

/**
 * An RDS resource ARN, {@code arn:aws:rds:<region>:<account>:<type>:<id>}; for automated cluster snapshots
 * the id itself contains a colon ({@code cluster-snapshot:rds:my-cluster-2024-05-01-03-30}).
 */
record RdsArn(String partition, String region, String account, String resourceType, String resourceId) {

    static final String CLUSTER = "cluster";
    static final String CLUSTER_SNAPSHOT = "cluster-snapshot";
    static final String INSTANCE = "db";
    static final String DB_SNAPSHOT = "snapshot";

    static boolean looksLikeArn(String value) {
        return value.startsWith("arn:");
    }

    /** @throws dev.auroraguard.simulator.protocol.AwsServiceException InvalidParameterValue when not an RDS ARN */
    static RdsArn parse(String value) {
        String[] parts = value.split(":", 7);
        if (parts.length != 7 || !parts[0].equals("arn") || !parts[2].equals("rds") || parts[5].isEmpty()
                || parts[6].isEmpty()) {
            throw RdsFaults.invalidParameterValue("The specified resource name " + value + " is not a valid RDS ARN.");
        }
        return new RdsArn(parts[1], parts[3], parts[4], parts[5], parts[6]);
    }

    static String of(String region, String account, String resourceType, String resourceId) {
        return "arn:aws:rds:" + region + ":" + account + ":" + resourceType + ":" + resourceId;
    }
}
