package dev.auroraguard.domain.retention;

import dev.auroraguard.domain.SnapshotTrigger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What asked for a cleanup run, reduced to what the run needs.
 *
 * @param type      how the trigger arrived (the same two shapes as scheduled snapshots)
 * @param reference the EventBridge event id, or the Lambda request id for constant input without an id
 * @param rule      the schedule rule ARN, when the event names it
 * @param clusters  clusters named by the input itself (constant input); empty means "use the configured selection"
 */
public record CleanupTrigger(SnapshotTrigger.Type type, String reference, Optional<String> rule,
                             Optional<List<String>> clusters) {

    public CleanupTrigger {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rule, "rule");
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a trigger needs a reference (event id or request id)");
        }
        clusters = clusters.map(List::copyOf);
    }
}
