package dev.auroraguard.sandbox;

import dev.auroraguard.config.ScheduledSnapshotSettings;
import java.util.Map;

/** What the sandbox sets up the way a deployment would: the aurora-guard bus and the functions' environment. */
final class SandboxDefaults {

    static final String EVENT_BUS = ScheduledSnapshotSettings.DEFAULT_EVENT_BUS_NAME;

    private SandboxDefaults() {
    }

    /** The environment every function gets in the sandbox, before any --env the user adds. */
    static Map<String, String> functionEnvironment() {
        return Map.of("EVENT_BUS_NAME", EVENT_BUS);
    }
}
