package dev.auroraguard.simulator.rds;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster's Aurora Serverless v2 scaling configuration ({@code ServerlessV2ScalingConfiguration}): the
 * capacity range its {@code db.serverless} instances scale in, in half-ACU steps, 0 (auto-pause) to 256.
 * RDS refuses a {@code db.serverless} instance in a cluster that has none.
 */
record ServerlessV2Scaling(double minCapacity, double maxCapacity, Integer secondsUntilAutoPause) {

    static final double MAX_ACU = 256;
    static final String SERVERLESS_INSTANCE_CLASS = "db.serverless";

    /** The configuration in a CreateDBCluster / Restore... request, validated as RDS does. */
    static Optional<ServerlessV2Scaling> read(RdsInput in) {
        Optional<RdsInput> config = in.structure("ServerlessV2ScalingConfiguration");
        if (config.isEmpty()) {
            return Optional.empty();
        }
        double min = config.get().doubleValue("MinCapacity").orElseThrow(() -> RdsFaults.invalidParameterCombination(
                "ServerlessV2ScalingConfiguration needs MinCapacity."));
        double max = config.get().doubleValue("MaxCapacity").orElseThrow(() -> RdsFaults.invalidParameterCombination(
                "ServerlessV2ScalingConfiguration needs MaxCapacity."));
        for (double capacity : new double[] {min, max}) {
            if (capacity < 0 || capacity > MAX_ACU || capacity * 2 != Math.rint(capacity * 2)) {
                throw RdsFaults.invalidParameterValue("Serverless v2 capacity " + capacity
                        + " is not valid: use half-step values from 0 to " + (int) MAX_ACU + " ACUs.");
            }
        }
        if (max < 1) {
            throw RdsFaults.invalidParameterValue("The maximum capacity for Serverless v2 must be at least 1 ACU.");
        }
        if (min > max) {
            throw RdsFaults.invalidParameterCombination("The minimum capacity (" + min + ") can't be greater than the maximum"
                    + " capacity (" + max + ").");
        }
        Integer pause = config.get().integer("SecondsUntilAutoPause").orElse(null);
        if (pause != null && (pause < 300 || pause > 86_400)) {
            throw RdsFaults.invalidParameterValue("SecondsUntilAutoPause must be from 300 to 86400 seconds.");
        }
        return Optional.of(new ServerlessV2Scaling(min, max, min == 0 ? (pause == null ? 300 : pause) : null));
    }

    static Optional<ServerlessV2Scaling> of(ClusterRecord c) {
        return c.serverlessV2MinCapacity == null ? Optional.empty()
                : Optional.of(new ServerlessV2Scaling(c.serverlessV2MinCapacity, c.serverlessV2MaxCapacity,
                        c.serverlessV2SecondsUntilAutoPause));
    }

    void applyTo(ClusterRecord c) {
        c.serverlessV2MinCapacity = minCapacity;
        c.serverlessV2MaxCapacity = maxCapacity;
        c.serverlessV2SecondsUntilAutoPause = secondsUntilAutoPause;
    }

    /** The {@code ServerlessV2ScalingConfigurationInfo} of DescribeDBClusters. */
    Map<String, Object> info() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("MinCapacity", minCapacity);
        out.put("MaxCapacity", maxCapacity);
        if (secondsUntilAutoPause != null) {
            out.put("SecondsUntilAutoPause", secondsUntilAutoPause);
        }
        return out;
    }
}
