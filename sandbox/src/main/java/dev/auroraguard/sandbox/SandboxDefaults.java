package dev.auroraguard.sandbox;

import dev.auroraguard.config.ScheduledSnapshotSettings;
import dev.auroraguard.config.SnapshotCleanupSettings;
import java.util.Map;

/** What the sandbox sets up the way a deployment would: the aurora-guard bus and the functions' environment. */
final class SandboxDefaults {

    static final String EVENT_BUS = ScheduledSnapshotSettings.DEFAULT_EVENT_BUS_NAME;

    /** The retention policy the sandbox's cleanup runs with (the same as examples/retention/policy.json). */
    static final String RETENTION_POLICY = "{\"timezone\":\"UTC\",\"rules\":{"
            + "\"scheduled\":{\"keepDaily\":7,\"keepWeekly\":4,\"keepMonthly\":12},"
            + "\"pre-deploy\":{\"keepLast\":5,\"keepWithin\":\"P14D\"}}}";

    private SandboxDefaults() {
    }

    /**
     * The environment every function gets in the sandbox, before any --env the user adds. Cleanup stays a
     * dry run, as in a deployment, until CLEANUP_DRY_RUN=false is given.
     */
    static Map<String, String> functionEnvironment() {
        return Map.of("EVENT_BUS_NAME", EVENT_BUS, SnapshotCleanupSettings.RETENTION_POLICY, RETENTION_POLICY);
    }
}
