package dev.auroraguard.handler;

import dev.auroraguard.domain.Cluster;
import dev.auroraguard.domain.PreDeployClassifier;
import dev.auroraguard.domain.PreDeployOutcome;
import dev.auroraguard.domain.PreDeployProgress;
import dev.auroraguard.domain.PreDeployRequest;
import dev.auroraguard.domain.Snapshot;
import dev.auroraguard.domain.SnapshotCreation;
import dev.auroraguard.domain.TagScheme;
import dev.auroraguard.domain.TagScheme.NewSnapshotTags;
import dev.auroraguard.handler.StructuredLog.Level;
import dev.auroraguard.port.ClusterDirectory;
import dev.auroraguard.port.ClusterSnapshots;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts a pre-deploy request's snapshot and looks at it later; never waits on RDS. Both ways of asking
 * (CodePipeline, CI event) go through here, so naming, tags and idempotency are the same.
 *
 * <p>RDS errors that outlast the SDK's retries are thrown as {@link dev.auroraguard.port.ServiceCallException}:
 * the caller decides whether to look again later or to fail.
 */
public final class PreDeploySnapshots {

    private final ClusterDirectory directory;
    private final ClusterSnapshots snapshots;
    private final PreDeployClassifier classifier;
    private final boolean copyClusterTags;
    private final StructuredLog log;

    public PreDeploySnapshots(ClusterDirectory directory, ClusterSnapshots snapshots, PreDeployClassifier classifier,
                              boolean copyClusterTags, StructuredLog log) {
        this.directory = directory;
        this.snapshots = snapshots;
        this.classifier = classifier;
        this.copyClusterTags = copyClusterTags;
        this.log = log;
    }

    /**
     * Creates the request's snapshot, or finds the one an earlier delivery of the same request created.
     * A busy cluster gives {@link PreDeployOutcome.Status#WAITING}; nothing is created then.
     */
    public PreDeployOutcome start(PreDeployRequest request) {
        List<Cluster> found = directory.describe(List.of(request.clusterId()));
        if (found.isEmpty()) {
            return classifier.clusterNotFound(request, "");
        }
        Cluster cluster = found.get(0);
        String snapshotId = request.snapshotId();
        if (!cluster.isAvailable()) {
            // While our snapshot is being taken the cluster is backing-up because of it: a retry finds it here.
            Optional<Snapshot> existing = snapshots.describe(snapshotId);
            return existing.map(s -> classifier.existing(request, Optional.of(cluster.arn()), s))
                    .orElseGet(() -> classifier.clusterUnavailable(request, cluster));
        }
        boolean copy = copyClusterTags || cluster.copyTagsToSnapshot();
        NewSnapshotTags tags = TagScheme.forPreDeploySnapshot(request.reference(), request.label(), request.pipelineJobId(),
                request.requester(), copy ? cluster.tags() : Map.of());
        if (!tags.droppedKeys().isEmpty()) {
            log.decision(Level.WARN, "cluster tags not copied to the snapshot (50-tag limit)", cluster.id(), snapshotId,
                    "create", "tags-dropped", Map.of("droppedTagKeys", tags.droppedKeys()));
        }
        SnapshotCreation creation = snapshots.create(cluster.id(), snapshotId, tags.tags());
        if (creation instanceof SnapshotCreation.Created created) {
            return classifier.created(request, cluster, created.snapshot());
        }
        if (creation instanceof SnapshotCreation.AlreadyExists || creation instanceof SnapshotCreation.ClusterNotAvailable) {
            Optional<Snapshot> existing = snapshots.describe(snapshotId);
            if (existing.isPresent()) {
                return classifier.existing(request, Optional.of(cluster.arn()), existing.get());
            }
            if (creation instanceof SnapshotCreation.AlreadyExists exists) {
                return PreDeployOutcome.waiting(request, Optional.of(cluster.arn()), PreDeployOutcome.Reason.AWS_ERROR,
                        "RDS reported snapshot " + snapshotId + " as existing but could not describe it (" + exists.message()
                                + "); looking again later");
            }
        }
        return classifier.refused(request, cluster, creation);
    }

    /**
     * Where an action's request stands now: started again if it has not started yet, else the snapshot as
     * RDS describes it; a request still pending after the wait limit fails.
     */
    public PreDeployOutcome check(PreDeployProgress progress, Instant now) {
        if (progress.phase() == PreDeployProgress.Phase.STARTING) {
            return classifier.limited(start(progress.request()), progress, now);
        }
        return classifier.progress(progress, snapshots.describe(progress.snapshotId()), now);
    }
}
