package dev.auroraguard.event;

import dev.auroraguard.domain.restore.AlarmTransition;
import dev.auroraguard.json.Json;
import dev.auroraguard.json.Json.JsonException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CloudWatch alarm state change in either shape AWS delivers it:
 * <ol>
 *   <li>EventBridge's {@code "CloudWatch Alarm State Change"} ({@code source} {@code aws.cloudwatch}, the alarm in
 *       {@code detail}), for a rule on the default bus;</li>
 *   <li>the payload of an alarm action that invokes the function directly ({@code source} {@code aws.cloudwatch},
 *       {@code alarmArn}, the alarm in {@code alarmData}).</li>
 * </ol>
 * Both carry {@code alarmName}, {@code state} / {@code previousState} ({@code value}, {@code reason},
 * {@code reasonData}, {@code timestamp} like {@code 2019-10-02T17:04:40.989+0000}) and {@code configuration.metrics}.
 */
public final class CloudWatchAlarmEvent {

    public static final String SOURCE = "aws.cloudwatch";
    public static final String DETAIL_TYPE = "CloudWatch Alarm State Change";
    public static final String CLUSTER_DIMENSION = "DBClusterIdentifier";

    private static final DateTimeFormatter CLOUDWATCH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]Z", Locale.ROOT);
    private static final Pattern DATAPOINTS = Pattern.compile("out of the last (\\d+) datapoints");

    private CloudWatchAlarmEvent() {
    }

    /** Whether {@code input} is an alarm state change in either shape. */
    public static boolean isAlarm(Map<String, Object> input) {
        return SOURCE.equals(input.get("source")) && (DETAIL_TYPE.equals(input.get("detail-type")) || input.containsKey("alarmData"));
    }

    public static AlarmTransition parse(Map<String, Object> input) {
        EventFields envelope = new EventFields(input, "alarm event");
        boolean eventBridge = DETAIL_TYPE.equals(input.get("detail-type"));
        EventFields alarm = envelope.object(eventBridge ? "detail" : "alarmData");
        String name = alarm.requiredString("alarmName");
        EventFields state = alarm.object("state");
        String value = state.requiredString("value");
        String previous = alarm.has("previousState") ? alarm.object("previousState").optionalString("value").orElse("") : "";
        Instant changedAt = time(state.requiredString("timestamp"), "state.timestamp");
        String reason = state.optionalString("reason").orElse("");

        Optional<Map<String, Object>> reasonData = state.optionalString("reasonData").flatMap(CloudWatchAlarmEvent::jsonObject);
        Optional<Instant> evaluationStart = reasonData.map(d -> d.get("startDate")).filter(String.class::isInstance)
                .map(s -> time((String) s, "state.reasonData.startDate"));
        List<Map<String, Object>> metrics = metrics(alarm);
        Optional<Long> period = reasonData.map(d -> d.get("period")).filter(Number.class::isInstance).map(n -> ((Number) n).longValue())
                .or(() -> metrics.stream().map(CloudWatchAlarmEvent::period).flatMap(Optional::stream).max(Long::compare));
        Matcher datapoints = DATAPOINTS.matcher(reason);
        long evaluated = datapoints.find() ? Long.parseLong(datapoints.group(1)) : 1;
        Optional<Duration> window = period.filter(p -> p > 0).map(p -> Duration.ofSeconds(p * Math.max(1, evaluated)));

        List<String> clusters = new ArrayList<>();
        for (Map<String, Object> metric : metrics) {
            dimension(metric, CLUSTER_DIMENSION).map(c -> c.toLowerCase(Locale.ROOT)).filter(c -> !clusters.contains(c)).ifPresent(clusters::add);
        }
        Optional<String> arn = eventBridge
                ? envelope.optionalStringList("resources").flatMap(r -> r.stream().filter(a -> a.contains(":alarm:")).findFirst())
                : envelope.optionalString("alarmArn");
        String reference = eventBridge ? envelope.requiredString("id") : arn.orElse(name) + "@" + changedAt;
        return new AlarmTransition(name, arn, value, previous, changedAt, reason, evaluationStart, window, clusters, reference);
    }

    /** CloudWatch's timestamps ({@code 2019-10-02T17:04:40.989+0000}); ISO-8601 instants are accepted too. */
    static Instant time(String text, String field) {
        try {
            return OffsetDateTime.parse(text, CLOUDWATCH_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                throw new InvalidEventException("alarm event field '" + field + "' is not a time such as 2019-10-02T17:04:40.989+0000: '"
                        + text + "'", again);
            }
        }
    }

    private static Optional<Map<String, Object>> jsonObject(String text) {
        try {
            return Optional.of(Json.parseObject(text));
        } catch (JsonException e) {
            // reasonData is informative; a delivery without a readable one still names the alarm and its state.
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> metrics(EventFields alarm) {
        if (!alarm.has("configuration")) {
            return List.of();
        }
        Object metrics = alarm.object("configuration").raw("metrics");
        if (!(metrics instanceof List<?> list)) {
            return List.of();
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> map) {
                result.add((Map<String, Object>) map);
            }
        }
        return result;
    }

    private static Optional<Long> period(Map<String, Object> metric) {
        return metricStat(metric).map(s -> s.get("period")).filter(Number.class::isInstance).map(n -> ((Number) n).longValue());
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> metricStat(Map<String, Object> metric) {
        Object stat = metric.get("metricStat");
        return stat instanceof Map<?, ?> map ? Optional.of((Map<String, Object>) map) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> dimension(Map<String, Object> metric, String name) {
        return metricStat(metric).map(s -> s.get("metric")).filter(Map.class::isInstance).map(m -> ((Map<String, Object>) m).get("dimensions"))
                .filter(Map.class::isInstance).map(d -> ((Map<String, Object>) d).get(name)).filter(String.class::isInstance)
                .map(String.class::cast);
    }
}
