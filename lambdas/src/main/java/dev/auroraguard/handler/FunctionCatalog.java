package dev.auroraguard.handler;

import static dev.auroraguard.handler.AwsService.CODEPIPELINE;
import static dev.auroraguard.handler.AwsService.EVENTBRIDGE;
import static dev.auroraguard.handler.AwsService.RDS;
import static dev.auroraguard.handler.AwsService.SSM;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
            "Takes the scheduled manual cluster snapshots of the protected clusters.",
            EnumSet.of(RDS, EVENTBRIDGE)),

    SNAPSHOT_AVAILABLE(
            "snapshot-available",
            "dev.auroraguard.handler.SnapshotAvailableHandler::handleRequest",
            "Announces aurora-guard snapshots that reached available (RDS event, confirmed by a periodic check).",
            EnumSet.of(RDS, EVENTBRIDGE)),

    SNAPSHOT_CLEANUP(
            "snapshot-cleanup",
            "dev.auroraguard.handler.SnapshotCleanupHandler::handleRequest",
            "Deletes the manual snapshots the retention policy no longer keeps (a dry run unless configured to delete).",
            EnumSet.of(RDS, EVENTBRIDGE)),

    POINT_IN_TIME_RESTORE(
            "point-in-time-restore",
            "dev.auroraguard.handler.PointInTimeRestoreHandler::handleRequest",
            "Validates a restore request or an alarm and starts the restore of a cluster into a new cluster.",
            EnumSet.of(RDS, EVENTBRIDGE)),

    RESTORE_PROGRESS(
            "restore-progress",
            "dev.auroraguard.handler.RestoreProgressHandler::handleRequest",
            "Moves restores on (instances, Restore Completed) on RDS events and a sweep; points the application at a restore.",
            EnumSet.of(RDS, EVENTBRIDGE, SSM)),

    PRE_DEPLOY_SNAPSHOT(
            "pre-deploy-snapshot",
            "dev.auroraguard.handler.PreDeploySnapshotHandler::handleRequest",
            "Takes a rollback point before a release: a CodePipeline Lambda invoke action, or a CI's Pre-Deploy Snapshot Requested event.",
            EnumSet.of(RDS, EVENTBRIDGE, CODEPIPELINE));

    private final String functionName;
    private final String handler;
    private final String description;
    private final Set<AwsService> services;

    FunctionCatalog(String functionName, String handler, String description, EnumSet<AwsService> services) {
        this.functionName = functionName;
        this.handler = handler;
        this.description = description;
        this.services = Collections.unmodifiableSet(services);
    }

    /**
     * The AWS services the function calls. Its deployed artifact carries only these SDK service modules
     * (see {@code functions/}), so a function that starts calling another service must say so here.
     */
    public Set<AwsService> services() {
        return services;
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
