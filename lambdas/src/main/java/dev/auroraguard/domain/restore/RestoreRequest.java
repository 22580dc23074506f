package dev.auroraguard.domain.restore;

import dev.auroraguard.domain.RdsIdentifier;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One validated request to restore a cluster, whatever triggered it.
 *
 * @param sourceCluster the cluster to restore from (lower case); it is only ever read
 * @param point         what to restore
 * @param targetCluster the new cluster's identifier when the requester chose one; else derived ({@link RestoreNamer})
 * @param restoreType   full copy or copy-on-write clone
 * @param reason        why, for people (tagged on the new cluster and carried in every event)
 * @param requestedBy   who or what asked
 * @param origin        request or alarm
 * @param reference     the triggering event's id (EventBridge id, or the alarm's ARN and state-change time)
 * @param requestedAt   when the trigger happened (the event's time): elapsed time counts from here
 */
public record RestoreRequest(String sourceCluster, RestorePoint point, Optional<String> targetCluster, RestoreType restoreType,
                             String reason, String requestedBy, RestoreOrigin origin, String reference, Instant requestedAt) {

    public RestoreRequest {
        sourceCluster = RdsIdentifier.normalize(sourceCluster, "source cluster");
        Objects.requireNonNull(point, "point");
        targetCluster = targetCluster.map(t -> RdsIdentifier.normalize(t, "target cluster"));
        Objects.requireNonNull(restoreType, "restoreType");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(requestedAt, "requestedAt");
        problem(point, restoreType).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        if (targetCluster.isPresent() && targetCluster.get().equals(sourceCluster)) {
            throw new IllegalArgumentException("the target cluster must differ from the source cluster " + sourceCluster
                    + ": a restore always creates a new cluster and never touches the source");
        }
        if (targetCluster.isPresent() && targetCluster.get().length() > RestoreNamer.MAX_CLUSTER_LENGTH) {
            throw new IllegalArgumentException("target cluster '" + targetCluster.get() + "' is " + targetCluster.get().length()
                    + " characters long; at most " + RestoreNamer.MAX_CLUSTER_LENGTH + " leave room for its instances' '-N' suffix");
        }
    }

    /** Why this combination can't be restored, if it can't (checked before anything is created). */
    public static Optional<String> problem(RestorePoint point, RestoreType type) {
        if (type == RestoreType.COPY_ON_WRITE && point instanceof RestorePoint.At at) {
            return Optional.of("restoreType copy-on-write can't restore to " + at.instant() + ": RDS clones only the latest"
                    + " restorable state (RestoreToTime is refused with copy-on-write); ask for restoreTo \"latest\" or use"
                    + " full-copy");
        }
        if (type == RestoreType.COPY_ON_WRITE && point instanceof RestorePoint.FromSnapshot) {
            return Optional.of("restoreType copy-on-write applies to point-in-time restores only, not to a restore from a snapshot");
        }
        return Optional.empty();
    }
}
