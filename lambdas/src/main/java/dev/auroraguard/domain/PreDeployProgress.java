package dev.auroraguard.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a pre-deploy snapshot requested by a CodePipeline action stands between two jobs of that action.
 * It travels in the continuation token: each job is a new invocation, and the snapshot identifier
 * derives from the job that <em>started</em> the action, which later jobs only learn from here.
 *
 * @param reference         the job id that started the action
 * @param clusterId         the cluster
 * @param snapshotId        the snapshot the action waits for
 * @param label             the release's label
 * @param startedAt         when the action's first job ran (the overall wait limit counts from here)
 * @param phase             whether the snapshot has been created yet
 * @param consecutiveErrors AWS calls that failed for a retryable reason in a row, across jobs
 */
public record PreDeployProgress(String reference, String clusterId, String snapshotId, Optional<String> label,
                                Instant startedAt, Phase phase, int consecutiveErrors) {

    public PreDeployProgress {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(phase, "phase");
        if (consecutiveErrors < 0) {
            throw new IllegalArgumentException("consecutiveErrors cannot be negative");
        }
    }

    /** The state before the first job's work: nothing created yet. */
    public static PreDeployProgress begin(PreDeployRequest request, Instant now) {
        return new PreDeployProgress(request.reference(), request.clusterId(), request.snapshotId(), request.label(), now,
                Phase.STARTING, 0);
    }

    /** The request this action serves, as its first job read it. */
    public PreDeployRequest request() {
        return new PreDeployRequest(PreDeployRequest.Source.CODEPIPELINE_JOB, reference, clusterId, label, Optional.empty());
    }

    public PreDeployProgress creating() {
        return new PreDeployProgress(reference, clusterId, snapshotId, label, startedAt, Phase.CREATING, 0);
    }

    public PreDeployProgress waitingToStart() {
        return new PreDeployProgress(reference, clusterId, snapshotId, label, startedAt, Phase.STARTING, 0);
    }

    /** The same phase, with one more retryable failure counted. */
    public PreDeployProgress afterError() {
        return new PreDeployProgress(reference, clusterId, snapshotId, label, startedAt, phase, consecutiveErrors + 1);
    }

    public enum Phase {
        /** The snapshot is not created yet (the cluster was busy, or RDS did not answer). */
        STARTING("starting"),
        /** The snapshot exists; the action waits for it to become available. */
        CREATING("creating");

        private final String word;

        Phase(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Optional<Phase> fromWord(String word) {
            for (Phase phase : values()) {
                if (phase.word.equals(word)) {
                    return Optional.of(phase);
                }
            }
            return Optional.empty();
        }
    }
}
