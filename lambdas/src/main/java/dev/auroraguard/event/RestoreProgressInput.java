package dev.auroraguard.event;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the {@code restore-progress} function is invoked with: an RDS cluster or instance event (a prompt
 * to look at that resource again), the periodic sweep's Scheduled Event, or a {@code Restore Cutover Requested}.
 */
public sealed interface RestoreProgressInput {

    String RDS_SOURCE = "aws.rds";
    String CLUSTER_EVENT = "RDS DB Cluster Event";
    String INSTANCE_EVENT = "RDS DB Instance Event";
    String CUTOVER_REQUESTED = "Restore Cutover Requested";
    /** "DB cluster created". */
    String CLUSTER_CREATED = "RDS-EVENT-0170";
    /** "DB instance created". */
    String INSTANCE_CREATED = "RDS-EVENT-0005";

    /**
     * @param cluster  true for a cluster event, false for an instance event
     * @param sourceId the cluster or instance identifier ({@code detail.SourceIdentifier}, else from {@code SourceArn})
     */
    record RdsEvent(String eventId, String rdsEventId, boolean cluster, String sourceId) implements RestoreProgressInput {
    }

    record Sweep(String eventId, Instant time) implements RestoreProgressInput {
    }

    /** @param restoredCluster the restored cluster to point the application at */
    record CutoverRequested(String eventId, String restoredCluster, String requestedBy) implements RestoreProgressInput {
    }

    static RestoreProgressInput parse(Map<String, Object> input) {
        if (input == null) {
            throw new InvalidEventException("restore-progress was invoked without input");
        }
        EventFields envelope = new EventFields(input, "input");
        Object detailType = input.get("detail-type");
        if (RDS_SOURCE.equals(input.get("source")) && (CLUSTER_EVENT.equals(detailType) || INSTANCE_EVENT.equals(detailType))) {
            EventFields detail = envelope.object("detail");
            String marker = CLUSTER_EVENT.equals(detailType) ? ":cluster:" : ":db:";
            Optional<String> fromArn = detail.optionalString("SourceArn").filter(a -> a.contains(marker))
                    .map(a -> a.substring(a.indexOf(marker) + marker.length()));
            // The ARN first: AWS's own samples show SourceIdentifier with an "rds:" prefix.
            String id = fromArn.or(() -> detail.optionalString("SourceIdentifier").map(i -> i.startsWith("rds:") ? i.substring(4) : i))
                    .orElseThrow(() -> new InvalidEventException("RDS event detail has neither a SourceArn nor a SourceIdentifier"));
            return new RdsEvent(envelope.requiredString("id"), detail.optionalString("EventID").orElse(""),
                    CLUSTER_EVENT.equals(detailType), id.toLowerCase(java.util.Locale.ROOT));
        }
        if (ScheduledSnapshotInput.SCHEDULED_EVENT_SOURCE.equals(input.get("source"))
                && ScheduledSnapshotInput.SCHEDULED_EVENT_DETAIL_TYPE.equals(detailType)) {
            return new Sweep(envelope.requiredString("id"), envelope.requiredInstant("time"));
        }
        if (CUTOVER_REQUESTED.equals(detailType)) {
            EventFields detail = envelope.object("detail");
            String cluster = detail.optionalString("restoredCluster").orElseThrow(() ->
                    new InvalidEventException("Restore Cutover Requested names no restoredCluster"));
            return new CutoverRequested(envelope.requiredString("id"), cluster.toLowerCase(java.util.Locale.ROOT),
                    detail.optionalString("requestedBy").orElse("unknown"));
        }
        throw new InvalidEventException("restore-progress handles '" + CLUSTER_EVENT + "' and '" + INSTANCE_EVENT + "' from '"
                + RDS_SOURCE + "', the sweep's Scheduled Event and '" + CUTOVER_REQUESTED + "', not '" + detailType + "' from '"
                + input.get("source") + "'");
    }
}
