package dev.auroraguard.event;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An "RDS DB Cluster Snapshot Event" as RDS publishes it to EventBridge ({@code source} {@code aws.rds}).
 * Only the fields aurora-guard uses are kept:
 *
 * <pre>
 * "detail": {
 *   "EventCategories": ["backup"], "SourceType": "CLUSTER_SNAPSHOT",
 *   "SourceArn": "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:my-snapshot",
 *   "Date": "2018-10-06T12:26:13.882Z", "SourceIdentifier": "my-snapshot",
 *   "Message": "Manual cluster snapshot created", "EventID": "RDS-EVENT-0075" }
 * </pre>
 *
 * @param eventBridgeId the envelope's {@code id}
 * @param time          the envelope's {@code time}
 * @param rdsEventId    {@code detail.EventID}, e.g. {@value #MANUAL_SNAPSHOT_CREATED}
 * @param sourceArn     {@code detail.SourceArn}, the snapshot ARN
 * @param snapshotId    the snapshot identifier, from the ARN (or {@code SourceIdentifier}), without the
 *                      {@code rds:} prefix that AWS's own sample shows
 * @param message       {@code detail.Message}
 */
public record RdsSnapshotEvent(String eventBridgeId, Instant time, String rdsEventId, Optional<String> sourceArn,
                               String snapshotId, String message) {

    public static final String SOURCE = "aws.rds";
    public static final String DETAIL_TYPE = "RDS DB Cluster Snapshot Event";
    /** "Creation of a manual DB cluster snapshot has started." */
    public static final String MANUAL_SNAPSHOT_STARTED = "RDS-EVENT-0074";
    /** "A manual DB cluster snapshot has been created." */
    public static final String MANUAL_SNAPSHOT_CREATED = "RDS-EVENT-0075";

    private static final String ARN_MARKER = ":cluster-snapshot:";
    private static final String AUTOMATED_PREFIX = "rds:";

    public static boolean isRdsClusterSnapshotEvent(Map<String, Object> input) {
        return SOURCE.equals(input.get("source")) && DETAIL_TYPE.equals(input.get("detail-type"));
    }

    public static RdsSnapshotEvent parse(Map<String, Object> input) {
        EventFields fields = new EventFields(input, "RDS event");
        if (!isRdsClusterSnapshotEvent(input)) {
            throw new InvalidEventException("expected an '" + DETAIL_TYPE + "' from '" + SOURCE + "'");
        }
        EventFields detail = fields.object("detail");
        Optional<String> arn = detail.optionalString("SourceArn");
        String rawId = arn.filter(a -> a.contains(ARN_MARKER))
                .map(a -> a.substring(a.indexOf(ARN_MARKER) + ARN_MARKER.length()))
                .or(() -> detail.optionalString("SourceIdentifier"))
                .orElseThrow(() -> new InvalidEventException("RDS event detail has neither a snapshot SourceArn nor a SourceIdentifier"));
        String snapshotId = rawId.startsWith(AUTOMATED_PREFIX) ? rawId.substring(AUTOMATED_PREFIX.length()) : rawId;
        return new RdsSnapshotEvent(
                fields.requiredString("id"),
                fields.requiredInstant("time"),
                detail.requiredString("EventID"),
                arn,
                snapshotId,
                detail.optionalString("Message").orElse(""));
    }

    public boolean isManualSnapshotCreated() {
        return MANUAL_SNAPSHOT_CREATED.equals(rdsEventId);
    }
}
