package dev.auroraguard.handler;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every Lambda function aurora-guard deploys, in one place: the CDK app creates one function per
 * entry and the sandbox's {@code invoke} command finds handlers here by the same names.
 *
 * <p>Handlers are named as Lambda names them ({@code package.Class::method}) rather than by class
 * reference, so that reading the catalog loads no handler class.
 */
public enum FunctionCatalog {

    SCHEDULED_SNAPSHOT(
            "scheduled-snapshot",
            "dev.auroraguard.handler.ScheduledSnapshotHandler::handleRequest",
            "Takes the scheduled manual cluster snapshots of the protected clusters."),

    SNAPSHOT_AVAILABLE(
            "snapshot-available",
            "dev.auroraguard.handler.SnapshotAvailableHandler::handleRequest",
            "Announces aurora-guard snapshots that reached available (RDS event, confirmed by a periodic check)."),

    SNAPSHOT_CLEANUP(
            "snapshot-cleanup",
            "dev.auroraguard.handler.SnapshotCleanupHandler::handleRequest",
            "Deletes the manual snapshots the retention policy no longer keeps (a dry run unless configured to delete).");

    private final String functionName;
    private final String handler;
    private final String description;

    FunctionCatalog(String functionName, String handler, String description) {
        this.functionName = functionName;
        this.handler = handler;
        this.description = description;
    }

    /** The name users type ({@code ./aurora-guard invoke scheduled-snapshot}) and the CDK construct id. */
    public String functionName() {
        return functionName;
    }

    /** The Lambda handler string, {@code package.Class::method}. */
    public String handler() {
        return handler;
    }

    /** The handler's class name, without the method. */
    public String handlerClassName() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    public String description() {
        return description;
    }

    public static Optional<FunctionCatalog> byName(String functionName) {
        return Arrays.stream(values()).filter(f -> f.functionName.equals(functionName)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(FunctionCatalog::functionName).toList();
    }
}
