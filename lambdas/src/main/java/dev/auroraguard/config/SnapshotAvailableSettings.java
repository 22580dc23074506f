package dev.auroraguard.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@code snapshot-available} function.
 *
 * @param lookback     the periodic check looks at managed snapshots created this recently
 * @param grace        how long after the periodic check first sees an available, unannounced snapshot it
 *                     still waits for RDS's own event before announcing it itself
 * @param eventBusName the bus outcome events go to
 */
public record SnapshotAvailableSettings(Duration lookback, Duration grace, String eventBusName) {

    public static final String LOOKBACK = "SNAPSHOT_AVAILABLE_LOOKBACK";
    public static final String GRACE = "SNAPSHOT_AVAILABLE_GRACE";

    public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(2);
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(10);

    public SnapshotAvailableSettings {
        Objects.requireNonNull(lookback, "lookback");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(eventBusName, "eventBusName");
    }

    public static SnapshotAvailableSettings fromEnvironment(Environment environment) {
        SettingsReader reader = new SettingsReader(environment);
        Duration lookback = reader.duration(LOOKBACK, DEFAULT_LOOKBACK);
        Duration grace = reader.duration(GRACE, DEFAULT_GRACE);
        String bus = reader.string(ScheduledSnapshotSettings.EVENT_BUS_NAME, ScheduledSnapshotSettings.DEFAULT_EVENT_BUS_NAME);
        reader.validate();
        return new SnapshotAvailableSettings(lookback, grace, bus);
    }
}
