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
                    + " (a dry run unless CLEANUP_DRY_RUN=false).");

    /** RDS publishes its events on the account's default bus. */
    public static final String DEFAULT_BUS = "default";

    private final String ruleName;
    private final String functionName;
    private final String eventPattern;
    private final String defaultSchedule;
    private final String description;

    EventPatterns(String ruleName, String functionName, String eventPattern, String defaultSchedule, String description) {
        this.ruleName = ruleName;
        this.functionName = functionName;
        this.eventPattern = eventPattern;
        this.defaultSchedule = defaultSchedule;
        this.description = description;
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

    /** The bus the rule lives on. */
    public String eventBusName() {
        return DEFAULT_BUS;
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
