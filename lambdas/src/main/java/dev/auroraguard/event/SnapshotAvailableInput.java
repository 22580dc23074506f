package dev.auroraguard.event;

import java.time.Instant;
import java.util.Map;

/**
 * What the {@code snapshot-available} function is invoked with: RDS's "RDS DB Cluster Snapshot Event"
 * (rule {@link EventPatterns#SNAPSHOT_AVAILABLE_RDS_EVENT}) or the EventBridge Scheduled Event of the
 * periodic check (rule {@link EventPatterns#SNAPSHOT_AVAILABLE_PERIODIC_CHECK}).
 */
public sealed interface SnapshotAvailableInput {

    record RdsEvent(RdsSnapshotEvent event) implements SnapshotAvailableInput {
    }

    /** @param eventId the Scheduled Event's id; @param time its time */
    record PeriodicCheck(String eventId, Instant time) implements SnapshotAvailableInput {
    }

    static SnapshotAvailableInput parse(Map<String, Object> input) {
        if (input == null) {
            throw new InvalidEventException("snapshot-available was invoked without input");
        }
        if (RdsSnapshotEvent.isRdsClusterSnapshotEvent(input)) {
            return new RdsEvent(RdsSnapshotEvent.parse(input));
        }
        if (ScheduledSnapshotInput.SCHEDULED_EVENT_SOURCE.equals(input.get("source"))
                && ScheduledSnapshotInput.SCHEDULED_EVENT_DETAIL_TYPE.equals(input.get("detail-type"))) {
            EventFields fields = new EventFields(input, "input");
            return new PeriodicCheck(fields.requiredString("id"), fields.requiredInstant("time"));
        }
        throw new InvalidEventException("snapshot-available handles '" + RdsSnapshotEvent.DETAIL_TYPE + "' from '"
                + RdsSnapshotEvent.SOURCE + "' and '" + ScheduledSnapshotInput.SCHEDULED_EVENT_DETAIL_TYPE + "' from '"
                + ScheduledSnapshotInput.SCHEDULED_EVENT_SOURCE + "', not '" + input.get("detail-type") + "' from '"
                + input.get("source") + "'");
    }
}
