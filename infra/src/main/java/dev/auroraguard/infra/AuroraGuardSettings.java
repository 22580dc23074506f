package dev.auroraguard.infra;

import dev.auroraguard.config.ConfigException;
import dev.auroraguard.config.Environment;
import dev.auroraguard.config.RetentionPolicyJson;
import dev.auroraguard.config.ScheduledSnapshotSettings;
import dev.auroraguard.config.SettingsReader;
import dev.auroraguard.config.SnapshotAvailableSettings;
import dev.auroraguard.config.SnapshotCleanupSettings;
import dev.auroraguard.domain.RdsIdentifier;
import dev.auroraguard.domain.TagScheme;
import dev.auroraguard.domain.TagSelector;
import dev.auroraguard.domain.UnavailableClusterPolicy;
import dev.auroraguard.domain.retention.DeletionBudget;
import dev.auroraguard.event.EventPatterns;
import dev.auroraguard.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The deployment's configuration, read from CDK context ({@code cdk.json} or {@code -c key=value}) and
 * validated at synth time: a bad value stops the synth with one message naming every bad key.
 *
 * <p>Defaults come from the functions' own constants ({@link ScheduledSnapshotSettings},
 * {@link SnapshotAvailableSettings}, {@link SnapshotCleanupSettings}, {@link EventPatterns}), so that a
 * deployment without a key behaves exactly like the function without the variable. One exception, on
 * purpose: without {@value #RETENTION_POLICY} the cleanup gets a policy that keeps every snapshot (the
 * function itself refuses to start without a policy).
 *
 * @param eventBusName          the aurora-guard event bus ({@value #EVENT_BUS_NAME})
 * @param eventBusPutPrincipals other accounts or IAM principals allowed to put events on it ({@value #EVENT_BUS_PUT_PRINCIPALS})
 * @param snapshots             what scheduled-snapshot and snapshot-available do
 * @param cleanup               what snapshot-cleanup does
 * @param restore               what the restore functions may do (validated now, used when they are deployed)
 * @param notificationEmail     an address subscribed to the notification topic ({@value #NOTIFICATION_EMAIL})
 * @param logRetentionDays      how long the functions' log groups keep events ({@value #LOG_RETENTION_DAYS})
 * @param logLevel              the functions' minimum application log level ({@value #LOG_LEVEL})
 */
public record AuroraGuardSettings(String eventBusName, List<String> eventBusPutPrincipals, Snapshots snapshots,
                                  Cleanup cleanup, Restore restore, Optional<String> notificationEmail,
                                  int logRetentionDays, String logLevel) {

    public static final String EVENT_BUS_NAME = "eventBusName";
    public static final String EVENT_BUS_PUT_PRINCIPALS = "eventBusPutPrincipals";
    public static final String CLUSTERS = "clusters";
    public static final String SELECTION_TAG = "selectionTag";
    public static final String COPY_CLUSTER_TAGS = "copyClusterTags";
    public static final String ON_CLUSTER_UNAVAILABLE = "onClusterUnavailable";
    public static final String QUOTA_WARNING_SHARE = "quotaWarningShare";
    public static final String SNAPSHOT_SCHEDULES = "snapshotSchedules";
    public static final String SNAPSHOT_AVAILABLE_CHECK_SCHEDULE = "snapshotAvailableCheckSchedule";
    public static final String SNAPSHOT_AVAILABLE_LOOKBACK = "snapshotAvailableLookback";
    public static final String SNAPSHOT_AVAILABLE_GRACE = "snapshotAvailableGrace";
    public static final String CLEANUP_SCHEDULE = "cleanupSchedule";
    public static final String RETENTION_POLICY = "retentionPolicy";
    public static final String CLEANUP_DRY_RUN = "cleanupDryRun";
    public static final String CLEANUP_DELETION_BUDGET = "cleanupDeletionBudget";
    public static final String CLEANUP_DELETES_PER_SECOND = "cleanupDeletesPerSecond";
    public static final String RESTORE_ALARMS = "restoreAlarms";
    public static final String RESTORE_COOLDOWN = "restoreCooldown";
    public static final String RESTORE_SAFETY_MARGIN = "restoreSafetyMargin";
    public static final String RESTORE_READER_COUNT = "restoreReaderCount";
    public static final String RESTORE_CUTOVER_PARAMETER = "restoreCutoverParameter";
    public static final String NOTIFICATION_EMAIL = "notificationEmail";
    public static final String LOG_RETENTION_DAYS = "logRetentionDays";
    public static final String LOG_LEVEL = "logLevel";
    /** The directory of the per-function jars; read by {@link FunctionArtifacts}, listed here so it is a known key. */
    public static final String FUNCTION_ARTIFACTS = "functionArtifacts";

    /** Every key this app reads; another camelCase key in the context is most likely a typo. */
    public static final List<String> KEYS = List.of(EVENT_BUS_NAME, EVENT_BUS_PUT_PRINCIPALS, CLUSTERS, SELECTION_TAG,
            COPY_CLUSTER_TAGS, ON_CLUSTER_UNAVAILABLE, QUOTA_WARNING_SHARE, SNAPSHOT_SCHEDULES,
            SNAPSHOT_AVAILABLE_CHECK_SCHEDULE, SNAPSHOT_AVAILABLE_LOOKBACK, SNAPSHOT_AVAILABLE_GRACE, CLEANUP_SCHEDULE,
            RETENTION_POLICY, CLEANUP_DRY_RUN, CLEANUP_DELETION_BUDGET, CLEANUP_DELETES_PER_SECOND, RESTORE_ALARMS, RESTORE_COOLDOWN, RESTORE_SAFETY_MARGIN,
            RESTORE_READER_COUNT, RESTORE_CUTOVER_PARAMETER, NOTIFICATION_EMAIL, LOG_RETENTION_DAYS, LOG_LEVEL,
            FUNCTION_ARTIFACTS);

    /** Keys earlier versions read, with what replaced them: an old cdk.json fails with the way forward. */
    static final Map<String, String> REPLACED_KEYS = Map.of("lambdaArtifact", FUNCTION_ARTIFACTS
            + " (the directory of the per-function jars, NAME.jar each, which " + FunctionArtifacts.BUILD_COMMAND + " writes"
            + " to functions/target/functions)");

    static final String DEFAULT_EVENT_BUS = ScheduledSnapshotSettings.DEFAULT_EVENT_BUS_NAME;
    /** Keeps every snapshot: deleting anything needs a policy someone wrote. */
    static final String KEEP_EVERYTHING_POLICY = "{\"rules\":{}}";
    static final int DEFAULT_LOG_RETENTION_DAYS = 90;
    static final String DEFAULT_LOG_LEVEL = "INFO";
    /** The values CloudWatch Logs accepts for a log group's retention. */
    static final List<Integer> LOG_RETENTION_CHOICES = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
    /** Aurora allows at most 15 replicas in a cluster. */
    static final int MAX_READERS = 15;

    // EventBridge: 1-256 characters of letters, digits, . - _ ; "default" and "aws." names are reserved.
    private static final Pattern BUS_NAME = Pattern.compile("[A-Za-z0-9._-]{1,256}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern IAM_PRINCIPAL_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:(root|role/.+|user/.+)");
    private static final Pattern ALARM_ARN = Pattern.compile("arn:aws[a-z-]*:cloudwatch:[a-z0-9-]+:\\d{12}:alarm:.+");
    private static final Pattern ALARM_NAME = Pattern.compile("[^:]{1,255}");
    // SSM parameter names: letters, digits and . - _ / ; a hierarchy starts with '/'; "aws" and "ssm" prefixes are reserved.
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9_.\\-/]{1,1011}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern OUR_KEY_SHAPE = Pattern.compile("[a-z][A-Za-z0-9]*");

    public AuroraGuardSettings {
        Objects.requireNonNull(eventBusName, "eventBusName");
        eventBusPutPrincipals = List.copyOf(eventBusPutPrincipals);
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(cleanup, "cleanup");
        Objects.requireNonNull(restore, "restore");
        Objects.requireNonNull(notificationEmail, "notificationEmail");
        Objects.requireNonNull(logLevel, "logLevel");
        Optional<String> problem = busNameProblem(eventBusName);
        if (problem.isPresent()) {
            throw new InvalidContextException(List.of("context " + EVENT_BUS_NAME + ": " + problem.get()));
        }
    }

    /**
     * What scheduled-snapshot and snapshot-available do.
     *
     * @param clusters             cluster identifiers always snapshotted ({@value #CLUSTERS}), lower case
     * @param selectionTag         the tag that opts a cluster in ({@value #SELECTION_TAG}); empty for none
     * @param copyClusterTags      copy each cluster's tags to its snapshots ({@value #COPY_CLUSTER_TAGS})
     * @param onClusterUnavailable what to do with a cluster that is not available ({@value #ON_CLUSTER_UNAVAILABLE})
     * @param quotaWarningShare    warn when manual snapshot quota usage reaches this share ({@value #QUOTA_WARNING_SHARE})
     * @param schedules            when to take snapshots, one rule each ({@value #SNAPSHOT_SCHEDULES})
     * @param availableCheckSchedule when to look for snapshots whose RDS event was lost ({@value #SNAPSHOT_AVAILABLE_CHECK_SCHEDULE})
     * @param availableLookback    how far back that check looks ({@value #SNAPSHOT_AVAILABLE_LOOKBACK})
     * @param availableGrace       how long it waits for RDS's own event ({@value #SNAPSHOT_AVAILABLE_GRACE})
     */
    public record Snapshots(List<String> clusters, Optional<TagSelector> selectionTag, boolean copyClusterTags,
                            UnavailableClusterPolicy onClusterUnavailable, double quotaWarningShare, List<String> schedules,
                            String availableCheckSchedule, Duration availableLookback, Duration availableGrace) {
        public Snapshots {
            clusters = List.copyOf(clusters);
            schedules = List.copyOf(schedules);
            Objects.requireNonNull(selectionTag, "selectionTag");
            Objects.requireNonNull(onClusterUnavailable, "onClusterUnavailable");
            Objects.requireNonNull(availableCheckSchedule, "availableCheckSchedule");
            Objects.requireNonNull(availableLookback, "availableLookback");
            Objects.requireNonNull(availableGrace, "availableGrace");
        }
    }

    /**
     * What snapshot-cleanup does.
     *
     * @param schedule            when it runs ({@value #CLEANUP_SCHEDULE})
     * @param retentionPolicyJson the policy, compact JSON in the {@code plan-retention} schema ({@value #RETENTION_POLICY})
     * @param dryRun              plan and report only, delete nothing ({@value #CLEANUP_DRY_RUN}, default true)
     * @param deletionBudget      the most snapshots one run deletes ({@value #CLEANUP_DELETION_BUDGET})
     * @param deletesPerSecond    the pace of delete requests ({@value #CLEANUP_DELETES_PER_SECOND})
     */
    public record Cleanup(String schedule, String retentionPolicyJson, boolean dryRun, int deletionBudget,
                          double deletesPerSecond) {
        public Cleanup {
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(retentionPolicyJson, "retentionPolicyJson");
        }
    }

    /**
     * What the restore functions (point-in-time-restore, restore-progress) may do: their environment, the
     * alarm rule and invoke permissions, and the cutover parameter their role may write.
     *
     * @param alarms           the CloudWatch alarms whose ALARM state may start a restore ({@value #RESTORE_ALARMS})
     * @param cooldown         minimum time between two restores of one cluster ({@value #RESTORE_COOLDOWN})
     * @param safetyMargin     how far before the alarm the restore point is chosen ({@value #RESTORE_SAFETY_MARGIN})
     * @param readerCount      reader instances to create in the restored cluster ({@value #RESTORE_READER_COUNT})
     * @param cutoverParameter the SSM parameter the cutover updates ({@value #RESTORE_CUTOVER_PARAMETER})
     */
    public record Restore(List<RestoreAlarm> alarms, Optional<Duration> cooldown, Optional<Duration> safetyMargin,
                          Optional<Integer> readerCount, Optional<String> cutoverParameter) {
        public Restore {
            alarms = List.copyOf(alarms);
            Objects.requireNonNull(cooldown, "cooldown");
            Objects.requireNonNull(safetyMargin, "safetyMargin");
            Objects.requireNonNull(readerCount, "readerCount");
            Objects.requireNonNull(cutoverParameter, "cutoverParameter");
        }
    }

    /**
     * One alarm allowed to trigger a restore.
     *
     * @param alarm     the alarm's ARN, or its name in the deployment's account and region
     * @param clusterId the cluster it restores; empty when the cluster comes from the alarm's
     *                  {@code DBClusterIdentifier} dimension
     */
    public record RestoreAlarm(String alarm, Optional<String> clusterId) {
        public RestoreAlarm {
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(clusterId, "clusterId");
        }

        public boolean isArn() {
            return alarm.startsWith("arn:");
        }
    }

    /** Reads and validates every key; throws one {@link InvalidContextException} naming all problems. */
    public static AuroraGuardSettings fromContext(Map<String, ?> context) {
        ContextReader reader = new ContextReader(context::get);
        for (String key : unknownKeys(context.keySet())) {
            if (REPLACED_KEYS.containsKey(key)) {
                reader.problem(key, "is no longer read; use " + REPLACED_KEYS.get(key));
            } else {
                reader.problem(key, "is not a key aurora-guard reads (a typo?); the keys are " + String.join(", ", KEYS));
            }
        }

        String bus = reader.string(EVENT_BUS_NAME, DEFAULT_EVENT_BUS);
        busNameProblem(bus).ifPresent(p -> reader.problem(EVENT_BUS_NAME, p));
        List<String> putPrincipals = reader.stringList(EVENT_BUS_PUT_PRINCIPALS, List.of());
        for (String principal : putPrincipals) {
            if (!ACCOUNT_ID.matcher(principal).matches() && !IAM_PRINCIPAL_ARN.matcher(principal).matches()) {
                reader.problem(EVENT_BUS_PUT_PRINCIPALS, "'" + principal + "' is neither a 12-digit account ID nor an IAM"
                        + " principal ARN (arn:aws:iam::123456789012:role/name)");
            }
        }

        Snapshots snapshots = snapshots(reader);
        Cleanup cleanup = cleanup(reader);
        Restore restore = restore(reader);

        Optional<String> email = reader.optionalString(NOTIFICATION_EMAIL);
        email.filter(e -> !EMAIL.matcher(e).matches())
                .ifPresent(e -> reader.problem(NOTIFICATION_EMAIL, "'" + e + "' is not an e-mail address"));
        int retentionDays = reader.integer(LOG_RETENTION_DAYS, 1, 3653).orElse(DEFAULT_LOG_RETENTION_DAYS);
        if (!LOG_RETENTION_CHOICES.contains(retentionDays)) {
            reader.problem(LOG_RETENTION_DAYS, retentionDays + " is not a retention CloudWatch Logs offers; choose one of "
                    + LOG_RETENTION_CHOICES);
        }
        String level = reader.string(LOG_LEVEL, DEFAULT_LOG_LEVEL).toUpperCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            reader.problem(LOG_LEVEL, "'" + level + "' is not one of " + LOG_LEVELS);
        }
        reader.validate();
        return new AuroraGuardSettings(bus, putPrincipals, snapshots, cleanup, restore, email, retentionDays, level);
    }

    private static Snapshots snapshots(ContextReader reader) {
        Set<String> clusters = new LinkedHashSet<>();
        for (String id : reader.stringList(CLUSTERS, List.of())) {
            RdsIdentifier.problem(id).ifPresentOrElse(
                    p -> reader.problem(CLUSTERS, "'" + id + "' is not a valid cluster identifier: it " + p),
                    () -> clusters.add(id.toLowerCase(Locale.ROOT)));
        }
        Optional<TagSelector> selector = Optional.of(TagSelector.parse(TagScheme.DEFAULT_SELECTION));
        Optional<String> selectorText = reader.optionalString(SELECTION_TAG);
        if (selectorText.isPresent()) {
            if (selectorText.get().equalsIgnoreCase(ScheduledSnapshotSettings.NO_SELECTION_TAG)) {
                selector = Optional.empty();
            } else {
                try {
                    selector = Optional.of(TagSelector.parse(selectorText.get()));
                } catch (IllegalArgumentException e) {
                    reader.problem(SELECTION_TAG, e.getMessage() + ", or '" + ScheduledSnapshotSettings.NO_SELECTION_TAG
                            + "' to select clusters only by " + CLUSTERS);
                }
            }
        }
        if (clusters.isEmpty() && selector.isEmpty() && selectorText.isPresent()) {
            reader.problem(SELECTION_TAG, "no clusters are selected: with '" + ScheduledSnapshotSettings.NO_SELECTION_TAG
                    + "', list cluster identifiers in " + CLUSTERS);
        }
        boolean copyTags = reader.bool(COPY_CLUSTER_TAGS, false);
        UnavailableClusterPolicy onUnavailable = UnavailableClusterPolicy.FAIL;
        Optional<String> onUnavailableText = reader.optionalString(ON_CLUSTER_UNAVAILABLE);
        if (onUnavailableText.isPresent()) {
            Optional<UnavailableClusterPolicy> policy = UnavailableClusterPolicy.fromWord(onUnavailableText.get());
            if (policy.isEmpty()) {
                reader.problem(ON_CLUSTER_UNAVAILABLE, "'" + onUnavailableText.get() + "' is not 'fail' (fail the invocation"
                        + " so Lambda retries) or 'skip' (report and carry on)");
            } else {
                onUnavailable = policy.get();
            }
        }
        double share = inFunctionSyntax(reader, QUOTA_WARNING_SHARE,
                (settings, name) -> settings.share(name, ScheduledSnapshotSettings.DEFAULT_QUOTA_WARNING_SHARE),
                "a share greater than 0 and at most 1, e.g. 0.8 or 80%")
                .orElse(ScheduledSnapshotSettings.DEFAULT_QUOTA_WARNING_SHARE);
        List<String> schedules = reader.stringList(SNAPSHOT_SCHEDULES,
                List.of(EventPatterns.SCHEDULED_SNAPSHOT_SCHEDULE.defaultSchedule().orElseThrow()));
        if (schedules.isEmpty()) {
            reader.problem(SNAPSHOT_SCHEDULES, "lists no schedule; leave the key out for the default "
                    + EventPatterns.SCHEDULED_SNAPSHOT_SCHEDULE.defaultSchedule().orElseThrow());
        }
        if (new LinkedHashSet<>(schedules).size() != schedules.size()) {
            reader.problem(SNAPSHOT_SCHEDULES, "lists the same schedule twice: " + schedules);
        }
        for (String schedule : schedules) {
            ScheduleExpressions.problem(schedule).ifPresent(p -> reader.problem(SNAPSHOT_SCHEDULES, p));
        }
        String check = reader.string(SNAPSHOT_AVAILABLE_CHECK_SCHEDULE,
                EventPatterns.SNAPSHOT_AVAILABLE_PERIODIC_CHECK.defaultSchedule().orElseThrow());
        ScheduleExpressions.problem(check).ifPresent(p -> reader.problem(SNAPSHOT_AVAILABLE_CHECK_SCHEDULE, p));
        Duration lookback = duration(reader, SNAPSHOT_AVAILABLE_LOOKBACK).orElse(SnapshotAvailableSettings.DEFAULT_LOOKBACK);
        Duration grace = duration(reader, SNAPSHOT_AVAILABLE_GRACE).orElse(SnapshotAvailableSettings.DEFAULT_GRACE);
        return new Snapshots(List.copyOf(clusters), selector, copyTags, onUnavailable, share, schedules, check, lookback, grace);
    }

    private static Cleanup cleanup(ContextReader reader) {
        String schedule = reader.string(CLEANUP_SCHEDULE, EventPatterns.SNAPSHOT_CLEANUP_SCHEDULE.defaultSchedule().orElseThrow());
        ScheduleExpressions.problem(schedule).ifPresent(p -> reader.problem(CLEANUP_SCHEDULE, p));
        String policy = KEEP_EVERYTHING_POLICY;
        Optional<Object> json = reader.json(RETENTION_POLICY);
        if (json.isPresent()) {
            policy = Json.write(json.get());
            try {
                RetentionPolicyJson.parse(policy);
            } catch (IllegalArgumentException e) {
                reader.problem(RETENTION_POLICY, e.getMessage());
            }
        }
        boolean dryRun = reader.bool(CLEANUP_DRY_RUN, SnapshotCleanupSettings.DEFAULT_DRY_RUN);
        int budget = reader.integer(CLEANUP_DELETION_BUDGET, 0, SnapshotCleanupSettings.MAX_DELETION_BUDGET)
                .orElse(DeletionBudget.DEFAULT.maxDeletions());
        double rate = reader.decimal(CLEANUP_DELETES_PER_SECOND).orElse(SnapshotCleanupSettings.DEFAULT_DELETES_PER_SECOND);
        if (!(rate > 0 && rate <= SnapshotCleanupSettings.MAX_DELETES_PER_SECOND)) {
            reader.problem(CLEANUP_DELETES_PER_SECOND, rate + " is not a pace greater than 0 and at most "
                    + (int) SnapshotCleanupSettings.MAX_DELETES_PER_SECOND + " delete requests per second, e.g. 1 or 0.5");
        }
        return new Cleanup(schedule, policy, dryRun, budget, rate);
    }

    private static Restore restore(ContextReader reader) {
        List<RestoreAlarm> alarms = new ArrayList<>();
        Optional<Object> raw = reader.raw(RESTORE_ALARMS);
        boolean plainText = raw.isPresent() && raw.get() instanceof String text
                && !text.trim().startsWith("{") && !text.trim().startsWith("[");
        Optional<Object> json = plainText ? Optional.empty() : reader.json(RESTORE_ALARMS);
        if (plainText) {
            // -c restoreAlarms=a,b: comma-separated alarms, like the other list keys.
            reader.stringList(RESTORE_ALARMS, List.of()).forEach(a -> alarms.add(new RestoreAlarm(a, Optional.empty())));
        } else if (json.isPresent() && json.get() instanceof Map<?, ?> mapping) {
            mapping.forEach((alarm, cluster) -> {
                if (!(cluster instanceof String id) || RdsIdentifier.problem(id).isPresent()) {
                    reader.problem(RESTORE_ALARMS, "alarm '" + alarm + "' maps to " + ContextReader.describe(cluster)
                            + ", which is not a cluster identifier");
                } else {
                    alarms.add(new RestoreAlarm(alarm.toString(), Optional.of(id.toLowerCase(Locale.ROOT))));
                }
            });
        } else if (json.isPresent() && json.get() instanceof List<?> list) {
            for (Object alarm : list) {
                alarms.add(new RestoreAlarm(String.valueOf(alarm), Optional.empty()));
            }
        } else if (json.isPresent()) {
            reader.problem(RESTORE_ALARMS, "must map alarm names or ARNs to cluster identifiers ({\"alarm\":\"cluster\"})"
                    + " or list alarms ([\"alarm\"]); got " + ContextReader.describe(json.get()));
        }
        for (RestoreAlarm alarm : alarms) {
            boolean valid = alarm.isArn() ? ALARM_ARN.matcher(alarm.alarm()).matches() : ALARM_NAME.matcher(alarm.alarm()).matches();
            if (!valid) {
                reader.problem(RESTORE_ALARMS, "'" + alarm.alarm() + "' is neither a CloudWatch alarm ARN"
                        + " (arn:aws:cloudwatch:region:account:alarm:name) nor an alarm name");
            }
        }
        Optional<Duration> cooldown = duration(reader, RESTORE_COOLDOWN);
        Optional<Duration> margin = duration(reader, RESTORE_SAFETY_MARGIN);
        Optional<Integer> readers = reader.integer(RESTORE_READER_COUNT, 0, MAX_READERS);
        Optional<String> parameter = reader.optionalString(RESTORE_CUTOVER_PARAMETER);
        parameter.flatMap(AuroraGuardSettings::parameterNameProblem).ifPresent(p -> reader.problem(RESTORE_CUTOVER_PARAMETER, p));
        return new Restore(alarms, cooldown, margin, readers, parameter);
    }

    /** A duration in the functions' own syntax ({@code 10m}, {@code 48h}, {@code 2d}, {@code PT10M}). */
    private static Optional<Duration> duration(ContextReader reader, String key) {
        return inFunctionSyntax(reader, key, (settings, name) -> settings.duration(name, null),
                "a positive duration such as 10m, 48h, 2d or PT10M");
    }

    /**
     * A value read by the functions' own {@link SettingsReader}, so that the deployment accepts exactly the
     * syntax the function does (one definition of it).
     */
    private static <T> Optional<T> inFunctionSyntax(ContextReader reader, String key, BiFunction<SettingsReader, String, T> read,
                                                    String expectation) {
        Optional<Object> value = reader.raw(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = String.valueOf(value.get());
        SettingsReader settings = new SettingsReader(Environment.of(Map.of(key, text)));
        T parsed = read.apply(settings, key);
        try {
            settings.validate();
        } catch (ConfigException e) {
            reader.problem(key, "'" + text + "' is not " + expectation);
            return Optional.empty();
        }
        return Optional.of(parsed);
    }

    private static Optional<String> busNameProblem(String name) {
        if (!BUS_NAME.matcher(name).matches() || name.equals("default") || name.startsWith("aws.")) {
            return Optional.of("'" + name + "' is not a custom event bus name (1-256 of A-Z a-z 0-9 . _ -;"
                    + " not 'default', not starting with 'aws.')");
        }
        return Optional.empty();
    }

    private static Optional<String> parameterNameProblem(String name) {
        String bare = name.startsWith("/") ? name.substring(1) : name;
        String lower = bare.toLowerCase(Locale.ROOT);
        if (!PARAMETER_NAME.matcher(name).matches() || bare.isEmpty()) {
            return Optional.of("'" + name + "' is not an SSM parameter name (letters, digits, . - _ and /)");
        }
        if (name.contains("/") && !name.startsWith("/")) {
            return Optional.of("'" + name + "': a parameter name with a hierarchy starts with '/', e.g. /aurora-guard/orders-db/endpoint");
        }
        if (lower.startsWith("aws") || lower.startsWith("ssm")) {
            return Optional.of("'" + name + "': names starting with 'aws' or 'ssm' are reserved by Systems Manager");
        }
        return Optional.empty();
    }

    /**
     * Keys this app does not read but which look like one of its keys. The CDK's own keys contain ':' or
     * start with '@' ({@code @aws-cdk/core:...}, {@code aws:cdk:...}), the CLI's contain '-'.
     */
    static List<String> unknownKeys(Collection<String> keys) {
        return keys.stream().filter(k -> OUR_KEY_SHAPE.matcher(k).matches() && !KEYS.contains(k)).toList();
    }
}
