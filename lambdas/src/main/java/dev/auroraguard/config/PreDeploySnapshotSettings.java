package dev.auroraguard.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@code pre-deploy-snapshot} function.
 *
 * @param maxWait         how long a CodePipeline action waits for its snapshot in all before it fails
 * @param copyClusterTags copy each cluster's own tags to its pre-deploy snapshots
 * @param eventBusName    the bus outcome events go to
 */
public record PreDeploySnapshotSettings(Duration maxWait, boolean copyClusterTags, String eventBusName) {

    public static final String MAX_WAIT = "PRE_DEPLOY_MAX_WAIT";

    public static final Duration DEFAULT_MAX_WAIT = Duration.ofHours(2);
    /**
     * CodePipeline fails a Lambda invoke action after 24 hours; the limit stays an hour below so that the
     * function, not the time-out, reports the failure, with a message.
     */
    public static final Duration LONGEST_MAX_WAIT = Duration.ofHours(23);

    public PreDeploySnapshotSettings {
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(eventBusName, "eventBusName");
        if (maxWait.isNegative() || maxWait.isZero() || maxWait.compareTo(LONGEST_MAX_WAIT) > 0) {
            throw new IllegalArgumentException("the wait limit must be positive and at most " + LONGEST_MAX_WAIT + ": " + maxWait);
        }
    }

    public static PreDeploySnapshotSettings fromEnvironment(Environment environment) {
        SettingsReader reader = new SettingsReader(environment);
        Duration maxWait = reader.parsed(MAX_WAIT, DEFAULT_MAX_WAIT, text -> {
            Duration value = SettingsReader.parseDuration(text);
            if (value.compareTo(LONGEST_MAX_WAIT) > 0) {
                throw new IllegalArgumentException("CodePipeline fails a Lambda invoke action after 24 hours");
            }
            return value;
        }, "a duration from 1m to 23h such as 90m or 2h");
        boolean copyTags = reader.bool(ScheduledSnapshotSettings.COPY_CLUSTER_TAGS, false);
        String bus = reader.string(ScheduledSnapshotSettings.EVENT_BUS_NAME, ScheduledSnapshotSettings.DEFAULT_EVENT_BUS_NAME);
        reader.validate();
        return new PreDeploySnapshotSettings(maxWait, copyTags, bus);
    }
}
