package dev.auroraguard.event;

import dev.auroraguard.json.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every EventBridge rule that invokes an aurora-guard function, as plain data: the CDK app creates these
 * rules from it and the sandbox's event router applies the same patterns, so what is tested locally is
 * what is deployed.
 *
 * <p>A rule is either a <b>schedule</b> (EventBridge itself emits a "Scheduled Event" at each
 * occurrence; no pattern) or an <b>event pattern</b> on a bus. Patterns are EventBridge pattern JSON.
 */
public enum EventPatterns {

    /** Takes the scheduled snapshots. The schedule is deployment configuration; this is its default. */
    SCHEDULED_SNAPSHOT_SCHEDULE(
            "scheduled-snapshot-schedule",
            "scheduled-snapshot",
            null,
            "cron(0 3 * * ? *)",
            "Daily at 03:00 UTC: snapshot the protected clusters."),

    /** RDS announces that a manual cluster snapshot finished ("A manual DB cluster snapshot has been created."). */
    SNAPSHOT_AVAILABLE_RDS_EVENT(
            "snapshot-available-rds-event",
            "snapshot-available",
            "{\"source\":[\"aws.rds\"],"
                    + "\"detail-type\":[\"RDS DB Cluster Snapshot Event\"],"
                    + "\"detail\":{\"EventID\":[\"RDS-EVENT-0075\"]}}",
            null,
            "RDS-EVENT-0075 (manual cluster snapshot created): announce aurora-guard snapshots as available."),

    /** RDS events are best effort: this sweep announces managed snapshots whose RDS event never came. */
    SNAPSHOT_AVAILABLE_PERIODIC_CHECK(
            "snapshot-available-periodic-check",
            "snapshot-available",
            null,
            "rate(15 minutes)",
            "Every 15 minutes: confirm available aurora-guard snapshots whose RDS event was lost."),

    /** Deletes what the retention policy no longer keeps; after the nightly snapshots are available. */
    SNAPSHOT_CLEANUP_SCHEDULE(
            "snapshot-cleanup-schedule",
            "snapshot-cleanup",
            null,
            "cron(0 4 * * ? *)",
            "Daily at 04:00 UTC: apply the retention policy to the protected clusters' manual snapshots"
                    + " (a dry run unless CLEANUP_DRY_RUN=false)."),

    /** A person (or ./aurora-guard restore) asks for a restore on the aurora-guard bus. */
    RESTORE_REQUESTED(
            "restore-requested",
            "point-in-time-restore",
            "{\"detail-type\":[\"Restore Requested\"]}",
            null,
            "Restore Requested on the aurora-guard bus: restore a cluster to a point in time or from a snapshot.",
            true),

    /**
     * A CloudWatch alarm entered ALARM. Deployments narrow this rule to the restore alarms (e.g. by
     * {@code resources} ARN); the function also honours RESTORE_ALARMS. Alarm actions may invoke the
     * function directly instead, with no rule.
     */
    RESTORE_ALARM(
            "restore-alarm",
            "point-in-time-restore",
            "{\"source\":[\"aws.cloudwatch\"],"
                    + "\"detail-type\":[\"CloudWatch Alarm State Change\"],"
                    + "\"detail\":{\"state\":{\"value\":[\"ALARM\"]}}}",
            null,
            "A CloudWatch alarm entered ALARM: restore its cluster to just before the problem began."),

    /** RDS says a cluster or an instance was created: a prompt to move restores on (best effort, any order). */
    RESTORE_PROGRESS_RDS_EVENT(
            "restore-progress-rds-event",
            "restore-progress",
            "{\"source\":[\"aws.rds\"],"
                    + "\"detail-type\":[\"RDS DB Cluster Event\",\"RDS DB Instance Event\"],"
                    + "\"detail\":{\"EventID\":[\"RDS-EVENT-0170\",\"RDS-EVENT-0005\"]}}",
            null,
            "RDS-EVENT-0170 (DB cluster created) and RDS-EVENT-0005 (DB instance created): move restores on."),

    /** RDS events are best effort: this sweep moves on every restore in flight whose event was lost. */
    RESTORE_PROGRESS_SWEEP(
            "restore-progress-sweep",
            "restore-progress",
            null,
            "rate(5 minutes)",
            "Every 5 minutes: move on every restore in flight (covers lost RDS events)."),

