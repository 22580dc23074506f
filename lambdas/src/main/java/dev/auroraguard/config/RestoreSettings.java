package dev.auroraguard.config;

import dev.auroraguard.domain.RdsIdentifier;
import dev.auroraguard.domain.restore.ReaderPolicy;
import dev.auroraguard.domain.restore.RestoreType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the restore functions ({@code point-in-time-restore} and {@code restore-progress} read the same).
 *
 * @param defaultRestoreType  the restore type when a request names none, and for alarm-triggered restores
 * @param readers             how many readers a restored cluster gets besides its writer
 * @param instanceClass       an instance class for every restored instance, instead of the source's
 * @param alarms              alarm name → cluster; when non-empty only these alarms act (a blank cluster: take it from the
 *                            alarm's DBClusterIdentifier dimension)
 * @param alarmSafetyMargin   how much earlier than the alarm's evaluation window an alarm-triggered restore goes
 * @param alarmCooldown       after an alarm-triggered restore finished, alarms of the same source wait this long
 * @param cutoverParameter    the SSM parameter the application reads its database endpoint from; empty turns cutover off
 * @param cutoverMode         when cutover happens
 * @param eventBusName        the bus outcome events go to
 */
public record RestoreSettings(RestoreType defaultRestoreType, ReaderPolicy readers, Optional<String> instanceClass,
                              Map<String, Optional<String>> alarms, Duration alarmSafetyMargin, Duration alarmCooldown,
                              Optional<String> cutoverParameter, CutoverMode cutoverMode, String eventBusName) {

    public static final String RESTORE_TYPE = "RESTORE_TYPE";
    public static final String READERS = "RESTORE_READERS";
    public static final String INSTANCE_CLASS = "RESTORE_INSTANCE_CLASS";
    public static final String ALARMS = "RESTORE_ALARMS";
    public static final String ALARM_SAFETY_MARGIN = "RESTORE_ALARM_SAFETY_MARGIN";
    public static final String ALARM_COOLDOWN = "RESTORE_ALARM_COOLDOWN";
    public static final String CUTOVER_PARAMETER = "RESTORE_CUTOVER_PARAMETER";
    public static final String CUTOVER_MODE = "RESTORE_CUTOVER_MODE";

    public static final Duration DEFAULT_ALARM_SAFETY_MARGIN = Duration.ofMinutes(5);
    public static final Duration DEFAULT_ALARM_COOLDOWN = Duration.ofHours(1);

    /** When the application is pointed at a restored cluster. */
    public enum CutoverMode {
        /** On a {@code Restore Cutover Requested} event only (the default: a person decides). */
        REQUEST("request"),
        /** As soon as the restore completes. */
        AUTO("auto");

        private final String word;

        CutoverMode(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        static CutoverMode parse(String text) {
            for (CutoverMode mode : values()) {
                if (mode.word.equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return mode;
                }
            }
            throw new IllegalArgumentException();
        }
    }

    public RestoreSettings {
        Objects.requireNonNull(defaultRestoreType, "defaultRestoreType");
        Objects.requireNonNull(readers, "readers");
        Objects.requireNonNull(instanceClass, "instanceClass");
        alarms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(alarms));
        Objects.requireNonNull(alarmSafetyMargin, "alarmSafetyMargin");
        Objects.requireNonNull(alarmCooldown, "alarmCooldown");
        Objects.requireNonNull(cutoverParameter, "cutoverParameter");
        Objects.requireNonNull(cutoverMode, "cutoverMode");
        Objects.requireNonNull(eventBusName, "eventBusName");
    }

    /** Defaults everywhere: full copy, no readers, any alarm, 5 minutes margin, 1 hour cooldown, no cutover. */
    public static RestoreSettings defaults(String eventBusName) {
        return new RestoreSettings(RestoreType.FULL_COPY, new ReaderPolicy.None(), Optional.empty(), Map.of(),
                DEFAULT_ALARM_SAFETY_MARGIN, DEFAULT_ALARM_COOLDOWN, Optional.empty(), CutoverMode.REQUEST, eventBusName);
    }

    public static RestoreSettings fromEnvironment(Environment environment) {
        SettingsReader reader = new SettingsReader(environment);
        RestoreType type = reader.parsed(RESTORE_TYPE, RestoreType.FULL_COPY,
                text -> RestoreType.fromWord(text.trim().toLowerCase(Locale.ROOT)).orElseThrow(IllegalArgumentException::new),
                "full-copy or copy-on-write");
        ReaderPolicy readers = reader.parsed(READERS, new ReaderPolicy.None(), ReaderPolicy::parse,
                "none, same (as many as the source, with their classes) or a number of readers from 0 to 15");
        Optional<String> instanceClass = reader.optional(INSTANCE_CLASS);
        instanceClass.filter(c -> !c.matches("db\\.[a-z0-9]+(\\.[a-z0-9]+)?")).ifPresent(c ->
                reader.problem(INSTANCE_CLASS + "='" + c + "' is not an instance class such as db.r6g.large or db.serverless"));
        Map<String, Optional<String>> alarms = new LinkedHashMap<>();
        for (String entry : reader.list(ALARMS)) {
            int eq = entry.lastIndexOf('=');
            String alarm = eq < 0 ? entry : entry.substring(0, eq).trim();
            Optional<String> cluster = eq < 0 ? Optional.empty() : Optional.of(entry.substring(eq + 1).trim()).filter(c -> !c.isEmpty());
            if (alarm.isEmpty()) {
                reader.problem(ALARMS + " has an entry without an alarm name: '" + entry + "'");
                continue;
            }
            Optional<String> problem = cluster.flatMap(RdsIdentifier::problem);
            if (problem.isPresent()) {
                reader.problem(ALARMS + " maps alarm '" + alarm + "' to '" + cluster.get() + "', which is not a valid cluster identifier: it "
                        + problem.get());
                continue;
            }
            alarms.put(alarm, cluster.map(c -> c.toLowerCase(Locale.ROOT)));
        }
        Duration margin = reader.parsed(ALARM_SAFETY_MARGIN, DEFAULT_ALARM_SAFETY_MARGIN,
                text -> text.trim().equals("0") ? Duration.ZERO : SettingsReader.parseDuration(text),
                "a duration such as 5m, 90s or 0");
        Duration cooldown = reader.parsed(ALARM_COOLDOWN, DEFAULT_ALARM_COOLDOWN,
                text -> text.trim().equals("0") ? Duration.ZERO : SettingsReader.parseDuration(text),
                "a duration such as 1h, 30m or 0 (no cooldown)");
        Optional<String> parameter = reader.optional(CUTOVER_PARAMETER);
        parameter.filter(p -> !p.matches("[a-zA-Z0-9_.\\-/]{1,2048}")).ifPresent(p ->
                reader.problem(CUTOVER_PARAMETER + "='" + p + "' is not an SSM parameter name (letters, digits, _ . - /)"));
        CutoverMode mode = reader.parsed(CUTOVER_MODE, CutoverMode.REQUEST, CutoverMode::parse,
                "request (on a Restore Cutover Requested event) or auto (when the restore completes)");
        if (mode == CutoverMode.AUTO && parameter.isEmpty()) {
            reader.problem(CUTOVER_MODE + "=auto needs " + CUTOVER_PARAMETER + " (the SSM parameter to point at the restored cluster)");
        }
        String bus = reader.string(ScheduledSnapshotSettings.EVENT_BUS_NAME, ScheduledSnapshotSettings.DEFAULT_EVENT_BUS_NAME);
        reader.validate();
        return new RestoreSettings(type, readers, instanceClass, alarms, margin, cooldown, parameter, mode, bus);
    }

    /** Whether this alarm may trigger a restore (any alarm when none are configured: the deployed rule decides). */
    public boolean acceptsAlarm(String alarmName) {
        return alarms.isEmpty() || alarms.containsKey(alarmName);
    }

    /** The cluster configured for an alarm, if any. */
    public Optional<String> clusterForAlarm(String alarmName) {
        return alarms.getOrDefault(alarmName, Optional.empty());
    }
}
