package dev.auroraguard.event;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One event aurora-guard publishes on its event bus ({@code source} {@value OutcomeEventSchema#SOURCE}).
 * The detail is plain data (maps, lists, strings, numbers, booleans) written as JSON by the publisher.
 *
 * @param detailType e.g. {@value OutcomeEventSchema#SNAPSHOT_STARTED}
 * @param time       the event's time
 * @param resources  ARNs the event is about (cluster, snapshot)
 * @param detail     the versioned detail object, see {@link OutcomeEventSchema}
 */
public record OutcomeEvent(String detailType, Instant time, List<String> resources, Map<String, Object> detail) {

    public OutcomeEvent {
        Objects.requireNonNull(detailType, "detailType");
        Objects.requireNonNull(time, "time");
        resources = List.copyOf(resources);
        detail = Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }

    public String source() {
        return OutcomeEventSchema.SOURCE;
    }
}