    /** Point the application at a completed restore (only when RESTORE_CUTOVER_PARAMETER is configured). */
    RESTORE_CUTOVER_REQUESTED(
            "restore-cutover-requested",
            "restore-progress",
            "{\"detail-type\":[\"Restore Cutover Requested\"]}",
            null,
            "Restore Cutover Requested on the aurora-guard bus: write the restored writer endpoint into the application's SSM parameter.",
            true),

    /** A CI job (GitHub Actions, GitLab, Jenkins, ...) asks for a pre-deploy snapshot with one PutEvents call. */
    PRE_DEPLOY_SNAPSHOT_REQUEST(
            "pre-deploy-snapshot-request",
            "pre-deploy-snapshot",
            "{\"source\":[\"aurora-guard.ci\"],"
                    + "\"detail-type\":[\"Pre-Deploy Snapshot Requested\"]}",
            null,
            "Pre-Deploy Snapshot Requested on the aurora-guard bus: take a rollback point before a release.",
            true);

    /** RDS publishes its events on the account's default bus. */
    public static final String DEFAULT_BUS = "default";
    /**
     * The aurora-guard bus under its default name (EVENT_BUS_NAME): rules with {@link #onAuroraGuardBus()} live
     * there, under whatever name the deployment gives it.
     */
    public static final String AURORA_GUARD_BUS = "aurora-guard";

    private final String ruleName;
    private final String functionName;
    private final String eventPattern;
    private final String defaultSchedule;
    private final String description;
    private final boolean onAuroraGuardBus;

    EventPatterns(String ruleName, String functionName, String eventPattern, String defaultSchedule, String description) {
        this(ruleName, functionName, eventPattern, defaultSchedule, description, false);
    }

    EventPatterns(String ruleName, String functionName, String eventPattern, String defaultSchedule, String description,
                  boolean onAuroraGuardBus) {
        this.ruleName = ruleName;
        this.functionName = functionName;
        this.eventPattern = eventPattern;
        this.defaultSchedule = defaultSchedule;
        this.description = description;
        this.onAuroraGuardBus = onAuroraGuardBus;
    }

    /** Whether the rule matches events on the aurora-guard bus (requests people send) rather than the default bus (AWS's events). */
    public boolean onAuroraGuardBus() {
        return onAuroraGuardBus;
    }

    /** The rule's name suffix (the CDK app prefixes it with the stack's name). */
    public String ruleName() {
        return ruleName;
    }

    /** The {@link dev.auroraguard.handler.FunctionCatalog} function the rule targets. */
    public String functionName() {
        return functionName;
    }

    public boolean isSchedule() {
        return defaultSchedule != null;
    }

    /** The bus the rule lives on ({@value #AURORA_GUARD_BUS} stands for the aurora-guard bus under its deployed name). */
    public String eventBusName() {
        return onAuroraGuardBus ? AURORA_GUARD_BUS : DEFAULT_BUS;
    }

    /** The EventBridge event pattern JSON, for pattern rules. */
    public Optional<String> eventPattern() {
        return Optional.ofNullable(eventPattern);
    }

    /** The same pattern parsed into maps and lists. */
    public Optional<Map<String, Object>> eventPatternAsMap() {
        return eventPattern().map(Json::parseObject);
    }

    /** The default schedule expression ({@code cron(...)} or {@code rate(...)}), for schedule rules. */
    public Optional<String> defaultSchedule() {
        return Optional.ofNullable(defaultSchedule);
    }

    public String description() {
        return description;
    }

    /** The rules that invoke {@code functionName}. */
    public static List<EventPatterns> forFunction(String functionName) {
        return Arrays.stream(values()).filter(r -> r.functionName.equals(functionName)).toList();
    }

    public static Optional<EventPatterns> byRuleName(String ruleName) {
        return Arrays.stream(values()).filter(r -> r.ruleName.equals(ruleName)).findFirst();
    }

    /** Rules with an event pattern, i.e. those an event router matches events against. */
    public static List<EventPatterns> patternRules() {
        return Arrays.stream(values()).filter(r -> r.eventPattern != null).toList();
    }

    /** Rules on a schedule, i.e. those a scheduler fires. */
    public static List<EventPatterns> scheduleRules() {
        return Arrays.stream(values()).filter(EventPatterns::isSchedule).toList();
    }
}
