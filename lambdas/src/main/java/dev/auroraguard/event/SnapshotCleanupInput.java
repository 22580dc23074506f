package dev.auroraguard.event;

import dev.auroraguard.domain.RdsIdentifier;
import dev.auroraguard.domain.SnapshotTrigger;
import dev.auroraguard.domain.retention.CleanupTrigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the {@code snapshot-cleanup} function is invoked with, in the two shapes scheduled snapshots
 * accept:
 *
 * <ol>
 *   <li>The EventBridge <b>Scheduled Event</b> of rule {@link EventPatterns#SNAPSHOT_CLEANUP_SCHEDULE}, as AWS
 *       delivers it; the reference is its {@code id}. Its {@code time} is not used: the run's "now" is the
 *       function's clock.</li>
 *   <li><b>Constant input</b> {@code {"clusters": ["orders-db", ...]}}, optionally with {@code "id"}: cleans
 *       exactly these clusters instead of the configured selection (e.g. {@code ./aurora-guard invoke}).</li>
 * </ol>
 *
 * There is deliberately no way for the input to turn the dry run off: only configuration deletes.
 */
public final class SnapshotCleanupInput {

    private SnapshotCleanupInput() {
    }

    /** @param requestId the Lambda request id, the reference when constant input has no id */
    public static CleanupTrigger parse(Map<String, Object> input, String requestId) {
        if (input == null) {
            throw new InvalidEventException("snapshot-cleanup was invoked without input");
        }
        EventFields fields = new EventFields(input, "input");
        if (fields.has("source") || fields.has("detail-type")) {
            String source = fields.optionalString("source").orElse("");
            String detailType = fields.optionalString("detail-type").orElse("");
            if (!ScheduledSnapshotInput.SCHEDULED_EVENT_SOURCE.equals(source)
                    || !ScheduledSnapshotInput.SCHEDULED_EVENT_DETAIL_TYPE.equals(detailType)) {
                throw new InvalidEventException("snapshot-cleanup handles EventBridge '"
                        + ScheduledSnapshotInput.SCHEDULED_EVENT_DETAIL_TYPE + "' events from '"
                        + ScheduledSnapshotInput.SCHEDULED_EVENT_SOURCE + "', not '" + detailType + "' from '" + source + "'");
            }
            Optional<String> rule = fields.optionalStringList("resources").flatMap(r -> r.stream().findFirst());
            return new CleanupTrigger(SnapshotTrigger.Type.SCHEDULED_EVENT, fields.requiredString("id"), rule, Optional.empty());
        }
        if (fields.has("clusters")) {
            List<String> named = fields.optionalStringList("clusters").orElse(List.of());
            if (named.isEmpty()) {
                throw new InvalidEventException("constant input field 'clusters' is empty; name at least one cluster");
            }
            List<String> clusters = new ArrayList<>();
            for (String name : named) {
                Optional<String> problem = RdsIdentifier.problem(name);
                if (problem.isPresent()) {
                    throw new InvalidEventException("constant input names cluster '" + name
                            + "', which is not a valid cluster identifier: it " + problem.get());
                }
                clusters.add(name);
            }
            return new CleanupTrigger(SnapshotTrigger.Type.CONSTANT_INPUT, fields.optionalString("id").orElse(requestId),
                    Optional.empty(), Optional.of(clusters));
        }
        throw new InvalidEventException("input is neither an EventBridge Scheduled Event (no 'source') nor constant input"
                + " naming clusters (no 'clusters'); top-level fields: " + input.keySet());
    }
}
