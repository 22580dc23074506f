package dev.auroraguard.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One request for a pre-deploy snapshot: which cluster, why (the label), and who asked. The reference
 * identifies the request across retries and names the snapshot ({@link SnapshotNamer#preDeploySnapshotId}).
 *
 * @param source    how the request arrived
 * @param reference the CodePipeline job id that started the action, or the EventBridge event id of a CI request
 * @param clusterId the cluster, lower case as RDS stores it
 * @param label     the release's label, e.g. {@code release-42}
 * @param requester who asked (CI requests name themselves), e.g. {@code github-actions/orders-service}
 */
public record PreDeployRequest(Source source, String reference, String clusterId, Optional<String> label,
                               Optional<String> requester) {

    /** Labels and requesters are tagged and travel in continuation tokens: kept short. */
    public static final int MAX_TEXT_LENGTH = 128;

    public PreDeployRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(requester, "requester");
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a pre-deploy request needs a reference (job id or event id)");
        }
        clusterId = RdsIdentifier.normalize(clusterId, "cluster identifier");
        label.flatMap(l -> textProblem(l)).ifPresent(p -> {
            throw new IllegalArgumentException("label '" + label.get() + "' " + p);
        });
        requester.flatMap(r -> textProblem(r)).ifPresent(p -> {
            throw new IllegalArgumentException("requester '" + requester.get() + "' " + p);
        });
    }

    /** The snapshot this request asks for. */
    public String snapshotId() {
        return SnapshotNamer.preDeploySnapshotId(clusterId, reference);
    }

    /** The CodePipeline job that started the action, for requests from CodePipeline. */
    public Optional<String> pipelineJobId() {
        return source == Source.CODEPIPELINE_JOB ? Optional.of(reference) : Optional.empty();
    }

    /**
     * Why a label or requester cannot be used (it becomes a tag value, an output variable and part of
     * events), or empty when it can.
     */
    public static Optional<String> textProblem(String text) {
        if (text.isBlank()) {
            return Optional.of("is blank");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            return Optional.of("is " + text.length() + " characters long (at most " + MAX_TEXT_LENGTH + ")");
        }
        return TagScheme.valueProblem(text);
    }

    /** How a pre-deploy request reaches the function. */
    public enum Source {
        /** A CodePipeline Lambda invoke action; the cluster is named in the action's UserParameters. */
        CODEPIPELINE_JOB("codepipeline-job", "the action's UserParameters"),
        /** A "Pre-Deploy Snapshot Requested" event on the aurora-guard bus, e.g. from a CI job. */
        EVENTBRIDGE_REQUEST("eventbridge-request", "the request event's detail.cluster");

        private final String word;
        private final String whereClusterIsNamed;

        Source(String word, String whereClusterIsNamed) {
            this.word = word;
            this.whereClusterIsNamed = whereClusterIsNamed;
        }

        /** Where the user fixes a wrong cluster name, for messages. */
        public String whereClusterIsNamed() {
            return whereClusterIsNamed;
        }

        @Override
        public String toString() {
            return word;
        }
    }
}
