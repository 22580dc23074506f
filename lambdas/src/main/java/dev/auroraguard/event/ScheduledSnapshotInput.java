package dev.auroraguard.event;

import dev.auroraguard.domain.RdsIdentifier;
import dev.auroraguard.domain.ScheduledSlot;
import dev.auroraguard.domain.SnapshotTrigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the {@code scheduled-snapshot} function is invoked with, in one of two shapes:
 *
 * <ol>
 *   <li>The EventBridge <b>Scheduled Event</b>, exactly as AWS delivers it ({@code source}
 *       {@code aws.events}, {@code detail-type} {@code Scheduled Event}, {@code id}, {@code time},
 *       {@code resources} holding the rule ARN, {@code detail} {@code {}}). The slot is {@code time}
 *       truncated to the minute; the reference is {@code id}.</li>
 *   <li><b>Constant input</b> set on the rule target: {@code {"clusters": ["orders-db", ...]}}, naming
 *       exactly the clusters to snapshot, optionally with {@code "time"} and {@code "id"} (an input
 *       transformer fills them from the event's {@code $.time} and {@code $.id}). Without {@code time} the slot is the invocation's minute and
 *       the reference is the Lambda request id, which Lambda keeps across its own retries; such a retry
 *       in a later minute, or a duplicate delivery, names a different snapshot — the result says so.</li>
 * </ol>
 */
public final class ScheduledSnapshotInput {

    public static final String SCHEDULED_EVENT_SOURCE = "aws.events";
    public static final String SCHEDULED_EVENT_DETAIL_TYPE = "Scheduled Event";

    private ScheduledSnapshotInput() {
    }

    /**
     * @param requestId      the Lambda request id, used as the reference when constant input has no id
     * @param invocationTime now, used as the slot when constant input has no time
     */
    public static SnapshotTrigger parse(Map<String, Object> input, String requestId, Instant invocationTime) {
        if (input == null) {
            throw new InvalidEventException("scheduled-snapshot was invoked without input");
        }
        EventFields fields = new EventFields(input, "input");
        if (fields.has("source") || fields.has("detail-type")) {
            return scheduledEvent(fields);
        }
        if (fields.has("clusters")) {
            return constantInput(fields, requestId, invocationTime);
        }
        throw new InvalidEventException("input is neither an EventBridge Scheduled Event (no 'source') nor constant input"
                + " naming clusters (no 'clusters'); top-level fields: " + input.keySet());
    }

    private static SnapshotTrigger scheduledEvent(EventFields fields) {
        String source = fields.optionalString("source").orElse("");
        String detailType = fields.optionalString("detail-type").orElse("");
        if (!SCHEDULED_EVENT_SOURCE.equals(source) || !SCHEDULED_EVENT_DETAIL_TYPE.equals(detailType)) {
            throw new InvalidEventException("scheduled-snapshot handles EventBridge '" + SCHEDULED_EVENT_DETAIL_TYPE
                    + "' events from '" + SCHEDULED_EVENT_SOURCE + "', not '" + detailType + "' from '" + source + "'");
        }
        String id = fields.requiredString("id");
        Instant time = fields.requiredInstant("time");
        Optional<String> rule = fields.optionalStringList("resources").flatMap(r -> r.stream().findFirst());
        return new SnapshotTrigger(SnapshotTrigger.Type.SCHEDULED_EVENT, id, slot(time), rule, Optional.empty(), false);
    }

    private static SnapshotTrigger constantInput(EventFields fields, String requestId, Instant invocationTime) {
        List<String> named = fields.optionalStringList("clusters").orElse(List.of());
        if (named.isEmpty()) {
            throw new InvalidEventException("constant input field 'clusters' is empty; name at least one cluster");
        }
        List<String> clusters = new ArrayList<>();
        for (String name : named) {
            Optional<String> problem = RdsIdentifier.problem(name);
            if (problem.isPresent()) {
                throw new InvalidEventException("constant input names cluster '" + name + "', which is not a valid"
                        + " cluster identifier: it " + problem.get());
            }
            clusters.add(name);
        }
        Optional<Instant> time = fields.optionalInstant("time");
        String reference = fields.optionalString("id").orElse(requestId);
        return new SnapshotTrigger(SnapshotTrigger.Type.CONSTANT_INPUT, reference, slot(time.orElse(invocationTime)),
                Optional.empty(), Optional.of(clusters), time.isEmpty());
    }

    private static ScheduledSlot slot(Instant time) {
        try {
            return ScheduledSlot.containing(time);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("event time " + time + " cannot name a snapshot: " + e.getMessage(), e);
        }
    }
}
