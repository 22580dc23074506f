package dev.auroraguard.domain;

import dev.auroraguard.domain.PreDeployOutcome.Reason;
import dev.auroraguard.domain.PreDeployOutcome.Status;
import dev.auroraguard.domain.PreDeployRequest.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns what RDS answered about a pre-deploy request's cluster and snapshot into the request's outcome,
 * with a message that says what happened and what to do. Idempotency is decided here: a snapshot under
 * the request's identifier is the request's own only if aurora-guard created it for this very request.
 */
public final class PreDeployClassifier {

    /** The setting that bounds the wait, named in the message when the bound is reached. */
    public static final String MAX_WAIT_SETTING = "PRE_DEPLOY_MAX_WAIT";

    private final Duration maxWait;

    public PreDeployClassifier(Duration maxWait) {
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("the wait limit must be positive: " + maxWait);
        }
        this.maxWait = maxWait;
    }

    public Duration maxWait() {
        return maxWait;
    }

    /** RDS does not know the requested cluster. */
    public PreDeployOutcome clusterNotFound(PreDeployRequest request, String detail) {
        return PreDeployOutcome.failure(request, Optional.empty(), Reason.CLUSTER_NOT_FOUND, "cluster '" + request.clusterId()
                + "' does not exist in this account and region" + detail + "; check the cluster identifier in "
                + request.source().whereClusterIsNamed(), false);
    }

    /** The cluster is not available and no snapshot for the request exists yet. */
    public PreDeployOutcome clusterUnavailable(PreDeployRequest request, Cluster cluster) {
        String status = "cluster " + cluster.id() + " is '" + cluster.status() + "'; RDS only snapshots an available cluster";
        if (ClusterAvailability.of(cluster.status()) == ClusterAvailability.BLOCKED) {
            return PreDeployOutcome.failure(request, Optional.of(cluster.arn()), Reason.CLUSTER_NOT_AVAILABLE, status
                    + " and this status does not change by itself: make the cluster available (e.g. aws rds start-db-cluster"
                    + " --db-cluster-identifier " + cluster.id() + "), then " + retryHint(request.source()), false);
        }
        return PreDeployOutcome.waiting(request, Optional.of(cluster.arn()), Reason.CLUSTER_BUSY, status
                + ", so the snapshot starts once the cluster is available again");
    }

    /** RDS accepted the create request. */
    public PreDeployOutcome created(PreDeployRequest request, Cluster cluster, Snapshot snapshot) {
        return new PreDeployOutcome(Status.CREATING, Reason.CREATED, "pre-deploy snapshot " + snapshot.id() + " of "
                + cluster.id() + label(request) + " started; the deployment waits until it is available", cluster.id(),
                Optional.of(cluster.arn()), request.snapshotId(), Optional.of(snapshot), false, false);
    }

    /** RDS refused the create request for a reason other than an existing identifier. */
    public PreDeployOutcome refused(PreDeployRequest request, Cluster cluster, SnapshotCreation creation) {
        if (creation instanceof SnapshotCreation.ClusterNotFound notFound) {
            return clusterNotFound(request, " (" + notFound.message() + ")");
        }
        if (creation instanceof SnapshotCreation.ClusterNotAvailable notAvailable) {
            return PreDeployOutcome.waiting(request, Optional.of(cluster.arn()), Reason.CLUSTER_BUSY, "RDS refused the snapshot"
                    + " because cluster " + cluster.id() + " is not available (" + notAvailable.message()
                    + "); the snapshot starts once the cluster is available again");
        }
        if (creation instanceof SnapshotCreation.QuotaExceeded quota) {
            String usage = quota.quota().map(q -> " (" + q.used() + " of " + q.max() + " used)").orElse("");
            return PreDeployOutcome.failure(request, Optional.of(cluster.arn()), Reason.QUOTA_EXCEEDED,
                    "the account's manual cluster snapshot quota is used up" + usage + ": delete old manual snapshots or raise"
                            + " the quota, then " + retryHint(request.source()) + ". RDS said: " + quota.message(), false);
        }
        throw new IllegalArgumentException(creation + " is not a refusal");
    }

    /**
     * A snapshot exists under the request's identifier (found before creating, or after RDS answered
     * DBClusterSnapshotAlreadyExists): the request's own, in whatever state, or a conflict.
     */
    public PreDeployOutcome existing(PreDeployRequest request, Optional<String> clusterArn, Snapshot snapshot) {
        if (!isRequestsOwn(request, snapshot)) {
            String whose = snapshot.isManaged()
                    ? "an aurora-guard snapshot of cluster '" + snapshot.clusterId() + "' for another request ("
                            + snapshot.tag(TagScheme.KIND).orElse("no kind") + ", trigger "
                            + snapshot.tag(TagScheme.TRIGGER).orElse("none") + ")"
                    : "a snapshot aurora-guard did not create (no " + TagScheme.MANAGED + "=" + TagScheme.TRUE + " tag)";
            return new PreDeployOutcome(Status.FAILED, Reason.IDENTIFIER_CONFLICT, "snapshot identifier " + snapshot.id()
                    + " is taken by " + whose + "; aurora-guard will not touch it: rename or delete it, then "
                    + retryHint(request.source()), request.clusterId(), clusterArn, request.snapshotId(), Optional.of(snapshot),
                    false, false);
        }
        if (snapshot.isAvailable()) {
            return new PreDeployOutcome(Status.AVAILABLE, Reason.ALREADY_EXISTS, "pre-deploy snapshot " + snapshot.id() + " of "
                    + snapshot.clusterId() + label(request) + " already exists from an earlier delivery of this request and is"
                    + " available", request.clusterId(), clusterArn, request.snapshotId(), Optional.of(snapshot), true, false);
        }
        if (snapshot.hasFailed()) {
            return failed(request, clusterArn, snapshot);
        }
        return new PreDeployOutcome(Status.CREATING, Reason.ALREADY_EXISTS, "pre-deploy snapshot " + snapshot.id() + " of "
                + snapshot.clusterId() + label(request) + " already exists from an earlier delivery of this request (status "
                + snapshot.status() + ")", request.clusterId(), clusterArn, request.snapshotId(), Optional.of(snapshot), true, false);
    }

    /**
     * A later look at a snapshot the request created: available, still being created, failed or gone;
     * while it is still pending after {@link #maxWait()} since the request began, the request fails.
     */
    public PreDeployOutcome progress(PreDeployProgress progress, Optional<Snapshot> described, Instant now) {
        PreDeployRequest request = progress.request();
        Duration elapsed = Duration.between(progress.startedAt(), now);
        if (described.isEmpty()) {
            return PreDeployOutcome.failure(request, Optional.empty(), Reason.SNAPSHOT_MISSING, "pre-deploy snapshot "
                    + progress.snapshotId() + " of " + progress.clusterId() + " no longer exists (deleted while it was being"
                    + " created?); " + retryHint(request.source()) + " to take a new one", false);
        }
        Snapshot snapshot = described.get();
        if (!isRequestsOwn(request, snapshot)) {
            return existing(request, Optional.empty(), snapshot);
        }
        if (snapshot.isAvailable()) {
            String created = snapshot.createTime().map(t -> ", created " + t).orElse("");
            return new PreDeployOutcome(Status.AVAILABLE, Reason.AVAILABLE, "pre-deploy snapshot " + snapshot.id() + " of "
                    + snapshot.clusterId() + label(request) + " is available" + created + " (" + human(elapsed)
                    + " after the request): the rollback point is complete", request.clusterId(), Optional.empty(),
                    request.snapshotId(), Optional.of(snapshot), false, false);
        }
        if (snapshot.hasFailed()) {
            return failed(request, Optional.empty(), snapshot);
        }
        PreDeployOutcome creating = new PreDeployOutcome(Status.CREATING, Reason.CREATING, "pre-deploy snapshot " + snapshot.id()
                + " of " + snapshot.clusterId() + " is still '" + snapshot.status() + "' (" + human(elapsed) + " so far, limit "
                + human(maxWait) + ")", request.clusterId(), Optional.empty(), request.snapshotId(), Optional.of(snapshot), false, false);
        return limited(creating, progress, now);
    }

    /** A pending outcome past the wait limit becomes a failure; anything else is returned unchanged. */
    public PreDeployOutcome limited(PreDeployOutcome outcome, PreDeployProgress progress, Instant now) {
        Duration elapsed = Duration.between(progress.startedAt(), now);
        if (!outcome.isPending() || elapsed.compareTo(maxWait) < 0) {
            return outcome;
        }
        String state = outcome.snapshot().map(s -> "pre-deploy snapshot " + s.id() + " of " + s.clusterId() + " is still '"
                + s.status() + "'").orElse("pre-deploy snapshot " + outcome.snapshotId() + " of " + outcome.clusterId()
                + " has not started (" + outcome.message() + ")");
        String after = outcome.snapshot().isPresent()
                ? ". RDS keeps creating it; " + retryHint(progress.request().source()) + " once it is available (that takes a new"
                        + " snapshot) or raise " + MAX_WAIT_SETTING
                : ". " + retryHint(progress.request().source()) + " once the cluster is available, or raise " + MAX_WAIT_SETTING;
        return new PreDeployOutcome(Status.FAILED, Reason.WAIT_LIMIT_REACHED, state + " after " + human(elapsed)
                + ", the limit (" + MAX_WAIT_SETTING + "=" + human(maxWait) + "); the deployment must not proceed without a"
                + " complete rollback point" + after, outcome.clusterId(), outcome.clusterArn(), outcome.snapshotId(),
                outcome.snapshot(), outcome.alreadyExisted(), false);
    }

    private PreDeployOutcome failed(PreDeployRequest request, Optional<String> clusterArn, Snapshot snapshot) {
        return new PreDeployOutcome(Status.FAILED, Reason.SNAPSHOT_FAILED, "pre-deploy snapshot " + snapshot.id() + " of "
                + snapshot.clusterId() + " is '" + snapshot.status() + "' and will never become available; "
                + retryHint(request.source()) + " to take a new one", request.clusterId(), clusterArn, request.snapshotId(),
                Optional.of(snapshot), false, false);
    }

    /** Ours: managed, of this cluster, of kind pre-deploy and created for this request. */
    static boolean isRequestsOwn(PreDeployRequest request, Snapshot snapshot) {
        return snapshot.isManaged()
                && snapshot.clusterId().equals(request.clusterId())
                && snapshot.tag(TagScheme.KIND).filter(SnapshotKind.PRE_DEPLOY.word()::equals).isPresent()
                && snapshot.tag(TagScheme.TRIGGER).filter(request.reference()::equals).isPresent();
    }

    /** What the user does to try again. */
    public static String retryHint(Source source) {
        return source == Source.CODEPIPELINE_JOB
                ? "retry the failed action in the pipeline"
                : "send the Pre-Deploy Snapshot Requested event again";
    }

    private static String label(PreDeployRequest request) {
        return request.label().map(l -> " for " + l).orElse("");
    }

    /** {@code 45s}, {@code 12m}, {@code 1h 5m}: durations as people read them in a pipeline's details. */
    public static String human(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return rest == 0 ? hours + "h" : hours + "h " + rest + "m";
    }
}
